namespace Picket.Gateway.Inputs;

/// <summary>The receiver's fix, from GGA field 6 (NMEA 0183 v4.11 section 8.3.36).</summary>
public enum GnssFixQuality
{
    /// <summary>No fix (GGA quality 0, or RMC status V).</summary>
    None = 0,

    /// <summary>Autonomous GNSS fix.</summary>
    Gnss = 1,

    /// <summary>Differential (SBAS/DGPS) fix.</summary>
    Differential = 2,

    /// <summary>PPS fix.</summary>
    Pps = 3,

    /// <summary>RTK fixed.</summary>
    RtkFixed = 4,

    /// <summary>RTK float.</summary>
    RtkFloat = 5,

    /// <summary>Dead reckoning.</summary>
    Estimated = 6,

    /// <summary>Position entered by hand (a fixed mast configured, not measured).</summary>
    Configured = 7,
}
