using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Picket.Testing;

namespace Picket.Outbox.Benchmarks;

/// <summary>picket-server as its own process (cleartext HTTP/2 on loopback, SQLite file, one gateway token).</summary>
internal sealed class ServerProcess : IDisposable
{
    public const string Token = "bench-token-2c9e61";

    private readonly ChildProcess _process;

    private ServerProcess(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public TimeSpan CpuTime => _process.CpuTime;

    public static async Task<ServerProcess> StartAsync(string databasePath)
    {
        var port = FreePorts.Tcp();
        var process = ChildProcess.Start(BuiltPrograms.PicketServer,
        [
            "--Listen:Port", port.ToString(CultureInfo.InvariantCulture), "--Storage:SqlitePath", databasePath,
            "--Auth:Tokens:0:Identity", Batches.GatewayId, "--Auth:Tokens:0:Role", "gateway",
            "--Auth:Tokens:0:Sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Token))),
            "--Logging:LogLevel:Default", "Warning",
        ], echoPrefix: "[picket-server] ");
        try
        {
            await process.WaitForPortAsync(port, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        }
        catch
        {
            process.Dispose();
            throw;
        }

        return new ServerProcess(process, port);
    }

    public void Dispose() => _process.Dispose();
}
