namespace Picket.Gateway.Time;

/// <summary>How far the gateway clock can be trusted (reported in health).</summary>
public enum ClockState
{
    /// <summary>Nothing vouches for the system clock (a Pi without a real-time clock boots with the time it last saved).</summary>
    Unsynchronized,

    /// <summary>The kernel's NTP discipline reports the clock synchronised (adjtimex: not TIME_ERROR).</summary>
    NtpSynchronized,

    /// <summary>A GNSS receiver with a fix vouches for the time.</summary>
    Gnss,
}
