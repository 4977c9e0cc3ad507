namespace Picket.Gateway.Time;

/// <summary>
/// The gateway's UTC: the system clock read once at an anchor plus the monotonic time elapsed
/// since (<see cref="TimeProvider.GetTimestamp"/>), so a step of the system clock (NTP's first
/// correction, a technician's <c>date -s</c>) never makes frame times go backwards or jump; the
/// clock takes the new system time only when re-anchored deliberately (<see cref="Reanchor"/>,
/// e.g. when NTP first reports synchronisation). Its state (unsynchronised, NTP, GNSS) goes in
/// health, and <see cref="IsTrustworthy"/> is what the uplink waits for. Thread-safe.
/// </summary>
public sealed class GatewayClock
{
    private readonly TimeProvider _timeProvider;
    private readonly INtpStatusProbe _ntp;
    private readonly Lock _lock = new();
    private long _anchorUnixMicroseconds;
    private long _anchorTimestamp;
    private bool _gnssLocked;
    private bool _anchored;

    /// <summary>Creates the clock and anchors it on the system clock now.</summary>
    /// <param name="timeProvider">The system clock and the monotonic timestamp (tests pass a fake).</param>
    /// <param name="ntp">Whether the system clock is NTP-synchronised.</param>
    public GatewayClock(TimeProvider timeProvider, INtpStatusProbe ntp)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(ntp);
        _timeProvider = timeProvider;
        _ntp = ntp;
        Reanchor();
    }

    /// <summary>Creates the clock on the real system clock and the kernel's NTP status.</summary>
    public GatewayClock() : this(TimeProvider.System, new KernelNtpStatusProbe())
    {
    }

    /// <summary>Number of times the clock was re-anchored after construction.</summary>
    public long Reanchors { get; private set; }

    /// <summary>The system clock's step at the last re-anchor (system − gateway clock just before), µs; positive when the system clock was ahead.</summary>
    public long LastStepMicroseconds { get; private set; }

    /// <summary>The clock's state now (GNSS when a receiver vouches for it, else the kernel's NTP status).</summary>
    public ClockState State
    {
        get
        {
            lock (_lock)
            {
                if (_gnssLocked)
                {
                    return ClockState.Gnss;
                }
            }

            return _ntp.IsSynchronized() ? ClockState.NtpSynchronized : ClockState.Unsynchronized;
        }
    }

    /// <summary>True when the time may be sent to the server (synchronised by NTP or GNSS).</summary>
    public bool IsTrustworthy => State != ClockState.Unsynchronized;

    /// <summary>UTC now, microseconds since the Unix epoch; never decreases between re-anchors.</summary>
    public long UtcNowUnixMicroseconds
    {
        get
        {
            lock (_lock)
            {
                return _anchorUnixMicroseconds + ElapsedMicroseconds(_anchorTimestamp);
            }
        }
    }

    /// <summary>Takes the system clock's time as the new anchor (the system clock was corrected, e.g. NTP synchronised).</summary>
    /// <returns>The step applied, µs (system − gateway clock).</returns>
    public long Reanchor()
    {
        lock (_lock)
        {
            var timestamp = _timeProvider.GetTimestamp();
            var system = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
            var step = _anchored ? system - (_anchorUnixMicroseconds + ElapsedMicroseconds(_anchorTimestamp, timestamp)) : 0;
            if (_anchored)
            {
                Reanchors++;
            }

            _anchored = true;
            _anchorUnixMicroseconds = system;
            _anchorTimestamp = timestamp;
            LastStepMicroseconds = step;
            return step;
        }
    }

    /// <summary>Sets whether a GNSS receiver with a fix vouches for the time (its state wins over NTP).</summary>
    /// <param name="locked">True while the receiver has a fix and sends valid time.</param>
    public void SetGnssLock(bool locked)
    {
        lock (_lock)
        {
            _gnssLocked = locked;
        }
    }

    private long ElapsedMicroseconds(long since) => ElapsedMicroseconds(since, _timeProvider.GetTimestamp());

    private long ElapsedMicroseconds(long since, long now)
    {
        // Int128: (now − since) × 1e6 overflows a long after ~10 days at a 1 GHz frequency.
        var ticks = (Int128)(now - since) * 1_000_000;
        return (long)(ticks / _timeProvider.TimestampFrequency);
    }
}
