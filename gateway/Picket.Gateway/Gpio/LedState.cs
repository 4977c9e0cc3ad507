namespace Picket.Gateway.Gpio;

/// <summary>What the status LED tells a technician on the mast, from worst to best (the worst condition present wins).</summary>
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
}
