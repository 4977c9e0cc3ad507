using System.Net.Sockets;
using Picket.Gateway.Time;

namespace Picket.Gateway.Inputs;

/// <summary>
/// A TCP client to a local decoder (readsb/dump1090: Beast 30005, AVR 30002, SBS 30003) with
/// synchronous receives and a receive timeout; a closed or reset connection is reconnected with
/// backoff. TCP keep-alive finds a peer that vanished without closing.
/// </summary>
public sealed class TcpInputReader : InputReader
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private Socket? _socket;

    /// <summary>Creates the reader.</summary>
    /// <param name="spec">A TCP input.</param>
    /// <param name="clock">Times each chunk at arrival.</param>
    /// <param name="handler">Receives the chunks.</param>
    /// <param name="backoff">The reconnect policy.</param>
    public TcpInputReader(InputSpec spec, GatewayClock clock, InputChunkHandler handler, ReconnectBackoff backoff)
        : base(spec, clock, handler, backoff, 16 * 1024)
    {
        if (spec.Transport != InputTransport.Tcp)
        {
            throw new ArgumentException($"input '{spec.Text}' is not a TCP input", nameof(spec));
        }
    }

    /// <inheritdoc />
    protected override void Open()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveTimeout = (int)PollInterval.TotalMilliseconds,
        };
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            socket.ConnectAsync(Spec.Address, Spec.PortOrBaudRate, timeout.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            throw new InputUnavailableException(exception is OperationCanceledException
                ? $"tcp {Spec.Address}:{Spec.PortOrBaudRate}: no answer within {ConnectTimeout.TotalSeconds} s"
                : $"tcp {Spec.Address}:{Spec.PortOrBaudRate}: {exception.Message}", exception);
        }

        _socket = socket;
    }

    /// <inheritdoc />
    protected override int Read(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var socket = _socket ?? throw new ObjectDisposedException(Spec.Text);
        try
        {
            var count = socket.Receive(buffer);
            return count > 0 ? count : throw new IOException($"tcp {Spec.Address}:{Spec.PortOrBaudRate}: connection closed by the peer");
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.TimedOut)
        {
            return 0;
        }
    }

    /// <inheritdoc />
    protected override void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }

    /// <inheritdoc />
    protected override string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is InputUnavailableException or IOException ? exception.Message : $"tcp {Spec.Address}:{Spec.PortOrBaudRate}: {exception.Message}";
    }
}
