namespace Picket.Nmea;

/// <summary>One <c>$--TLL</c> target latitude and longitude (NMEA 0183 v4.11, TLL).</summary>
public struct ArpaTargetPosition
{
    /// <summary>Field 1: target number, 0 to 999.</summary>
    public int TargetNumber;

    /// <summary>Fields 2-3: latitude, 1e-7 degree, north positive.</summary>
    public int LatitudeE7;

    /// <summary>Fields 4-5: longitude, 1e-7 degree, east positive.</summary>
    public int LongitudeE7;

    /// <summary>Index in the line buffer of field 6 (target name).</summary>
    public int NameStart;

    /// <summary>Length of the target name; 0 when empty.</summary>
    public int NameLength;

    /// <summary>True when <see cref="TimeOfDayMilliseconds"/> is known.</summary>
    public bool HasTime;

    /// <summary>Field 7: UTC time of data, milliseconds since midnight.</summary>
    public int TimeOfDayMilliseconds;

    /// <summary>Field 8: target status.</summary>
    public ArpaTargetStatus Status;

    /// <summary>Field 9 = R: this is the reference target.</summary>
    public bool IsReferenceTarget;
}
