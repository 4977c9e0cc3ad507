using System.Globalization;

namespace Picket.Server.LoadTest;

/// <summary>Command line of the chaos run: <c>chaos [--cycles N] [--seed N] [--no-tmpfs] [--server PATH]</c>.</summary>
internal sealed record ChaosOptions(int Cycles, int Seed, bool Tmpfs, int TracksPerBatch, int Window, string ServerDll)
{
    /// <summary>Every tenth cycle (5, 15, 25, ...) fills the disk, when a tmpfs is mounted; other cycles end with kill -9.</summary>
    public bool IsDiskFullCycle(int cycle) => Cycles < 10 ? cycle == 3 : cycle % 10 == 5;

    /// <summary>Cycles 12, 32, 52, ... delete the database (cycle 2 of a short smoke run).</summary>
    public bool IsDeletionCycle(int cycle) => Cycles < 10 ? cycle == 2 : cycle % 20 == 12;

    public const string Usage = "usage: Picket.Server.LoadTest chaos [--cycles N (60)] [--seed N (1)] [--no-tmpfs] [--server PATH/picket-server.dll]";

    public static ChaosOptions Parse(string[] args)
    {
        var cycles = 60;
        var seed = 1;
        var tmpfs = true;
        string? server = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cycles" when i + 1 < args.Length:
                    cycles = int.Parse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--seed" when i + 1 < args.Length:
                    seed = int.Parse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--no-tmpfs":
                    tmpfs = false;
                    break;
                case "--server" when i + 1 < args.Length:
                    server = args[++i];
                    break;
                default:
                    throw new ArgumentException($"unknown chaos option '{args[i]}'");
            }
        }

        return new ChaosOptions(cycles, seed, tmpfs, TracksPerBatch: 5, Window: 16, server ?? LoadOptions.DefaultServerDll());
    }
}
