namespace Picket.ModeS.Encoders;

/// <summary>
/// The fields of an airborne velocity over ground (TC 19 subtype 1, DO-260B 2.2.3.2.6.1) to
/// encode; optional values carry a <c>Has…</c> flag.
/// </summary>
public struct GroundVelocity
{
    /// <summary>Velocity east, knots, -1,022 to 1,022 (negative = west); larger values saturate.</summary>
    public int EastKnots;

    /// <summary>Velocity north, knots, -1,022 to 1,022 (negative = south).</summary>
    public int NorthKnots;

    /// <summary>True when <see cref="VerticalRateFeetPerMinute"/> is set.</summary>
    public bool HasVerticalRate;

    /// <summary>Vertical rate, feet per minute, positive up; sent in 64 fpm steps up to 32,640.</summary>
    public int VerticalRateFeetPerMinute;

    /// <summary>True when the vertical rate is barometric (bit 68 = 1), false for GNSS.</summary>
    public bool BarometricVerticalRate;

    /// <summary>True when <see cref="GeometricMinusBarometricFeet"/> is set.</summary>
    public bool HasGeometricMinusBarometric;

    /// <summary>GNSS height minus barometric altitude, feet; sent in 25 ft steps up to 3,150.</summary>
    public int GeometricMinusBarometricFeet;

    /// <summary>Navigation accuracy category for velocity, 0 to 7.</summary>
    public int NacV;

    /// <summary>Intent change flag (bit 41).</summary>
    public bool IntentChange;

    /// <summary>IFR capability flag (bit 42; reserved in version 2).</summary>
    public bool IfrCapability;

    /// <summary>Bits 79-80, reserved for a turn indicator (DO-260B 2.2.3.2.6.1.14), 0 to 3; 0 unless reproducing a received message.</summary>
    public int TurnIndicator;
}
