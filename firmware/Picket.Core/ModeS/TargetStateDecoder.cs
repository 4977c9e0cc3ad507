namespace Picket.ModeS;

/// <summary>
/// Decodes ADS-B target state and status, TC 29 subtype 1 (DO-260B 2.2.3.2.7.1): selected
/// altitude and heading, barometric setting, autopilot modes and integrity figures.
/// </summary>
public static class TargetStateDecoder
{
    /// <summary>Fills the target-state fields of <paramref name="message"/>.</summary>
    public static void Decode(byte[] frame, int offset, ref ModeSMessage message)
    {
        message.HasBds = true;
        message.Bds = 0x62;
        message.HasSubtype = true;
        message.Subtype = (int)Bits.GetBits(frame, offset, 38, 39); // 38-39: subtype
        if (message.Subtype != 1)
        {
            return;
        }

        message.HasTargetState = true;

        // 41: selected altitude source (0 MCP/FCU, 1 FMS); 42-52: altitude, 32 ft units plus one.
        var altitude = (int)Bits.GetBits(frame, offset, 42, 52);
        message.SelectedAltitudeFromFms = Bits.GetBit(frame, offset, 41);
        if (altitude != 0)
        {
            message.HasSelectedAltitude = true;
            message.SelectedAltitudeFeet = (altitude - 1) * 32;
        }

        // 53-61: barometric setting, 0.8 hPa units plus one, from 800 hPa.
        var baro = (int)Bits.GetBits(frame, offset, 53, 61);
        if (baro != 0)
        {
            message.HasBaroSetting = true;
            message.BaroSettingTenthsHectopascal = 8000 + ((baro - 1) * 8);
        }

        // 62: heading status, 63-71: heading, 180/256 deg units (9 bits, 0 to 360).
        if (Bits.GetBit(frame, offset, 62))
        {
            message.HasSelectedHeading = true;
            message.SelectedHeading = Bits.GetBits(frame, offset, 63, 71) << 23;
        }

        message.HasNacP = true;
        message.NacP = (int)Bits.GetBits(frame, offset, 72, 75); // 72-75: NACp
        message.HasNicBaro = true;
        message.NicBaro = (int)Bits.GetBits(frame, offset, 76, 76); // 76: NICbaro
        message.HasSil = true;
        message.Sil = (int)Bits.GetBits(frame, offset, 77, 78); // 77-78: SIL

        // 79: MCP/FCU mode bits valid; 80 autopilot, 81 VNAV, 82 altitude hold, 84 approach, 86 LNAV; 85: TCAS operational.
        message.HasAutopilotModes = Bits.GetBit(frame, offset, 79);
        if (message.HasAutopilotModes)
        {
            message.Autopilot = Bits.GetBit(frame, offset, 80);
            message.Vnav = Bits.GetBit(frame, offset, 81);
            message.AltitudeHold = Bits.GetBit(frame, offset, 82);
            message.Approach = Bits.GetBit(frame, offset, 84);
            message.Lnav = Bits.GetBit(frame, offset, 86);
        }

        message.HasTcasOperational = true;
        message.TcasOperational = Bits.GetBit(frame, offset, 85);
    }
}
