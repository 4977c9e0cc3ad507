namespace Picket.Gateway.Hosting;

/// <summary>
/// A heartbeat counter the pipeline thread advances on every turn of its loop (it turns at least
/// once a second even with no input); the systemd watchdog is fed only while it moves.
/// </summary>
public sealed class PipelineProgress
{
    private long _turns;

    /// <summary>Turns completed so far.</summary>
    public long Turns => Interlocked.Read(ref _turns);

    /// <summary>Records one turn of the pipeline loop.</summary>
    public void Advance() => Interlocked.Increment(ref _turns);
}
