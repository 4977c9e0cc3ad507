namespace Picket.Gateway.Inputs;

/// <summary>The mast's position and time quality, for health.</summary>
/// <param name="Fix">The fix (<see cref="GnssFixQuality.Configured"/> for a position from the configuration).</param>
/// <param name="Satellites">Satellites used (GGA field 7); 0 when unknown.</param>
/// <param name="HdopHundredths">Horizontal dilution of precision × 100 (GGA field 8); 0 when unknown.</param>
/// <param name="LatitudeE7">Latitude, degrees × 10⁷ (WGS84), north positive.</param>
/// <param name="LongitudeE7">Longitude, degrees × 10⁷, east positive.</param>
/// <param name="AltitudeMillimetres">Altitude above mean sea level (GGA field 9), mm.</param>
/// <param name="LastFixUnixMicroseconds">Gateway clock time of the last sentence with a fix; 0 when none.</param>
/// <param name="ReceiverUnixMicroseconds">The receiver's UTC (RMC date and time) in its last valid RMC; 0 when none.</param>
/// <param name="ReceiverMinusClockMicroseconds">That UTC minus the gateway clock at the sentence's arrival (serial latency included, typically tens of ms), µs.</param>
/// <param name="Sentences">Sentences read with a good checksum.</param>
/// <param name="BadSentences">Sentences with a bad checksum or malformed fields.</param>
public readonly record struct GnssStatus(
    GnssFixQuality Fix,
    int Satellites,
    int HdopHundredths,
    int LatitudeE7,
    int LongitudeE7,
    int AltitudeMillimetres,
    long LastFixUnixMicroseconds,
    long ReceiverUnixMicroseconds,
    long ReceiverMinusClockMicroseconds,
    long Sentences,
    long BadSentences)
{
    /// <summary>The fix's dimensions: 3 (3-D), 2 (2-D) or 0 (no fix or not known). NMEA: GSA field 2, else 3 when GGA gives an altitude; gpsd: TPV <c>mode</c>.</summary>
    public int Dimensions { get; init; }

    /// <summary>
    /// Estimated horizontal position error, mm; 0 when not known. gpsd: TPV <c>eph</c>. NMEA: from GST
    /// (the root sum square of the latitude and longitude error sigmas), else HDOP × <see cref="GnssSentenceParser.HdopErrorMillimetres"/>.
    /// </summary>
    public int HorizontalErrorMillimetres { get; init; }

    /// <summary>Geoid separation (ellipsoid minus mean sea level) at the fix, mm (GGA field 11; gpsd <c>geoidSep</c>); 0 when not given.</summary>
    public int GeoidSeparationMillimetres { get; init; }
}
