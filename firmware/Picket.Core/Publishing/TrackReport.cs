namespace Picket.Publishing;

/// <summary>
/// One track's published state in wire units (integers, so the board writes it without floating
/// point). Optional values carry a <c>Has…</c> flag because nanoFramework has no
/// <c>Nullable&lt;T&gt;</c>. Field meanings are those of <c>picket.v1.TrackUpdate</c>.
/// </summary>
public struct TrackReport
{
    /// <summary>Gateway-unique track id, never reused while the gateway runs.</summary>
    public long TrackId;

    /// <summary>Life-cycle state.</summary>
    public TrackStatus Status;

    /// <summary>Estimate time, UTC microseconds since the Unix epoch.</summary>
    public long TimeUnixMicroseconds;

    /// <summary>Latitude, 1e-7 degree units, -900,000,000 to 900,000,000.</summary>
    public int LatitudeE7;

    /// <summary>Longitude, 1e-7 degree units, -1,800,000,000 to 1,800,000,000.</summary>
    public int LongitudeE7;

    /// <summary>True when <see cref="HeightMillimetres"/> is known.</summary>
    public bool HasHeight;

    /// <summary>Geometric height above the WGS84 ellipsoid, millimetres.</summary>
    public int HeightMillimetres;

    /// <summary>True when <see cref="BarometricAltitudeMillimetres"/> is known.</summary>
    public bool HasBarometricAltitude;

    /// <summary>Pressure altitude (standard atmosphere), millimetres.</summary>
    public int BarometricAltitudeMillimetres;

    /// <summary>Velocity east, millimetres per second.</summary>
    public int VelocityEastMillimetresPerSecond;

    /// <summary>Velocity north, millimetres per second.</summary>
    public int VelocityNorthMillimetresPerSecond;

    /// <summary>Velocity up, millimetres per second.</summary>
    public int VelocityUpMillimetresPerSecond;

    /// <summary>One-sigma position uncertainty east, millimetres (0 to 2^32 - 1).</summary>
    public uint PositionSigmaEastMillimetres;

    /// <summary>One-sigma position uncertainty north, millimetres.</summary>
    public uint PositionSigmaNorthMillimetres;

    /// <summary>One-sigma position uncertainty up, millimetres.</summary>
    public uint PositionSigmaUpMillimetres;

    /// <summary>East-north position correlation, parts per million (-1,000,000 to 1,000,000).</summary>
    public int PositionCorrelationPpm;

    /// <summary>One-sigma velocity uncertainty east, millimetres per second.</summary>
    public uint VelocitySigmaEastMillimetresPerSecond;

    /// <summary>One-sigma velocity uncertainty north, millimetres per second.</summary>
    public uint VelocitySigmaNorthMillimetresPerSecond;

    /// <summary>One-sigma velocity uncertainty up, millimetres per second.</summary>
    public uint VelocitySigmaUpMillimetresPerSecond;

    /// <summary>East-north velocity correlation, parts per million.</summary>
    public int VelocityCorrelationPpm;

    /// <summary>Every kind of sensor that fed the track.</summary>
    public TrackSources Sources;

    /// <summary>True when <see cref="IcaoAddress"/> is known.</summary>
    public bool HasIcaoAddress;

    /// <summary>24-bit ICAO aircraft address.</summary>
    public int IcaoAddress;

    /// <summary>Callsign without trailing spaces, or null.</summary>
    public string Callsign;

    /// <summary>True when <see cref="Mode3ACode"/> is known.</summary>
    public bool HasMode3ACode;

    /// <summary>Mode 3/A code as a 12-bit value (octal ABCD), 0 to 4095.</summary>
    public int Mode3ACode;

    /// <summary>Emitter category "A0".."D7", or null.</summary>
    public string EmitterCategory;

    /// <summary>True when the target identifies itself.</summary>
    public bool Cooperative;

    /// <summary>Measurements associated since the track started.</summary>
    public uint UpdateCount;

    /// <summary>Consecutive missed update opportunities.</summary>
    public uint MissedCount;

    /// <summary>ADS-B and Mode S measurements since the track started.</summary>
    public uint AdsbUpdateCount;

    /// <summary>Radar measurements since the track started.</summary>
    public uint RadarUpdateCount;

    /// <summary>Track age, milliseconds.</summary>
    public long AgeMilliseconds;

    /// <summary>ADS-B positions that radar contradicted.</summary>
    public uint AdsbRadarDisagreementCount;

    /// <summary>Normalised innovation squared of the last update, times 1000.</summary>
    public uint LastInnovationMilli;

    /// <summary>Times an ADS-B address appeared beside this track when it could not take the track over (possible masking or spoofing).</summary>
    public uint PossibleMaskingCount;
}
