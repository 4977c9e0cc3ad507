namespace Picket.ModeS;

/// <summary>
/// Decodes one Mode S frame (ICAO Annex 10 Vol IV 3.1.2): checks and, where allowed, corrects
/// its parity, recovers the address, and fills a <see cref="ModeSMessage"/>. A pure function of
/// the frame, the caller's known-aircraft table and the time: no clock, no I/O, no allocation.
/// </summary>
public static class ModeSDecoder
{
    /// <summary>
    /// Decodes the frame at <paramref name="offset"/>. Every field is decoded even when the parity
    /// fails (tests of recorded vectors need that); <see cref="IsTrusted"/> tells whether to use it.
    /// </summary>
    /// <param name="frame">The frame bytes; a corrected frame is corrected in place.</param>
    /// <param name="offset">Index of the frame's first byte.</param>
    /// <param name="lengthBytes">7 or 14; must agree with the downlink format (DF 0-15 short, 16-24 long).</param>
    /// <param name="knownAircraft">Addresses heard recently; DF11/17/18 frames with good parity are added to it. May be null (then no AP address is confirmed).</param>
    /// <param name="nowTicks">Receive time, 12 MHz ticks, for <paramref name="knownAircraft"/>.</param>
    /// <param name="maxCorrectedBits">0, 1 or 2: bits that may be corrected in DF11/17/18 (2 only for DF17/18).</param>
    /// <param name="message">Receives the decoded values; cleared first.</param>
    /// <returns>False when the length does not match the downlink format (nothing decoded).</returns>
    public static bool Decode(byte[] frame, int offset, int lengthBytes, KnownAircraftTable knownAircraft, long nowTicks, int maxCorrectedBits, ref ModeSMessage message)
    {
        message = default(ModeSMessage);
        var downlinkFormat = (int)Bits.GetBits(frame, offset, 1, 5); // 1-5: DF
        if (downlinkFormat >= 24)
        {
            downlinkFormat = 24; // Annex 10 3.1.2.3.2.1.2: DF24 is identified by its first two bits only
        }

        var expectedLength = downlinkFormat >= 16 ? 14 : 7;
        if (lengthBytes != expectedLength)
        {
            return false;
        }

        message.DownlinkFormat = downlinkFormat;
        message.LengthBits = lengthBytes * 8;
        CheckParity(frame, offset, lengthBytes, knownAircraft, nowTicks, maxCorrectedBits, ref message);
        DecodeFields(frame, offset, ref message);
        return true;
    }

    /// <summary>True when the message's parity makes it usable: valid, corrected or a confirmed AP address.</summary>
    public static bool IsTrusted(ref ModeSMessage message)
    {
        return message.CrcStatus == ModeSCrcStatus.Valid || message.CrcStatus == ModeSCrcStatus.Corrected
            || message.CrcStatus == ModeSCrcStatus.AddressConfirmed;
    }

    private static void CheckParity(byte[] frame, int offset, int lengthBytes, KnownAircraftTable knownAircraft, long nowTicks, int maxCorrectedBits, ref ModeSMessage message)
    {
        var syndrome = Crc24.Syndrome(frame, offset, lengthBytes);
        message.CrcRemainder = syndrome;
        switch (message.DownlinkFormat)
        {
            case 11:
                // 3.1.2.3.3.2: the PI field of DF11 is parity overlaid with the interrogator code (7 bits).
                if ((syndrome & 0xFFFF80) == 0)
                {
                    message.CrcStatus = ModeSCrcStatus.Valid;
                }
                else
                {
                    Correct(frame, offset, lengthBytes, syndrome, maxCorrectedBits < 1 ? 0 : 1, ref message);
                }

                break;
            case 17:
            case 18:
                if (syndrome == 0)
                {
                    message.CrcStatus = ModeSCrcStatus.Valid;
                }
                else
                {
                    Correct(frame, offset, lengthBytes, syndrome, maxCorrectedBits, ref message);
                }

                break;
            case 0:
            case 4:
            case 5:
            case 16:
            case 20:
            case 21:
            case 24:
                // 3.1.2.3.3.2: AP = parity overlaid with the address, so the syndrome is the address.
                message.HasAddress = true;
                message.AddressFromParity = true;
                message.Address = syndrome;
                message.CrcStatus = knownAircraft != null && knownAircraft.Contains(syndrome, nowTicks)
                    ? ModeSCrcStatus.AddressConfirmed
                    : ModeSCrcStatus.AddressUnconfirmed;
                break;
            default:
                message.CrcStatus = ModeSCrcStatus.NotChecked;
                break;
        }

        if (knownAircraft != null && (message.CrcStatus == ModeSCrcStatus.Valid || message.CrcStatus == ModeSCrcStatus.Corrected))
        {
            var controlField = (int)Bits.GetBits(frame, offset, 6, 8);

            // DF18 with CF 1 (anonymous), 2-3 and 5 (TIS-B) or 6 (ADS-R) is not this aircraft's own transponder.
            if (message.DownlinkFormat != 18 || controlField == 0)
            {
                knownAircraft.Mark(Bits.GetBits(frame, offset, 9, 32), nowTicks);
            }
        }
    }

    private static void Correct(byte[] frame, int offset, int lengthBytes, uint syndrome, int maxBits, ref ModeSMessage message)
    {
        var corrected = maxBits > 0 ? ErrorCorrection.TryCorrect(frame, offset, lengthBytes, syndrome, maxBits) : 0;
        message.CorrectedBits = corrected;
        message.CrcStatus = corrected > 0 ? ModeSCrcStatus.Corrected : ModeSCrcStatus.Invalid;
    }

    private static void DecodeFields(byte[] frame, int offset, ref ModeSMessage message)
    {
        var df = message.DownlinkFormat;
        switch (df)
        {
            case 0:
            case 16:
                message.HasOnGround = true;
                message.OnGround = Bits.GetBit(frame, offset, 6); // 6: VS, 1 = on the ground
                message.HasSensitivityLevel = true;
                message.SensitivityLevel = (int)Bits.GetBits(frame, offset, 9, 11); // 9-11: SL
                message.ReplyInformation = (int)Bits.GetBits(frame, offset, 14, 17); // 14-17: RI
                DecodeAltitude(frame, offset, ref message);
                break;
            case 4:
            case 20:
                DecodeFlightStatus(frame, offset, ref message);
                DecodeAltitude(frame, offset, ref message);
                break;
            case 5:
            case 21:
                DecodeFlightStatus(frame, offset, ref message);
                message.HasSquawk = true;
                message.Squawk = IdentityCode.Decode((int)Bits.GetBits(frame, offset, 20, 32)); // 20-32: ID
                break;
            case 11:
            case 17:
                message.HasCapability = true;
                message.Capability = (int)Bits.GetBits(frame, offset, 6, 8); // 6-8: CA
                if (message.Capability == 4 || message.Capability == 5)
                {
                    // 3.1.2.5.2.2.1: CA 4 = on the ground, 5 = airborne.
                    message.HasOnGround = true;
                    message.OnGround = message.Capability == 4;
                }

                SetAnnouncedAddress(frame, offset, ref message);
                break;
            case 18:
                message.HasControlField = true;
                message.ControlField = (int)Bits.GetBits(frame, offset, 6, 8); // 6-8: CF
                SetAnnouncedAddress(frame, offset, ref message);
                break;
            default:
                break;
        }

        if (df == 17 || (df == 18 && message.ControlField != 4))
        {
            // DF18 CF 0-3, 5, 6 carry an ADS-B ME field (DO-260B 2.2.3.1); CF 4 is TIS-B management. CF 7
            // is reserved, but the receivers seen in the field put ordinary ME fields there too.
            ExtendedSquitterDecoder.Decode(frame, offset, ref message);
        }
        else if (df == 20 || df == 21)
        {
            CommBDecoder.Decode(frame, offset, ref message);
        }
    }

    private static void SetAnnouncedAddress(byte[] frame, int offset, ref ModeSMessage message)
    {
        message.HasAddress = true;
        message.Address = Bits.GetBits(frame, offset, 9, 32); // 9-32: AA
    }

    private static void DecodeFlightStatus(byte[] frame, int offset, ref ModeSMessage message)
    {
        message.HasFlightStatus = true;
        message.FlightStatus = (int)Bits.GetBits(frame, offset, 6, 8); // 6-8: FS
        message.DownlinkRequest = (int)Bits.GetBits(frame, offset, 9, 13); // 9-13: DR
        message.UtilityMessage = (int)Bits.GetBits(frame, offset, 14, 19); // 14-19: UM
        if (message.FlightStatus == 0 || message.FlightStatus == 2)
        {
            message.HasOnGround = true; // 3.1.2.6.5.1: FS 0 and 2 airborne, 1 and 3 on the ground
        }
        else if (message.FlightStatus == 1 || message.FlightStatus == 3)
        {
            message.HasOnGround = true;
            message.OnGround = true;
        }
    }

    private static void DecodeAltitude(byte[] frame, int offset, ref ModeSMessage message)
    {
        if (AltitudeCode.TryDecode13((int)Bits.GetBits(frame, offset, 20, 32), out var altitudeFeet)) // 20-32: AC
        {
            message.HasAltitude = true;
            message.AltitudeFeet = altitudeFeet;
        }
    }
}
