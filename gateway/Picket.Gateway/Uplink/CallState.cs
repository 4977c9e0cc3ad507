namespace Picket.Gateway.Uplink;

/// <summary>
/// The bookkeeping of one Publish call shared by its writer, ack reader and watchdog: the
/// window of unacked batches and the time of the last progress.
/// </summary>
internal sealed class CallState(TimeProvider timeProvider, int window)
{
    private long _inFlight;
    private long _progressTimestamp = timeProvider.GetTimestamp();

    /// <summary>Free slots for batches; the writer takes one per batch, each batch ack returns it.</summary>
    public SemaphoreSlim Window { get; } = new(window, window);

    /// <summary>Completed with the server's first ack (its acked sequence).</summary>
    public TaskCompletionSource<ulong> HelloAcked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Messages written and not yet acked (the hello included).</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>The hello is about to be written.</summary>
    public void Started() => Sending();

    /// <summary>A message is about to be written.</summary>
    public void Sending()
    {
        if (Interlocked.Increment(ref _inFlight) == 1)
        {
            // The watchdog measures from the moment something waits for an ack.
            Interlocked.Exchange(ref _progressTimestamp, timeProvider.GetTimestamp());
        }
    }

    /// <summary>An ack arrived.</summary>
    public void Acked(bool releaseWindow)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Exchange(ref _progressTimestamp, timeProvider.GetTimestamp());
        if (releaseWindow)
        {
            Window.Release();
        }
    }

    /// <summary>True when something waits for an ack and none came for <paramref name="timeout"/>.</summary>
    public bool IsStalled(TimeSpan timeout) =>
        Interlocked.Read(ref _inFlight) > 0 && timeProvider.GetElapsedTime(Interlocked.Read(ref _progressTimestamp)) > timeout;
}
