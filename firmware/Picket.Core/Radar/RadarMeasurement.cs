using Picket.Asterix;

namespace Picket.Radar;

/// <summary>
/// One radar detection in the core's units, ready for the tracker: polar position about the
/// radar site, time, and what identity the radar saw. Integers only, so it is the same on the
/// board and the Pi. Optional values carry a <c>Has…</c> flag.
/// </summary>
public struct RadarMeasurement
{
    /// <summary>The sensor: SAC × 256 + SIC for ASTERIX, or the configured id.</summary>
    public int SensorId;

    /// <summary>What produced the measurement.</summary>
    public RadarMeasurementSource Source;

    /// <summary>Measurement time, UTC microseconds since the Unix epoch.</summary>
    public long TimeUnixMicroseconds;

    /// <summary>Slant range from the radar, millimetres (0 to about 1.2e11 with the ASTERIX extended range).</summary>
    public long RangeMillimetres;

    /// <summary>Azimuth clockwise from the radar's north, microdegrees, 0 to 359,999,999.</summary>
    public int AzimuthMicrodegrees;

    /// <summary>True for a bearing relative to own ship's heading (ARPA), false for a true bearing.</summary>
    public bool AzimuthIsRelative;

    /// <summary>Detection type (ASTERIX I048/020 TYP); <see cref="TargetReportType.Psr"/> for ARPA.</summary>
    public TargetReportType ReportType;

    /// <summary>True when <see cref="PressureAltitudeFeet"/> is known.</summary>
    public bool HasPressureAltitude;

    /// <summary>Mode C / flight level altitude, feet (1/4 FL = 25 ft steps), -204,800 to 204,775.</summary>
    public int PressureAltitudeFeet;

    /// <summary>True when <see cref="HeightFeet"/> is known.</summary>
    public bool HasHeight;

    /// <summary>Height measured by a 3-D radar, feet (25 ft steps).</summary>
    public int HeightFeet;

    /// <summary>True when <see cref="DopplerMillimetresPerSecond"/> is known.</summary>
    public bool HasDoppler;

    /// <summary>Radial Doppler speed, millimetres per second, positive away from the radar.</summary>
    public int DopplerMillimetresPerSecond;

    /// <summary>True when <see cref="GroundSpeedMillimetresPerSecond"/> and <see cref="CourseMicrodegrees"/> are known (the radar's own track).</summary>
    public bool HasVelocity;

    /// <summary>Ground speed, millimetres per second.</summary>
    public int GroundSpeedMillimetresPerSecond;

    /// <summary>Course over ground (true unless <see cref="AzimuthIsRelative"/>), microdegrees, 0 to 359,999,999.</summary>
    public int CourseMicrodegrees;

    /// <summary>True when <see cref="Mode3A"/> is known.</summary>
    public bool HasMode3A;

    /// <summary>Mode 3/A code, 3 bits per octal digit (octal 7777 = 4095).</summary>
    public int Mode3A;

    /// <summary>True when <see cref="IcaoAddress"/> is known.</summary>
    public bool HasIcaoAddress;

    /// <summary>Mode S ICAO 24-bit address.</summary>
    public int IcaoAddress;

    /// <summary>True when <see cref="Callsign"/> is known.</summary>
    public bool HasCallsign;

    /// <summary>Mode S identification, eight 6-bit IA-5 characters (see <see cref="Ia5Callsign"/>).</summary>
    public long Callsign;

    /// <summary>True when <see cref="TrackNumber"/> is known.</summary>
    public bool HasTrackNumber;

    /// <summary>The radar's own track number (I048/161, 0 to 4,095) or ARPA target number (0 to 99).</summary>
    public int TrackNumber;

    /// <summary>One-sigma range noise of this sensor, millimetres (configured).</summary>
    public int SigmaRangeMillimetres;

    /// <summary>One-sigma azimuth noise of this sensor, microdegrees (configured).</summary>
    public int SigmaAzimuthMicrodegrees;

    /// <summary>One-sigma height noise of a 3-D radar's <see cref="HeightFeet"/>, millimetres (configured; 0: the tracker's default).</summary>
    public int SigmaHeightMillimetres;

    /// <summary>
    /// True for a position measurement (NMEA TLL: the target's latitude and longitude) instead of
    /// a polar plot: <see cref="LatitudeE7"/> and <see cref="LongitudeE7"/> hold it, range and
    /// azimuth are unused.
    /// </summary>
    public bool HasPosition;

    /// <summary>Target latitude, 1e-7 degree (with <see cref="HasPosition"/>).</summary>
    public int LatitudeE7;

    /// <summary>Target longitude, 1e-7 degree (with <see cref="HasPosition"/>).</summary>
    public int LongitudeE7;

    /// <summary>One-sigma position noise per axis of a position measurement, millimetres (configured; 0: the tracker's default).</summary>
    public int SigmaPositionMillimetres;
}
