using System.Net;
using System.Net.Sockets;

namespace Picket.Gateway.Benchmarks;

/// <summary>
/// A loopback TCP relay between the gateway and picket-server that counts the bytes each way: what
/// the uplink puts on the wire (HTTP/2 frames, gzip-compressed gRPC messages, headers; TCP/IP headers
/// not counted). Every accepted connection is relayed to the server's port.
/// </summary>
internal sealed class ByteRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _serverPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _sockets = [];
    private long _upstreamBytes;
    private long _downstreamBytes;

    public ByteRelay(int serverPort)
    {
        _serverPort = serverPort;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Bytes from the gateway to the server so far.</summary>
    public long UpstreamBytes => Interlocked.Read(ref _upstreamBytes);

    /// <summary>Bytes from the server to the gateway so far.</summary>
    public long DownstreamBytes => Interlocked.Read(ref _downstreamBytes);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
                var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                client.NoDelay = true;
                lock (_sockets)
                {
                    _sockets.Add(client);
                    _sockets.Add(server);
                }

                await server.ConnectAsync(IPAddress.Loopback, _serverPort, _stop.Token).ConfigureAwait(false);
                _ = CopyAsync(client, server, upstream: true);
                _ = CopyAsync(server, client, upstream: false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped, or the server went away: the gateway reconnects through a new accept.
        }
    }

    private async Task CopyAsync(Socket from, Socket to, bool upstream)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var count = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false);
                if (count == 0)
                {
                    break;
                }

                Interlocked.Add(ref upstream ? ref _upstreamBytes : ref _downstreamBytes, count);
                await to.SendAsync(buffer.AsMemory(0, count), SocketFlags.None, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Either side closed.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
