namespace Picket.ModeS;

/// <summary>
/// Infers and decodes the Comm-B register carried in the MB field of a DF20/21 reply (ICAO
/// Doc 9871, Technical Provisions for Mode S Services, appendix A). The reply does not say which
/// register it holds, so every register is tested for consistency with the 56 bits: status bits
/// whose field is zero when the status is "invalid", reserved bits zero, values in physical
/// range. Only a register that alone passes is decoded.
/// Bit numbers in comments are MB bits (MB bit n = frame bit n + 32).
/// </summary>
public static class CommBDecoder
{
    /// <summary>Fills <see cref="ModeSMessage.BdsCandidates"/> and, when exactly one register fits, its values.</summary>
    public static void Decode(byte[] frame, int offset, ref ModeSMessage message)
    {
        if (Mb(frame, offset, 1, 28) == 0 && Mb(frame, offset, 29, 56) == 0)
        {
            return;
        }

        var candidates = CommBRegisters.None;
        if (CommBChecks.Is10(frame, offset))
        {
            candidates |= CommBRegisters.Bds10;
        }

        if (CommBChecks.Is17(frame, offset))
        {
            candidates |= CommBRegisters.Bds17;
        }

        if (CommBChecks.Is20(frame, offset))
        {
            candidates |= CommBRegisters.Bds20;
        }

        if (CommBChecks.Is30(frame, offset))
        {
            candidates |= CommBRegisters.Bds30;
        }

        if (CommBChecks.Is40(frame, offset))
        {
            candidates |= CommBRegisters.Bds40;
        }

        if (CommBChecks.Is44(frame, offset))
        {
            candidates |= CommBRegisters.Bds44;
        }

        if (CommBChecks.Is45(frame, offset))
        {
            candidates |= CommBRegisters.Bds45;
        }

        if (CommBChecks.Is50(frame, offset))
        {
            candidates |= CommBRegisters.Bds50;
        }

        if (CommBChecks.Is60(frame, offset))
        {
            candidates |= CommBRegisters.Bds60;
        }

        message.BdsCandidates = candidates;
        switch (candidates)
        {
            case CommBRegisters.Bds10: SetBds(ref message, 0x10); break;
            case CommBRegisters.Bds17: SetBds(ref message, 0x17); break;
            case CommBRegisters.Bds20: DecodeIdentification(frame, offset, ref message); break;
            case CommBRegisters.Bds30:
                SetBds(ref message, 0x30);
                AcasAdvisoryDecoder.Decode(frame, offset, ref message);
                break;
            case CommBRegisters.Bds40: DecodeSelectedIntention(frame, offset, ref message); break;
            case CommBRegisters.Bds44: DecodeMeteorological(frame, offset, ref message); break;
            case CommBRegisters.Bds45: SetBds(ref message, 0x45); break;
            case CommBRegisters.Bds50: DecodeTrackAndTurn(frame, offset, ref message); break;
            case CommBRegisters.Bds60: DecodeHeadingAndSpeed(frame, offset, ref message); break;
            default: break;
        }
    }

    /// <summary>MB bits <paramref name="first"/> to <paramref name="last"/> (1-based within MB).</summary>
    internal static int Mb(byte[] frame, int offset, int first, int last)
    {
        return (int)Bits.GetBits(frame, offset, first + 32, last + 32);
    }

    /// <summary>A sign bit followed by a magnitude field, as a two's complement value.</summary>
    internal static int Signed(byte[] frame, int offset, int signBit, int first, int last)
    {
        var value = Mb(frame, offset, first, last);
        return Mb(frame, offset, signBit, signBit) != 0 ? value - (1 << (last - first + 1)) : value;
    }

    private static void SetBds(ref ModeSMessage message, int bds)
    {
        message.HasBds = true;
        message.Bds = bds;
    }

    private static void DecodeIdentification(byte[] frame, int offset, ref ModeSMessage message)
    {
        SetBds(ref message, 0x20);
        message.HasCallsign = true; // 9-56: eight 6-bit characters
        message.CallsignCharacters = ((ulong)(uint)Mb(frame, offset, 9, 32) << 24) | (uint)Mb(frame, offset, 33, 56);
    }

    private static void DecodeSelectedIntention(byte[] frame, int offset, ref ModeSMessage message)
    {
        SetBds(ref message, 0x40);
        if (Mb(frame, offset, 1, 1) != 0)
        {
            message.HasSelectedAltitudeMcp = true; // 2-13: MCP/FCU selected altitude, 16 ft
            message.SelectedAltitudeMcpFeet = Mb(frame, offset, 2, 13) * 16;
        }

        if (Mb(frame, offset, 14, 14) != 0)
        {
            message.HasSelectedAltitudeFms = true; // 15-26: FMS selected altitude, 16 ft
            message.SelectedAltitudeFmsFeet = Mb(frame, offset, 15, 26) * 16;
        }

        if (Mb(frame, offset, 27, 27) != 0)
        {
            message.HasBaroPressureSetting = true; // 28-39: barometric setting minus 800 hPa, 0.1 hPa
            message.BaroPressureSettingTenthsHectopascal = 8000 + Mb(frame, offset, 28, 39);
        }
    }

    private static void DecodeMeteorological(byte[] frame, int offset, ref ModeSMessage message)
    {
        SetBds(ref message, 0x44);
        if (Mb(frame, offset, 5, 5) != 0)
        {
            message.HasWind = true; // 6-14: wind speed, kt; 15-23: direction, 180/256 deg
            message.WindSpeedKnots = Mb(frame, offset, 6, 14);
            message.WindDirection = (uint)Mb(frame, offset, 15, 23) << 23;
        }

        message.HasStaticAirTemperature = true; // 24: sign, 25-34: static air temperature, 0.25 degC
        message.StaticAirTemperatureCelsiusQ2 = Signed(frame, offset, 24, 25, 34);
    }

    private static void DecodeTrackAndTurn(byte[] frame, int offset, ref ModeSMessage message)
    {
        SetBds(ref message, 0x50);
        if (Mb(frame, offset, 1, 1) != 0)
        {
            message.HasRoll = true; // 2: sign, 3-11: roll angle, 45/256 deg = 2^21 binary angle units
            message.Roll = Signed(frame, offset, 2, 3, 11) << 21;
        }

        if (Mb(frame, offset, 12, 12) != 0)
        {
            message.HasTrueTrack = true; // 13: sign, 14-23: true track, 90/512 deg
            message.TrueTrack = (uint)(Signed(frame, offset, 13, 14, 23) << 21);
        }

        if (Mb(frame, offset, 24, 24) != 0)
        {
            message.HasGroundSpeed = true; // 25-34: ground speed, 2 kt
            message.GroundSpeedKnotsQ10 = Mb(frame, offset, 25, 34) * 2048;
        }

        if (Mb(frame, offset, 35, 35) != 0)
        {
            message.HasTrackRate = true; // 36: sign, 37-45: track angle rate, 8/256 deg/s
            message.TrackRateDegreesPerSecondQ5 = Signed(frame, offset, 36, 37, 45);
        }

        if (Mb(frame, offset, 46, 46) != 0)
        {
            message.HasTrueAirspeed = true; // 47-56: true airspeed, 2 kt
            message.TrueAirspeedKnots = Mb(frame, offset, 47, 56) * 2;
        }
    }

    private static void DecodeHeadingAndSpeed(byte[] frame, int offset, ref ModeSMessage message)
    {
        SetBds(ref message, 0x60);
        if (Mb(frame, offset, 1, 1) != 0)
        {
            message.HasMagneticHeading = true; // 2: sign, 3-12: magnetic heading, 90/512 deg
            message.MagneticHeading = (uint)(Signed(frame, offset, 2, 3, 12) << 21);
        }

        if (Mb(frame, offset, 13, 13) != 0)
        {
            message.HasIndicatedAirspeed = true; // 14-23: IAS, 1 kt
            message.IndicatedAirspeedKnots = Mb(frame, offset, 14, 23);
        }

        if (Mb(frame, offset, 24, 24) != 0)
        {
            message.HasMach = true; // 25-34: Mach, 2.048/512 = 0.004
            message.MachThousandths = Mb(frame, offset, 25, 34) * 4;
        }

        if (Mb(frame, offset, 35, 35) != 0)
        {
            message.HasBaroVerticalRate = true; // 36: sign, 37-45: barometric altitude rate, 32 ft/min
            message.BaroVerticalRateFeetPerMinute = Signed(frame, offset, 36, 37, 45) * 32;
        }

        if (Mb(frame, offset, 46, 46) != 0)
        {
            message.HasInertialVerticalRate = true; // 47: sign, 48-56: inertial vertical velocity, 32 ft/min
            message.InertialVerticalRateFeetPerMinute = Signed(frame, offset, 47, 48, 56) * 32;
        }
    }
}
