using Picket.ModeS;
using Picket.ModeS.Cpr;
using Picket.Numerics;

namespace Picket.Tracking.Measurements;

/// <summary>Turns the Mode S pipeline's output into a <see cref="ModeSObservation"/> for the tracker.</summary>
public static class ModeSObservationBuilder
{
    // 1 kt = 1852/3600 m/s; GroundSpeedKnotsQ10 is 1/1024 kt, so mm/s = value × 514.444 / 1024.
    private const long MillimetresPerSecondPerKnotTimes1000 = 514_444;

    /// <summary>
    /// Builds an observation from a decoded message with an address. Positions are taken only
    /// when <paramref name="position"/> is <see cref="PositionStatus.Confirmed"/>.
    /// </summary>
    /// <param name="message">A message with trusted parity.</param>
    /// <param name="position">What the CPR table made of the message's position.</param>
    /// <param name="latitude">Confirmed latitude, binary angle (2^32 = 360°).</param>
    /// <param name="longitude">Confirmed longitude, binary angle.</param>
    /// <param name="timeUnixMicroseconds">Receive time, UTC microseconds.</param>
    /// <param name="defaultPositionSigmaMillimetres">Position sigma when NUCp says nothing better.</param>
    /// <param name="observation">The observation.</param>
    /// <returns>False when the message carries no address or nothing the tracker uses.</returns>
    public static bool TryBuild(ref ModeSMessage message, PositionStatus position, int latitude, int longitude, long timeUnixMicroseconds, int defaultPositionSigmaMillimetres, out ModeSObservation observation)
    {
        observation = default(ModeSObservation);
        if (!message.HasAddress)
        {
            return false;
        }

        observation.TimeUnixMicroseconds = timeUnixMicroseconds;
        observation.IcaoAddress = (int)(message.Address & 0xFFFFFF);
        observation.IsExtendedSquitter = message.DownlinkFormat == 17 || message.DownlinkFormat == 18;
        if (position == PositionStatus.Confirmed && !message.CprSurface)
        {
            observation.HasPosition = true;
            observation.LatitudeE7 = (int)BinaryAngleToDegreesE7(latitude);
            observation.LongitudeE7 = (int)BinaryAngleToDegreesE7(longitude);
            observation.PositionSigmaMillimetres = defaultPositionSigmaMillimetres;
        }

        if (message.HasAltitude && message.AltitudeSource != AltitudeSource.Gnss)
        {
            observation.HasAltitude = true;
            observation.AltitudeFeet = message.AltitudeFeet;
        }

        if (message.HasGroundSpeed && message.HasTrack)
        {
            long speed = (message.GroundSpeedKnotsQ10 * MillimetresPerSecondPerKnotTimes1000) / (1024 * 1000);
            // The track's binary angle as a signed ±π angle; π/2^31 in Q2.61 is Pi >> 31.
            long radians = (long)(int)message.Track * (Q2x61.Pi >> 31);
            Trigonometry.SinCos(radians, out long sine, out long cosine);
            int saturations = 0;
            observation.HasVelocity = true;
            observation.VelocityEastMillimetresPerSecond = (int)FixedPoint.MultiplyShift(speed, sine, Q2x61.FractionBits, ref saturations);
            observation.VelocityNorthMillimetresPerSecond = (int)FixedPoint.MultiplyShift(speed, cosine, Q2x61.FractionBits, ref saturations);
        }

        if (message.HasVerticalRate)
        {
            // 1 ft/min = 5.08 mm/s exactly.
            observation.HasVerticalRate = true;
            observation.VerticalRateMillimetresPerSecond = message.VerticalRateFeetPerMinute * 508 / 100;
        }

        if (message.HasCallsign && CallsignAlphabet.IsValid(message.CallsignCharacters))
        {
            observation.HasCallsign = true;
            observation.CallsignCharacters = message.CallsignCharacters;
        }

        if (message.HasSquawk)
        {
            observation.HasSquawk = true;
            observation.Squawk = message.Squawk;
        }

        if (message.HasEmitterCategory)
        {
            observation.HasEmitterCategory = true;
            observation.EmitterCategorySet = message.EmitterCategorySet;
            observation.EmitterCategory = message.EmitterCategory;
        }

        return true;
    }

    /// <summary>Degrees × 1e7 from a binary angle (2^32 = 360°), rounded half away from zero.</summary>
    /// <param name="angle">Signed binary angle.</param>
    /// <returns>Angle in 1e-7 degree.</returns>
    public static long BinaryAngleToDegreesE7(int angle)
    {
        long scaled = angle * 3_600_000_000L;
        const long Half = 1L << 31;
        return scaled >= 0 ? (scaled + Half) >> 32 : -((-scaled + Half) >> 32);
    }
}
