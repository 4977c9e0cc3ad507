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

    /// <summary>One-sigma horizontal position error per axis, millimetres (from NUCp/NACp, or configured).</summary>
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
}
