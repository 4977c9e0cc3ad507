using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Picket.Testing;

namespace Picket.Map;

/// <summary>
/// <c>picket-server</c> from this checkout's build output, run as its own process with its data
/// in memory, its gRPC port and an HTTP/1.1 port (<c>Listen:Http1Port</c>) on loopback.
/// Disposing kills it.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri mapAddress)
    {
        _process = process;
        MapAddress = mapAddress;
    }

    /// <summary>The map page, <c>http://127.0.0.1:PORT/map/</c>.</summary>
    public Uri MapAddress { get; }

    public static async Task<ServerProcess> StartAsync(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = RepositoryPaths.PathOf(Path.Combine("server", "Picket.Server", "bin", configuration, "net10.0", "picket-server.dll"));
        var http1Port = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[dll, "--Listen:Port", FreeLoopbackPort().ToString(CultureInfo.InvariantCulture), "--Listen:Http1Port", http1Port.ToString(CultureInfo.InvariantCulture), "--Management:Port", "off", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start picket-server");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{http1Port}/map/"));
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                var exitCode = process.ExitCode;
                await server.DisposeAsync();
                throw new InvalidOperationException($"picket-server exited with code {exitCode} before it listened");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, http1Port);
                return server;
            }
            catch (SocketException) when (waited.Elapsed < timeout)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
