using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Picket.Outbox.Benchmarks;

/// <summary>picket-server as its own process (cleartext HTTP/2 on loopback, SQLite file, one gateway token).</summary>
internal sealed class ServerProcess : IDisposable
{
    public const string Token = "bench-token-2c9e61";

    private readonly Process _process;
    private bool _disposed;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public TimeSpan CpuTime => _process.TotalProcessorTime;

    public static async Task<ServerProcess> StartAsync(string databasePath)
    {
        var port = FreePort();
        var server = ServerDll();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            server, "--Listen:Port", port.ToString(CultureInfo.InvariantCulture), "--Storage:SqlitePath", databasePath,
            "--Auth:Tokens:0:Identity", Batches.GatewayId, "--Auth:Tokens:0:Role", "gateway",
            "--Auth:Tokens:0:Sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Token))),
            "--Logging:LogLevel:Default", "Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("picket-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[picket-server] " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return new ServerProcess(process, port);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    // The project reference builds the server in the same configuration; its output stays in its own folder.
    private static string ServerDll()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "server", "Picket.Server", "bin", configuration, "net10.0", "picket-server.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Cannot find picket-server.dll; build server/Picket.Server first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
