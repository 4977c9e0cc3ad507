namespace Picket.Tracking.Measurements;

/// <summary>
/// What one decoded Mode S / ADS-B message tells the tracker about one aircraft, in the core's
/// units. Produced by <see cref="ModeSObservationBuilder"/> from the Mode S pipeline's output
/// (positions only once CPR decoding has confirmed them). Optional values carry a <c>Has…</c> flag.
/// </summary>
public struct ModeSObservation
{
    /// <summary>Receive time, UTC microseconds since the Unix epoch.</summary>
    public long TimeUnixMicroseconds;

    /// <summary>ICAO 24-bit address, 0 to 0xFFFFFF.</summary>
    public int IcaoAddress;

    /// <summary>True for an extended squitter (DF17/18, ADS-B); false for other Mode S replies.</summary>
    public bool IsExtendedSquitter;

    /// <summary>True when <see cref="LatitudeE7"/> and <see cref="LongitudeE7"/> hold a confirmed position.</summary>
    public bool HasPosition;

    /// <summary>Latitude, 1e-7 degree.</summary>
    public int LatitudeE7;

    /// <summary>Longitude, 1e-7 degree.</summary>
    public int LongitudeE7;

    /// <summary>
    /// Largest one-sigma horizontal position error per axis the message itself allows, millimetres
    /// (its NIC containment radius / 5.678, <see cref="AdsbQuality"/>); 0 when it says nothing. The
    /// tracker prefers the aircraft's latest NACp; without it, this caps its configured default.
    /// </summary>
    public int PositionSigmaMillimetres;

    /// <summary>True when <see cref="AltitudeFeet"/> is known.</summary>
    public bool HasAltitude;

    /// <summary>Barometric (pressure) altitude, feet, -1,000 to 126,700.</summary>
    public int AltitudeFeet;

    /// <summary>True when the velocity over ground is known.</summary>
    public bool HasVelocity;

    /// <summary>Velocity towards local east, millimetres per second.</summary>
    public int VelocityEastMillimetresPerSecond;

    /// <summary>Velocity towards local north, millimetres per second.</summary>
    public int VelocityNorthMillimetresPerSecond;

    /// <summary>True when <see cref="VerticalRateMillimetresPerSecond"/> is known.</summary>
    public bool HasVerticalRate;

    /// <summary>Vertical rate, millimetres per second, positive up.</summary>
    public int VerticalRateMillimetresPerSecond;

    /// <summary>True when <see cref="CallsignCharacters"/> is known.</summary>
    public bool HasCallsign;

    /// <summary>Eight 6-bit characters (see <see cref="ModeS.CallsignAlphabet"/>).</summary>
    public ulong CallsignCharacters;

    /// <summary>True when <see cref="Squawk"/> is known.</summary>
    public bool HasSquawk;

    /// <summary>Mode 3/A code, 12 bits (octal ABCD), 0 to 4095.</summary>
    public int Squawk;

    /// <summary>True when the emitter category is known.</summary>
    public bool HasEmitterCategory;

    /// <summary>Category set: 1 = A, 2 = B, 3 = C, 4 = D.</summary>
    public int EmitterCategorySet;

    /// <summary>Category within the set, 0 to 7.</summary>
    public int EmitterCategory;

    /// <summary>
    /// True when a ground station relayed the message (DF18 TIS-B or ADS-R): it is about the
    /// target, not from it, and does not make a track cooperative.
    /// </summary>
    public bool IsRelayed;

    /// <summary>True when <see cref="NacP"/> is known (ADS-B TC 29/31).</summary>
    public bool HasNacP;

    /// <summary>True when <see cref="NacV"/> is known (ADS-B TC 19).</summary>
    public bool HasNacV;

    /// <summary>Navigation accuracy category for position, 0 to 11 (0: unknown).</summary>
    public int NacP;

    /// <summary>Navigation accuracy category for velocity (TC 19), 0 to 4 (0: unknown or ≥ 10 m/s).</summary>
    public int NacV;

    /// <summary>True when <see cref="GeometricMinusBarometricMillimetres"/> is known (ADS-B TC 19).</summary>
    public bool HasGeometricMinusBarometric;

    /// <summary>The aircraft's GNSS height minus its pressure altitude, millimetres, ±960,120.</summary>
    public int GeometricMinusBarometricMillimetres;

    /// <summary>True when <see cref="GeometricHeightMillimetres"/> is known (ADS-B TC 20-22 GNSS height).</summary>
    public bool HasGeometricHeight;

    /// <summary>GNSS height above the WGS84 ellipsoid, millimetres.</summary>
    public int GeometricHeightMillimetres;

    /// <summary>Fixed-point operations that saturated while building this observation (added to the tracker's count).</summary>
    public int Saturations;
}
