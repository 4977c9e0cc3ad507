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
    /// <param name="defaultPositionSigmaMillimetres">Position sigma when the type code's NIC says nothing (0: the tracker's choice).</param>
    /// <param name="observation">The observation.</param>
    /// <returns>False when the message carries no address or nothing the tracker uses.</returns>
    public static bool TryBuild(ref ModeSMessage message, PositionStatus position, int latitude, int longitude, long timeUnixMicroseconds, int defaultPositionSigmaMillimetres, out ModeSObservation observation)
    {
        observation = default(ModeSObservation);
        if (!message.HasAddress)
        {
            return false;
        }

        if (message.HasControlField && message.ControlField == 3)
        {
            // Coarse TIS-B (DO-260B 2.2.17.3) lays the ME field out its own way; read as ADS-B it is
            // garbage (positions included), so nothing of it reaches the tracker.
            return false;
        }

        observation.TimeUnixMicroseconds = timeUnixMicroseconds;
        observation.IcaoAddress = (int)(message.Address & 0xFFFFFF);
        observation.IsExtendedSquitter = message.DownlinkFormat == 17 || message.DownlinkFormat == 18;
        observation.IsRelayed = message.HasControlField && CooperativeIdentityPolicy.IsRelayed(message.DownlinkFormat, message.ControlField);
        if (position == PositionStatus.Confirmed && !message.CprSurface)
        {
            observation.HasPosition = true;
            observation.LatitudeE7 = (int)BinaryAngleToDegreesE7(latitude);
            observation.LongitudeE7 = (int)BinaryAngleToDegreesE7(longitude);
            int containment = message.HasTypeCode ? AdsbQuality.ContainmentRadiusFromTypeCodeMillimetres(message.TypeCode) : 0;
            int sigma = AdsbQuality.PositionSigmaFromContainmentMillimetres(containment);
            observation.PositionSigmaMillimetres = sigma > 0 ? sigma : defaultPositionSigmaMillimetres;
        }

        if (message.HasAltitude && message.AltitudeSource != AltitudeSource.Gnss)
        {
            observation.HasAltitude = true;
            observation.AltitudeFeet = message.AltitudeFeet;
        }
        else if (message.HasAltitude)
        {
            // TC 20-22: GNSS height above the ellipsoid, already the filter's geometric height.
            observation.HasGeometricHeight = true;
            observation.GeometricHeightMillimetres = (int)PressureAltitudeConversion.FeetToMillimetres(message.AltitudeFeet);
        }

        if (message.HasNacP)
        {
            observation.HasNacP = true;
            observation.NacP = message.NacP;
        }

        if (message.HasNacV && message.HasTypeCode && message.TypeCode == 19)
        {
            // NACv of TC 31 surface messages is a capability class, not an accuracy (DO-260B 2.2.3.2.7.2.3).
            observation.HasNacV = true;
            observation.NacV = message.NacV;
        }

        if (message.HasGeometricMinusBarometric)
        {
            observation.HasGeometricMinusBarometric = true;
            observation.GeometricMinusBarometricMillimetres = (int)PressureAltitudeConversion.FeetToMillimetres(message.GeometricMinusBarometricFeet);
        }

        if (message.HasGroundSpeed && message.HasTrack)
        {
            long speed = (message.GroundSpeedKnotsQ10 * MillimetresPerSecondPerKnotTimes1000) / (1024 * 1000);
            // The track's binary angle as a signed ±π angle; π/2^31 in Q2.61 is Pi >> 31.
            long radians = (long)(int)message.Track * (Q2x61.Pi >> 31);
            Trigonometry.SinCos(radians, out long sine, out long cosine);
            observation.HasVelocity = true;
            observation.VelocityEastMillimetresPerSecond = (int)FixedPoint.MultiplyShift(speed, sine, Q2x61.FractionBits, ref observation.Saturations);
            observation.VelocityNorthMillimetresPerSecond = (int)FixedPoint.MultiplyShift(speed, cosine, Q2x61.FractionBits, ref observation.Saturations);
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
