namespace Picket.Nmea;

/// <summary>
/// One <c>$--TTM</c> tracked target message (NMEA 0183 v4.11, TTM), converted to integer SI
/// units at parse time. Optional fields carry a <c>Has…</c> flag.
/// </summary>
public struct ArpaTrackedTarget
{
    /// <summary>Field 1: target number, 0 to 999.</summary>
    public int TargetNumber;

    /// <summary>True when <see cref="DistanceMillimetres"/> is known.</summary>
    public bool HasDistance;

    /// <summary>Field 2 in the units of field 10: distance from own ship, millimetres.</summary>
    public long DistanceMillimetres;

    /// <summary>True when <see cref="BearingMicrodegrees"/> is known.</summary>
    public bool HasBearing;

    /// <summary>Field 3: bearing from own ship, microdegrees, 0 to 359,999,999.</summary>
    public int BearingMicrodegrees;

    /// <summary>Field 4 = R: the bearing is relative to own heading (T: true).</summary>
    public bool BearingIsRelative;

    /// <summary>True when <see cref="SpeedMillimetresPerSecond"/> is known.</summary>
    public bool HasSpeed;

    /// <summary>Field 5 in the units of field 10: target speed, millimetres per second.</summary>
    public int SpeedMillimetresPerSecond;

    /// <summary>True when <see cref="CourseMicrodegrees"/> is known.</summary>
    public bool HasCourse;

    /// <summary>Field 6: target course, microdegrees.</summary>
    public int CourseMicrodegrees;

    /// <summary>Field 7 = R: the course is relative (T: true).</summary>
    public bool CourseIsRelative;

    /// <summary>True when <see cref="CpaDistanceMillimetres"/> is known.</summary>
    public bool HasCpaDistance;

    /// <summary>Field 8: distance of closest point of approach, millimetres.</summary>
    public long CpaDistanceMillimetres;

    /// <summary>True when <see cref="CpaTimeMilliseconds"/> is known.</summary>
    public bool HasCpaTime;

    /// <summary>Field 9: time to CPA, milliseconds (the field is minutes; negative when the CPA has passed).</summary>
    public long CpaTimeMilliseconds;

    /// <summary>Field 10: units of distance and speed, 'N' (NM, knots), 'K' (km, km/h) or 'S' (statute miles, mph).</summary>
    public char Units;

    /// <summary>Index in the line buffer of field 11 (target name); valid only until the buffer is reused.</summary>
    public int NameStart;

    /// <summary>Length of the target name; 0 when empty.</summary>
    public int NameLength;

    /// <summary>Field 12: target status.</summary>
    public ArpaTargetStatus Status;

    /// <summary>Field 13 = R: this is the reference target.</summary>
    public bool IsReferenceTarget;

    /// <summary>True when <see cref="TimeOfDayMilliseconds"/> is known.</summary>
    public bool HasTime;

    /// <summary>Field 14: UTC time of data, milliseconds since midnight (hhmmss.ss).</summary>
    public int TimeOfDayMilliseconds;

    /// <summary>Field 15: type of acquisition, 'A' automatic, 'M' manual, 'R' reported; '\0' when empty.</summary>
    public char Acquisition;
}
