namespace Picket.Simulation.Playback;

/// <summary>
/// Where one output's bytes go: a serial device, a listening TCP port or UDP. Each <see
/// cref="Send"/> is one whole frame, block or group of sentences; a destination that is not
/// there or does not keep up loses that unit (counted), as the air does not wait.
/// </summary>
public abstract class PlaybackSink : IDisposable
{
    private long _sent;
    private long _bytes;
    private long _dropped;

    /// <summary>Creates the sink.</summary>
    /// <param name="spec">The output.</param>
    protected PlaybackSink(PlaybackOutputSpec spec) => Spec = spec ?? throw new ArgumentNullException(nameof(spec));

    /// <summary>The output.</summary>
    public PlaybackOutputSpec Spec { get; }

    /// <summary>Units (frames, blocks, sentence pairs) delivered, to at least one client for TCP.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Bytes delivered (counted once per unit, not per client).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Units lost: no client, device absent or not keeping up, send failed.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The last error, if any.</summary>
    public string? LastError { get; protected set; }

    /// <summary>True when someone can receive: a TCP client is connected (always true for serial and UDP).</summary>
    public virtual bool HasReceiver => true;

    /// <summary>Opens the sink an output spec names.</summary>
    /// <param name="spec">The output.</param>
    /// <returns>The sink.</returns>
    /// <exception cref="IOException">A TCP port cannot be listened on, or a UDP interface does not exist.</exception>
    public static PlaybackSink Open(PlaybackOutputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Transport switch
        {
            PlaybackTransport.Serial => new SerialPlaybackSink(spec),
            PlaybackTransport.TcpListen => new TcpListenPlaybackSink(spec),
            _ => new UdpPlaybackSink(spec),
        };
    }

    /// <summary>Sends one unit.</summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="count">How many.</param>
    public void Send(byte[] buffer, int count)
    {
        if (count <= 0)
        {
            return;
        }

        if (TrySend(buffer, count))
        {
            Interlocked.Increment(ref _sent);
            Interlocked.Add(ref _bytes, count);
        }
        else
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Sends one unit.</summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="count">How many.</param>
    /// <returns>False when the unit was lost.</returns>
    protected abstract bool TrySend(byte[] buffer, int count);

    /// <summary>Releases the device or sockets.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected abstract void Dispose(bool disposing);
}
