using System.Net;
using System.Net.Sockets;

namespace Picket.Simulation.Playback;

/// <summary>
/// A listening TCP port (<c>FORMAT:tcp-listen:[HOST:]PORT</c>), as readsb's 30005 and 30002: any
/// number of clients, each gets every unit from the moment it connects (whole frames only). A
/// client that has not taken a unit within 2 s, or has gone, is disconnected.
/// </summary>
public sealed class TcpListenPlaybackSink : PlaybackSink
{
    private readonly TcpListener _listener;
    private readonly List<Socket> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _accepted;

    /// <summary>Listens on the spec's address and port.</summary>
    /// <param name="spec">A tcp-listen output.</param>
    /// <exception cref="IOException">The port cannot be listened on (in use, or not an address of this machine).</exception>
    public TcpListenPlaybackSink(PlaybackOutputSpec spec)
        : base(spec)
    {
        _listener = new TcpListener(IPAddress.Parse(spec.Address), spec.PortOrBaudRate);
        try
        {
            _listener.Start();
        }
        catch (SocketException e)
        {
            throw new IOException($"output '{spec.Text}': cannot listen on {spec.Address}:{spec.PortOrBaudRate}: {e.Message}", e);
        }

        _accepting = AcceptAsync(_stop.Token);
    }

    /// <summary>The port listened on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Clients connected now.</summary>
    public int Clients
    {
        get
        {
            lock (_clients)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>Clients accepted since the start.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <inheritdoc />
    public override bool HasReceiver => Clients > 0;

    /// <inheritdoc />
    protected override bool TrySend(byte[] buffer, int count)
    {
        lock (_clients)
        {
            for (var i = _clients.Count - 1; i >= 0; i--)
            {
                var client = _clients[i];
                try
                {
                    var offset = 0;
                    while (offset < count)
                    {
                        offset += client.Send(buffer, offset, count - offset, SocketFlags.None);
                    }
                }
                catch (SocketException e)
                {
                    LastError = $"client {client.RemoteEndPoint}: {e.Message}";
                    _clients.RemoveAt(i);
                    client.Dispose();
                }
                catch (ObjectDisposedException)
                {
                    _clients.RemoveAt(i);
                }
            }

            return _clients.Count > 0;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener.
        }

        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            client.NoDelay = true;
            client.SendTimeout = 2000;
            lock (_clients)
            {
                _clients.Add(client);
            }

            Interlocked.Increment(ref _accepted);
        }
    }
}
