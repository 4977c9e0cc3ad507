namespace Picket.Nmea;

/// <summary>One <c>$--OSD</c> own ship data sentence (NMEA 0183 v4.11, OSD): the platform an ARPA radar's relative data refer to.</summary>
public struct OwnShipData
{
    /// <summary>True when <see cref="HeadingMicrodegrees"/> is known.</summary>
    public bool HasHeading;

    /// <summary>Field 1: heading, degrees true, in microdegrees.</summary>
    public int HeadingMicrodegrees;

    /// <summary>Field 2 = A: heading valid (V: invalid).</summary>
    public bool HeadingValid;

    /// <summary>True when <see cref="CourseMicrodegrees"/> is known.</summary>
    public bool HasCourse;

    /// <summary>Field 3: vessel course, degrees true, in microdegrees.</summary>
    public int CourseMicrodegrees;

    /// <summary>Field 4: course reference (B bottom, M manual, W water, R radar, P positioning system).</summary>
    public char CourseReference;

    /// <summary>True when <see cref="SpeedMillimetresPerSecond"/> is known.</summary>
    public bool HasSpeed;

    /// <summary>Field 5 in the units of field 9: vessel speed, millimetres per second.</summary>
    public int SpeedMillimetresPerSecond;

    /// <summary>Field 6: speed reference (as <see cref="CourseReference"/>).</summary>
    public char SpeedReference;

    /// <summary>Field 9: speed units, 'N', 'K' or 'S'.</summary>
    public char Units;
}
