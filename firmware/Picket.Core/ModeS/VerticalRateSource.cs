namespace Picket.ModeS;

/// <summary>Source of an ADS-B vertical rate (DO-260B 2.2.3.2.6.1.13, ME bit 36: 0 = GNSS, 1 = barometric).</summary>
public enum VerticalRateSource
{
    /// <summary>Geometric (GNSS) rate.</summary>
    Gnss = 0,

    /// <summary>Barometric rate.</summary>
    Barometric = 1,
}
