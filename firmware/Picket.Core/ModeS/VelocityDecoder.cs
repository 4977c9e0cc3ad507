namespace Picket.ModeS;

/// <summary>
/// Decodes ADS-B airborne velocity, TC 19 (DO-260B 2.2.3.2.6): subtypes 1/2 ground speed as
/// east-west and north-south components (2 = supersonic, 4 kt units), subtypes 3/4 heading and
/// airspeed; all subtypes carry the vertical rate and the GNSS-baro difference.
/// </summary>
public static class VelocityDecoder
{
    /// <summary>Fills the velocity fields of <paramref name="message"/>.</summary>
    public static void Decode(byte[] frame, int offset, ref ModeSMessage message)
    {
        message.HasBds = true;
        message.Bds = 0x09;
        var subtype = (int)Bits.GetBits(frame, offset, 38, 40); // 38-40: subtype
        message.HasSubtype = true;
        message.Subtype = subtype;
        if (subtype < 1 || subtype > 4)
        {
            return;
        }

        message.HasNacV = true;
        message.NacV = (int)Bits.GetBits(frame, offset, 43, 45); // 43-45: NACv
        var scale = subtype == 2 || subtype == 4 ? 4 : 1;
        if (subtype <= 2)
        {
            DecodeGroundVelocity(frame, offset, scale, ref message);
        }
        else
        {
            DecodeAirspeed(frame, offset, scale, ref message);
        }

        // 68: vertical rate source (0 GNSS, 1 baro), 69: sign (1 down), 70-78: rate, 64 fpm units plus one.
        var rate = (int)Bits.GetBits(frame, offset, 70, 78);
        if (rate != 0)
        {
            message.HasVerticalRate = true;
            message.VerticalRateSource = Bits.GetBit(frame, offset, 68) ? VerticalRateSource.Barometric : VerticalRateSource.Gnss;
            var feetPerMinute = (rate - 1) * 64;
            message.VerticalRateFeetPerMinute = Bits.GetBit(frame, offset, 69) ? -feetPerMinute : feetPerMinute;
        }

        // 81: sign (1 = GNSS below baro), 82-88: difference, 25 ft units plus one.
        var difference = (int)Bits.GetBits(frame, offset, 82, 88);
        if (difference != 0)
        {
            message.HasGeometricMinusBarometric = true;
            var feet = (difference - 1) * 25;
            message.GeometricMinusBarometricFeet = Bits.GetBit(frame, offset, 81) ? -feet : feet;
        }
    }

    private static void DecodeGroundVelocity(byte[] frame, int offset, int scale, ref ModeSMessage message)
    {
        // 46: east-west direction (1 = west), 47-56: speed; 57: north-south direction (1 = south), 58-67: speed; knots plus one.
        var eastWest = (int)Bits.GetBits(frame, offset, 47, 56);
        var northSouth = (int)Bits.GetBits(frame, offset, 58, 67);
        if (eastWest == 0 || northSouth == 0)
        {
            return;
        }

        var east = (eastWest - 1) * scale;
        var north = (northSouth - 1) * scale;
        if (Bits.GetBit(frame, offset, 46))
        {
            east = -east;
        }

        if (Bits.GetBit(frame, offset, 57))
        {
            north = -north;
        }

        // Speed in Q10, rounded: sqrt(4 * 2^20 * (e^2 + n^2)) is twice the speed in 1/1024 kt.
        var twice = IntegerMath.SquareRoot((((long)east * east) + ((long)north * north)) << 22);
        message.HasGroundSpeed = true;
        message.GroundSpeedKnotsQ10 = (int)((twice + 1) >> 1);
        if (east != 0 || north != 0)
        {
            message.HasTrack = true;
            message.Track = IntegerMath.Bearing(east, north);
        }
    }

    private static void DecodeAirspeed(byte[] frame, int offset, int scale, ref ModeSMessage message)
    {
        // 46: heading status, 47-56: heading (360/1024 deg), 57: airspeed type (0 IAS, 1 TAS), 58-67: airspeed plus one.
        if (Bits.GetBit(frame, offset, 46))
        {
            message.HasHeading = true;
            message.Heading = Bits.GetBits(frame, offset, 47, 56) << 22;
        }

        var airspeed = (int)Bits.GetBits(frame, offset, 58, 67);
        if (airspeed != 0)
        {
            message.HasAirspeed = true;
            message.AirspeedKnots = (airspeed - 1) * scale;
            message.AirspeedType = Bits.GetBit(frame, offset, 57) ? AirspeedType.True : AirspeedType.Indicated;
        }
    }
}
