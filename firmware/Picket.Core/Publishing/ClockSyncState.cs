namespace Picket.Publishing;

/// <summary>How the gateway's clock is disciplined; the values are those of <c>picket.v1.TimeSyncState</c>.</summary>
public enum ClockSyncState
{
    /// <summary>Not reported.</summary>
    Unspecified = 0,

    /// <summary>Free-running; timestamps may drift.</summary>
    Unsynchronised = 1,

    /// <summary>Synchronised over the network (NTP/SNTP).</summary>
    Ntp = 2,

    /// <summary>Synchronised to GNSS time from NMEA sentences.</summary>
    Gnss = 3,

    /// <summary>Synchronised to GNSS with a pulse-per-second edge.</summary>
    GnssPps = 4,
}
