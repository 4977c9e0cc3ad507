namespace Picket.ModeS.Cpr;

/// <summary>Plausibility limits of <see cref="AircraftPositionTable"/>.</summary>
public sealed class PositionLimits
{
    /// <summary>12 MHz ticks per second.</summary>
    public const long TicksPerSecond = 12000000;

    /// <summary>Maximum range from the receiver, nautical miles (default 450; 0 = unlimited).</summary>
    public int MaxRangeNauticalMiles = 450;

    /// <summary>Fastest plausible ground speed, knots (default 2,000: includes military jets).</summary>
    public int MaxSpeedKnots = 2000;

    /// <summary>Distance always allowed between consecutive positions, 1/16 NM (default 2 NM: CPR quantisation and receiver clock jitter).</summary>
    public int SpeedCheckSlackSixteenthsNauticalMile = 32;

    /// <summary>Oldest partner frame for an airborne global pair, ticks (default 10 s, DO-260B A.1.7.7 note).</summary>
    public long MaxAirbornePairAgeTicks = 10 * TicksPerSecond;

    /// <summary>Oldest partner frame for a surface global pair, ticks (default 25 s: surface traffic moves slowly).</summary>
    public long MaxSurfacePairAgeTicks = 25 * TicksPerSecond;

    /// <summary>Oldest confirmed position still used as the reference for local decoding, ticks (default 60 s).</summary>
    public long MaxLocalReferenceAgeTicks = 60 * TicksPerSecond;

    /// <summary>Consecutive speed-check failures after which the old position is dropped and tracking restarts (default 4).</summary>
    public int MaxConsecutiveRejections = 4;
}
