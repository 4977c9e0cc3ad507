using System.Globalization;
using Picket.Testing;

namespace Picket.Map;

/// <summary>
/// <c>picket-server</c> from this checkout's build output, run as its own process with its data
/// in memory, its gRPC port and an HTTP/1.1 port (<c>Listen:Http1Port</c>) on loopback.
/// Disposing kills it.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ServerProcess(ChildProcess process, Uri mapAddress)
    {
        _process = process;
        MapAddress = mapAddress;
    }

    /// <summary>The map page, <c>http://127.0.0.1:PORT/map/</c>.</summary>
    public Uri MapAddress { get; }

    public static async Task<ServerProcess> StartAsync(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var http1Port = FreePorts.Tcp();
        var process = ChildProcess.Start(BuiltPrograms.PicketServer,
            ["--Listen:Port", FreePorts.Tcp().ToString(CultureInfo.InvariantCulture), "--Listen:Http1Port", http1Port.ToString(CultureInfo.InvariantCulture), "--Management:Port", "off", .. arguments]);
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{http1Port}/map/"));
        try
        {
            await process.WaitForPortAsync(http1Port, timeout);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
