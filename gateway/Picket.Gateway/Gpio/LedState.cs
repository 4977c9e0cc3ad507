namespace Picket.Gateway.Gpio;

/// <summary>
/// What the status LED tells a technician on the mast. The gateway's conditions, from worst to
/// best (the worst present wins), then the selftest's patterns shown after a long press.
/// </summary>
public enum LedState
{
    /// <summary>The outbox cannot store (disk full or failing): data is being lost. One short flash a second.</summary>
    Fault,

    /// <summary>No input delivers frames (receiver or radar unplugged or silent). Fast blink, 4 Hz.</summary>
    NoInput,

    /// <summary>The clock is not yet trustworthy, so the uplink waits. Double flash a second.</summary>
    ClockUntrusted,

    /// <summary>The server is unreachable; tracks are stored in the outbox for later. Slow blink, 1 Hz.</summary>
    Storing,

    /// <summary>The selftest is running. Two long flashes a second.</summary>
    Selftest,

    /// <summary>Inputs live, clock trusted, uplink acked. Steady on.</summary>
    Healthy,

    /// <summary>The selftest the service button started passed (shown for 10 s after it ends). On with one short gap a second.</summary>
    SelftestPassed,

    /// <summary>The selftest the service button started found a failure (shown for 10 s; the log and <c>picket status</c> say which). Even 2 Hz blink.</summary>
    SelftestFailed,
}
