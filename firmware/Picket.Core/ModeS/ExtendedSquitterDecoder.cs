namespace Picket.ModeS;

/// <summary>
/// Decodes the 56-bit ME field of DF17/18 (ADS-B, DO-260B 2.2.3.2). Bit numbers in the
/// comments are frame bits (ME bit n = frame bit n + 32).
/// </summary>
public static class ExtendedSquitterDecoder
{
    /// <summary>Fills the ADS-B fields of <paramref name="message"/> from the frame's ME field.</summary>
    public static void Decode(byte[] frame, int offset, ref ModeSMessage message)
    {
        var typeCode = (int)Bits.GetBits(frame, offset, 33, 37); // 33-37: TC
        message.HasTypeCode = true;
        message.TypeCode = typeCode;
        if (typeCode >= 1 && typeCode <= 4)
        {
            DecodeIdentification(frame, offset, typeCode, ref message);
        }
        else if (typeCode >= 5 && typeCode <= 8)
        {
            DecodeSurfacePosition(frame, offset, typeCode, ref message);
        }
        else if ((typeCode >= 9 && typeCode <= 18) || (typeCode >= 20 && typeCode <= 22))
        {
            DecodeAirbornePosition(frame, offset, typeCode, ref message);
        }
        else if (typeCode == 19)
        {
            VelocityDecoder.Decode(frame, offset, ref message);
        }
        else if (typeCode == 28)
        {
            DecodeAircraftStatus(frame, offset, ref message);
        }
        else if (typeCode == 29)
        {
            TargetStateDecoder.Decode(frame, offset, ref message);
        }
        else if (typeCode == 31)
        {
            DecodeOperationalStatus(frame, offset, ref message);
        }
    }

    private static void DecodeIdentification(byte[] frame, int offset, int typeCode, ref ModeSMessage message)
    {
        // DO-260B 2.2.3.2.5: TC 4/3/2/1 = category set A/B/C/D; 38-40 emitter category; 41-88 eight characters.
        message.HasBds = true;
        message.Bds = 0x08;
        message.HasEmitterCategory = true;
        message.EmitterCategorySet = 5 - typeCode;
        message.EmitterCategory = (int)Bits.GetBits(frame, offset, 38, 40);
        message.HasCallsign = true;
        message.CallsignCharacters = ((ulong)Bits.GetBits(frame, offset, 41, 64) << 24) | Bits.GetBits(frame, offset, 65, 88);
    }

    private static void DecodeSurfacePosition(byte[] frame, int offset, int typeCode, ref ModeSMessage message)
    {
        // DO-260B 2.2.3.2.4: 38-44 movement, 45 track status, 46-52 track (360/128 deg), 54 F, 55-71 lat, 72-88 lon.
        message.HasBds = true;
        message.Bds = 0x06;
        message.HasNucP = true;
        message.NucP = 14 - typeCode;
        var movement = (int)Bits.GetBits(frame, offset, 38, 44);
        if (SurfaceMovement.TryDecode(movement, out var eighths))
        {
            message.HasGroundSpeed = true;
            message.GroundSpeedKnotsQ10 = eighths << 7;
        }

        if (Bits.GetBit(frame, offset, 45))
        {
            message.HasTrack = true;
            message.Track = Bits.GetBits(frame, offset, 46, 52) << 25;
        }

        message.HasOnGround = true;
        message.OnGround = true;
        ReadCpr(frame, offset, true, ref message);
    }

    private static void DecodeAirbornePosition(byte[] frame, int offset, int typeCode, ref ModeSMessage message)
    {
        // DO-260B 2.2.3.2.3: 38-39 surveillance status, 40 NIC-B, 41-52 altitude, 53 T, 54 F, 55-71 lat, 72-88 lon.
        message.HasBds = true;
        message.Bds = 0x05;
        message.HasNucP = true;
        message.NucP = typeCode <= 18 ? 18 - typeCode : (typeCode == 20 ? 9 : (typeCode == 21 ? 8 : 0));
        // TC 20-22 (DO-260B 2.2.3.2.3.4.3): GNSS height above the ellipsoid coded with the same
        // 25 ft AC12 rules as the barometric altitude of TC 9-18 (readsb and dump1090-fa read it this way).
        if (AltitudeCode.TryDecode12((int)Bits.GetBits(frame, offset, 41, 52), out var altitudeFeet))
        {
            message.HasAltitude = true;
            message.AltitudeFeet = altitudeFeet;
            message.AltitudeSource = typeCode <= 18 ? AltitudeSource.Barometric : AltitudeSource.Gnss;
        }

        message.HasOnGround = true;
        message.OnGround = false;
        ReadCpr(frame, offset, false, ref message);
    }

    private static void ReadCpr(byte[] frame, int offset, bool surface, ref ModeSMessage message)
    {
        message.HasCpr = true;
        message.CprSurface = surface;
        message.CprFormat = (int)Bits.GetBits(frame, offset, 54, 54); // 54: F
        message.CprLatitude = (int)Bits.GetBits(frame, offset, 55, 71); // 55-71: encoded latitude
        message.CprLongitude = (int)Bits.GetBits(frame, offset, 72, 88); // 72-88: encoded longitude
    }

    private static void DecodeAircraftStatus(byte[] frame, int offset, ref ModeSMessage message)
    {
        // DO-260B 2.2.3.2.7.8: 38-40 subtype; subtype 1: 41-43 emergency state, 44-56 Mode A code; subtype 2: ACAS RA.
        message.HasBds = true;
        message.Bds = 0x61;
        message.HasSubtype = true;
        message.Subtype = (int)Bits.GetBits(frame, offset, 38, 40);
        if (message.Subtype == 1)
        {
            message.HasEmergencyState = true;
            message.EmergencyState = (int)Bits.GetBits(frame, offset, 41, 43);
            message.HasSquawk = true;
            message.Squawk = IdentityCode.Decode((int)Bits.GetBits(frame, offset, 44, 56));
        }
        else if (message.Subtype == 2)
        {
            AcasAdvisoryDecoder.Decode(frame, offset, ref message); // subtype 2: ACAS RA broadcast
        }
    }

    private static void DecodeOperationalStatus(byte[] frame, int offset, ref ModeSMessage message)
    {
        // DO-260B 2.2.3.2.7.2: 38-40 subtype (0 airborne, 1 surface), 41-56 capability class,
        // 57-72 operational mode (63-64 SDA), 73-75 version, 76 NIC-A, 77-80 NACp,
        // 81-82 GVA (airborne), 83-84 SIL, 85 NICbaro (airborne) / TRK-HDG (surface).
        message.HasBds = true;
        message.Bds = 0x65;
        message.HasSubtype = true;
        message.Subtype = (int)Bits.GetBits(frame, offset, 38, 40);
        message.HasOperationalStatus = true;
        message.Version = (int)Bits.GetBits(frame, offset, 73, 75);
        if (message.Version == 0 || message.Subtype > 1)
        {
            return;
        }

        if (message.Subtype == 1)
        {
            message.HasNacV = true;
            message.NacV = (int)Bits.GetBits(frame, offset, 49, 51); // 49-51: surface capability class NACv
        }

        message.NicA = (int)Bits.GetBits(frame, offset, 76, 76);
        message.HasNacP = true;
        message.NacP = (int)Bits.GetBits(frame, offset, 77, 80);
        message.HasSil = true;
        message.Sil = (int)Bits.GetBits(frame, offset, 83, 84);
        if (message.Subtype == 0)
        {
            message.HasNicBaro = true;
            message.NicBaro = (int)Bits.GetBits(frame, offset, 85, 85);
        }

        if (message.Version >= 2)
        {
            message.HasSda = true;
            message.Sda = (int)Bits.GetBits(frame, offset, 63, 64);
            if (message.Subtype == 0)
            {
                message.HasGva = true;
                message.Gva = (int)Bits.GetBits(frame, offset, 81, 82);
            }
        }
    }
}
