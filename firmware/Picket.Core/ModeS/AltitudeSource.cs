namespace Picket.ModeS;

/// <summary>What an altitude value measures.</summary>
public enum AltitudeSource
{
    /// <summary>Pressure altitude (standard atmosphere), the altitude of Mode C and ADS-B TC 9-18.</summary>
    Barometric = 0,

    /// <summary>GNSS height above the ellipsoid (ADS-B TC 20-22).</summary>
    Gnss = 1,
}
