namespace Picket.ModeS;

/// <summary>Which airspeed an ADS-B velocity subtype 3/4 carries (DO-260B 2.2.3.2.6.3.10).</summary>
public enum AirspeedType
{
    /// <summary>Indicated airspeed.</summary>
    Indicated = 0,

    /// <summary>True airspeed.</summary>
    True = 1,
}
