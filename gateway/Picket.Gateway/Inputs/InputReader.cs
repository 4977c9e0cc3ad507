using System.Buffers;
using System.Net.Sockets;
using Picket.Gateway.Time;

namespace Picket.Gateway.Inputs;

/// <summary>
/// Reads one input on its own thread with synchronous reads (never <c>ReadAsync</c>: on
/// System.IO.Ports 10.0.15 it ignores <c>ReadTimeout</c> and an abandoned one later steals
/// bytes), hands each chunk with its arrival time to a handler, and when the device or
/// connection goes away closes it, waits (<see cref="ReconnectBackoff"/>) and opens it again.
/// Every read has a short timeout so that <see cref="Stop"/> is seen without closing the handle
/// from another thread (a pending read then throws <see cref="ObjectDisposedException"/>).
/// </summary>
public abstract class InputReader : IDisposable
{
    /// <summary>The longest a read blocks before the loop looks at <see cref="Stop"/> again.</summary>
    protected static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly GatewayClock _clock;
    private readonly InputChunkHandler _handler;
    private readonly ReconnectBackoff _backoff;
    private readonly CancellationTokenSource _stop = new();
    private readonly int _chunkBytes;
    private Thread? _thread;
    private long _bytes;
    private long _reconnects;
    private long _disconnectedMicroseconds;
    private long _disconnectedSinceUnixMicroseconds;
    private int _connected;
    private string? _lastError;
    private bool _disposed;

    /// <summary>Creates the reader.</summary>
    /// <param name="spec">The input.</param>
    /// <param name="clock">Times each chunk at arrival.</param>
    /// <param name="handler">Receives the chunks (on the reader's thread).</param>
    /// <param name="backoff">The reconnect policy.</param>
    /// <param name="chunkBytes">The read buffer size.</param>
    protected InputReader(InputSpec spec, GatewayClock clock, InputChunkHandler handler, ReconnectBackoff backoff, int chunkBytes)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(backoff);
        Spec = spec;
        _clock = clock;
        _handler = handler;
        _backoff = backoff;
        _chunkBytes = chunkBytes;
    }

    /// <summary>The input.</summary>
    public InputSpec Spec { get; }

    /// <summary>True while open or connected.</summary>
    public bool Connected => Volatile.Read(ref _connected) != 0;

    /// <summary>Bytes read since start.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Successful reopenings after the first open.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>The last transport error, or null.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Total time without a connection since <see cref="Start"/>, the current gap included, µs.</summary>
    public long DisconnectedMicroseconds
    {
        get
        {
            var total = Interlocked.Read(ref _disconnectedMicroseconds);
            var since = Interlocked.Read(ref _disconnectedSinceUnixMicroseconds);
            return Connected || since == 0 ? total : total + Math.Max(0, _clock.UtcNowUnixMicroseconds - since);
        }
    }

    /// <summary>Creates the reader for <paramref name="spec"/>'s transport.</summary>
    /// <param name="spec">The input.</param>
    /// <param name="clock">Times each chunk at arrival.</param>
    /// <param name="handler">Receives the chunks (on the reader's thread).</param>
    /// <param name="backoff">The reconnect policy.</param>
    /// <returns>A serial, TCP or UDP reader (not started).</returns>
    public static InputReader Create(InputSpec spec, GatewayClock clock, InputChunkHandler handler, ReconnectBackoff backoff)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Transport switch
        {
            InputTransport.Serial => new SerialInputReader(spec, clock, handler, backoff),
            InputTransport.Tcp => new TcpInputReader(spec, clock, handler, backoff),
            _ => new UdpInputReader(spec, clock, handler, backoff),
        };
    }

    /// <summary>Starts the reader thread.</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("the reader is already started");
        }

        Interlocked.Exchange(ref _disconnectedSinceUnixMicroseconds, _clock.UtcNowUnixMicroseconds);
        _thread = new Thread(Run) { IsBackground = true, Name = "picket input " + Spec.Text };
        _thread.Start();
    }

    /// <summary>Stops the reader and waits for its thread (at most about one poll interval).</summary>
    public void Stop()
    {
        if (_disposed)
        {
            return;
        }

        _stop.Cancel();
        _thread?.Join();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Stop();
        _disposed = true;
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens the device or connects.</summary>
    /// <exception cref="InputUnavailableException">Not available now (retried).</exception>
    protected abstract void Open();

    /// <summary>Blocks for at most about <see cref="PollInterval"/> reading into <paramref name="buffer"/>.</summary>
    /// <param name="buffer">The buffer.</param>
    /// <returns>Bytes read; 0 when nothing arrived in time (the input is quiet, not gone).</returns>
    /// <exception cref="IOException">The device or connection is gone (also <see cref="ObjectDisposedException"/>, <see cref="InvalidOperationException"/>, <see cref="SocketException"/>).</exception>
    protected abstract int Read(byte[] buffer);

    /// <summary>Closes the device or connection; never throws.</summary>
    protected abstract void Close();

    /// <summary>Turns a transport exception into a clear one-line message.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The message.</returns>
    protected virtual string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Message;
    }

    private static bool IsTransportError(Exception exception) => exception is IOException or ObjectDisposedException
        or InvalidOperationException or SocketException or UnauthorizedAccessException or InputUnavailableException
        or ArgumentException;

    private void Run()
    {
        var token = _stop.Token;
        var opened = false;
        while (!token.IsCancellationRequested)
        {
            try
            {
                Open();
            }
            catch (Exception exception) when (IsTransportError(exception))
            {
                Volatile.Write(ref _lastError, Describe(exception));
                token.WaitHandle.WaitOne(_backoff.Fail());
                continue;
            }

            MarkConnected(opened);
            opened = true;
            try
            {
                ReadUntilGone(token);
            }
            catch (Exception exception) when (IsTransportError(exception))
            {
                Volatile.Write(ref _lastError, Describe(exception));
            }
            finally
            {
                Close();
                MarkDisconnected();
            }

            if (!token.IsCancellationRequested)
            {
                token.WaitHandle.WaitOne(_backoff.Fail());
            }
        }
    }

    private void ReadUntilGone(CancellationToken token)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_chunkBytes);
        try
        {
            while (!token.IsCancellationRequested)
            {
                var count = Read(buffer);
                if (count <= 0)
                {
                    continue;
                }

                var arrival = _clock.UtcNowUnixMicroseconds;
                Interlocked.Add(ref _bytes, count);
                var full = buffer;
                buffer = ArrayPool<byte>.Shared.Rent(_chunkBytes);
                _handler(this, full, count, arrival);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void MarkConnected(bool reopened)
    {
        var since = Interlocked.Exchange(ref _disconnectedSinceUnixMicroseconds, 0);
        if (since != 0)
        {
            Interlocked.Add(ref _disconnectedMicroseconds, Math.Max(0, _clock.UtcNowUnixMicroseconds - since));
        }

        if (reopened)
        {
            Interlocked.Increment(ref _reconnects);
        }

        _backoff.Succeed();
        Volatile.Write(ref _connected, 1);
    }

    private void MarkDisconnected()
    {
        Volatile.Write(ref _connected, 0);
        Interlocked.Exchange(ref _disconnectedSinceUnixMicroseconds, _clock.UtcNowUnixMicroseconds);
    }
}
