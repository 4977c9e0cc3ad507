using Picket.Cli;

namespace Picket.Gateway.Health;

public sealed class StatusFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("picket-status-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void TheSnapshotRoundTripsThroughTheFile()
    {
        var path = Path.Combine(_directory, "run", "status.json");
        var snapshot = HealthSnapshots.Sample(1_764_000_000_000_000);
        StatusFile.Write(path, snapshot);
        var read = StatusFile.Read(path);
        Assert.Equal(snapshot with { Sources = read.Sources }, read);
        Assert.Equal(snapshot.Sources, read.Sources);
        Assert.Contains("\"acked_sequence\": 18446744073709551000", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusShowsTheStateAndNamesEveryProblem()
    {
        var path = Path.Combine(_directory, "status.json");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        StatusFile.Write(path, HealthSnapshots.Sample(now));
        var (exit, output, _) = await RunAsync("status", "--status", path);
        Assert.Equal(CommandLine.InputError, exit);
        Assert.Contains("gateway mast-17", output, StringComparison.Ordinal);
        Assert.Contains("input    asterix:udp:0.0.0.0:8600", output, StringComparison.Ordinal);
        Assert.Contains("  - input asterix:udp:0.0.0.0:8600 is disconnected", output, StringComparison.Ordinal);

        var healthy = HealthSnapshots.Sample(now);
        healthy = healthy with { Sources = [healthy.Sources[0]] };
        StatusFile.Write(path, healthy);
        (exit, output, _) = await RunAsync("status", "--status", path);
        Assert.Equal(CommandLine.Success, exit);
        Assert.EndsWith("OK\n", output.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);

        StatusFile.Write(path, healthy with { TimeUnixMicroseconds = now - 600_000_000 });
        (exit, output, _) = await RunAsync("status", "--status", path);
        Assert.Equal(CommandLine.InputError, exit);
        Assert.Contains("the gateway is not running or is stuck", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingOrForeignFileIsAClearError()
    {
        var (exit, _, errors) = await RunAsync("status", "--status", Path.Combine(_directory, "none.json"));
        Assert.Equal(CommandLine.InputError, exit);
        Assert.Contains("no status file: is the gateway running", errors, StringComparison.Ordinal);

        var foreign = Path.Combine(_directory, "foreign.json");
        File.WriteAllText(foreign, "[1, 2]");
        (exit, _, errors) = await RunAsync("status", "--status", foreign);
        Assert.Equal(CommandLine.InputError, exit);
        Assert.Contains("not a picket status file", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await CommandLine.RunAsync(args, TextReader.Null, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }
}
