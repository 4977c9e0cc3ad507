namespace Picket.ModeS;

/// <summary>
/// The per-register consistency tests behind <see cref="CommBDecoder"/> (Doc 9871 appendix A
/// field layouts). A status bit of 0 means its field is invalid and must then be all zero.
/// </summary>
internal static class CommBChecks
{
    public static bool Is10(byte[] frame, int offset)
    {
        // 1-8: 0x10 (register number); 10-14: reserved.
        return M(frame, offset, 1, 8) == 0x10 && M(frame, offset, 10, 14) == 0;
    }

    public static bool Is17(byte[] frame, int offset)
    {
        // 1-24: one bit per supported register, 7 = BDS 2,0 which every Mode S Comm-B aircraft has; 25-56 reserved.
        return M(frame, offset, 1, 28) != 0 && M(frame, offset, 29, 56) == 0 && M(frame, offset, 7, 7) != 0;
    }

    public static bool Is20(byte[] frame, int offset)
    {
        // 1-8: 0x20; 9-56: eight characters of the identification alphabet.
        if (M(frame, offset, 1, 8) != 0x20)
        {
            return false;
        }

        var characters = ((ulong)(uint)M(frame, offset, 9, 32) << 24) | (uint)M(frame, offset, 33, 56);
        return CallsignAlphabet.IsValid(characters);
    }

    public static bool Is30(byte[] frame, int offset)
    {
        // 1-8: 0x30; 29-30: threat type indicator, 3 is not assigned.
        return M(frame, offset, 1, 8) == 0x30 && M(frame, offset, 29, 30) != 3;
    }

    public static bool Is40(byte[] frame, int offset)
    {
        // Status 1/14/27/48/54 guard 2-13, 15-26, 28-39, 49-51, 55-56; 40-47 and 52-53 reserved.
        return StatusOk(frame, offset, 1, 2, 13) && StatusOk(frame, offset, 14, 15, 26) && StatusOk(frame, offset, 27, 28, 39)
            && StatusOk(frame, offset, 48, 49, 51) && StatusOk(frame, offset, 54, 55, 56)
            && M(frame, offset, 40, 47) == 0 && M(frame, offset, 52, 53) == 0;
    }

    public static bool Is44(byte[] frame, int offset)
    {
        // 1-4: figure of merit/source (0-4 used); 5 guards wind 6-23; 24-34 temperature; 35 guards
        // pressure 36-46; 47 guards turbulence 48-49; 50 guards humidity 51-56.
        if (M(frame, offset, 1, 4) > 4 || !StatusOk(frame, offset, 5, 6, 23) || !StatusOk(frame, offset, 35, 36, 46)
            || !StatusOk(frame, offset, 47, 48, 49) || !StatusOk(frame, offset, 50, 51, 56))
        {
            return false;
        }

        if (M(frame, offset, 5, 5) != 0 && M(frame, offset, 6, 14) > 250)
        {
            return false;
        }

        var temperatureQ2 = CommBDecoder.Signed(frame, offset, 24, 25, 34);
        return temperatureQ2 >= -80 * 4 && temperatureQ2 <= 60 * 4;
    }

    public static bool Is45(byte[] frame, int offset)
    {
        // Hazard status bits 1, 4, 7, 10, 13 guard two bits each; 16 guards temperature 17-26;
        // 27 guards pressure 28-38; 39 guards radio height 40-51; 52-56 reserved.
        if (!StatusOk(frame, offset, 1, 2, 3) || !StatusOk(frame, offset, 4, 5, 6) || !StatusOk(frame, offset, 7, 8, 9)
            || !StatusOk(frame, offset, 10, 11, 12) || !StatusOk(frame, offset, 13, 14, 15) || !StatusOk(frame, offset, 16, 17, 26)
            || !StatusOk(frame, offset, 27, 28, 38) || !StatusOk(frame, offset, 39, 40, 51) || M(frame, offset, 52, 56) != 0)
        {
            return false;
        }

        if (M(frame, offset, 16, 16) == 0)
        {
            return true;
        }

        var temperatureQ2 = CommBDecoder.Signed(frame, offset, 17, 18, 26);
        return temperatureQ2 >= -80 * 4 && temperatureQ2 <= 60 * 4;
    }

    public static bool Is50(byte[] frame, int offset)
    {
        // Status 1/12/24/35/46 guard roll 2-11, track 13-23, ground speed 25-34, track rate 36-45, TAS 47-56.
        if (!StatusOk(frame, offset, 1, 2, 11) || !StatusOk(frame, offset, 12, 13, 23) || !StatusOk(frame, offset, 24, 25, 34)
            || !StatusOk(frame, offset, 35, 36, 45) || !StatusOk(frame, offset, 46, 47, 56))
        {
            return false;
        }

        // Physical limits: |roll| <= 50 deg (50 deg = 284.4 units of 45/256 deg), GS <= 600 kt, TAS <= 500 kt, |TAS - GS| <= 200 kt.
        if (M(frame, offset, 1, 1) != 0)
        {
            var roll = CommBDecoder.Signed(frame, offset, 2, 3, 11);
            if (roll * 45 > 50 * 256 || roll * 45 < -50 * 256)
            {
                return false;
            }
        }

        var hasGroundSpeed = M(frame, offset, 24, 24) != 0;
        var groundSpeed = M(frame, offset, 25, 34) * 2;
        var hasAirspeed = M(frame, offset, 46, 46) != 0;
        var airspeed = M(frame, offset, 47, 56) * 2;
        if ((hasGroundSpeed && groundSpeed > 600) || (hasAirspeed && airspeed > 500))
        {
            return false;
        }

        return !(hasGroundSpeed && hasAirspeed && (airspeed - groundSpeed > 200 || groundSpeed - airspeed > 200));
    }

    public static bool Is60(byte[] frame, int offset)
    {
        // Status 1/13/24/35/46 guard heading 2-12, IAS 14-23, Mach 25-34, baro rate 36-45, inertial rate 47-56.
        if (!StatusOk(frame, offset, 1, 2, 12) || !StatusOk(frame, offset, 13, 14, 23) || !StatusOk(frame, offset, 24, 25, 34)
            || !StatusOk(frame, offset, 35, 36, 45) || !StatusOk(frame, offset, 46, 47, 56))
        {
            return false;
        }

        // Physical limits: IAS <= 500 kt, Mach <= 1 (250 units of 0.004), |vertical rates| <= 6,000 ft/min (187.5 units of 32).
        if ((M(frame, offset, 13, 13) != 0 && M(frame, offset, 14, 23) > 500) || (M(frame, offset, 24, 24) != 0 && M(frame, offset, 25, 34) > 250))
        {
            return false;
        }

        return RateOk(frame, offset, 35, 36, 37, 45) && RateOk(frame, offset, 46, 47, 48, 56);
    }

    private static bool RateOk(byte[] frame, int offset, int status, int sign, int first, int last)
    {
        if (M(frame, offset, status, status) == 0)
        {
            return true;
        }

        var rate = CommBDecoder.Signed(frame, offset, sign, first, last) * 32;
        return rate <= 6000 && rate >= -6000;
    }

    private static bool StatusOk(byte[] frame, int offset, int status, int first, int last)
    {
        return M(frame, offset, status, status) != 0 || M(frame, offset, first, last) == 0;
    }

    private static int M(byte[] frame, int offset, int first, int last)
    {
        return CommBDecoder.Mb(frame, offset, first, last);
    }
}
