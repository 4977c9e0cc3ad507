using System.Globalization;

namespace Picket.ModeS;

/// <summary>
/// The test's reading of a <see cref="ModeSMessage"/> in the field names and units of
/// <c>messages.jsonl</c> (the <c>picket decode</c> names). Written from the README's field list,
/// independently of the CLI's JSON writer.
/// </summary>
internal static class ModeSFieldProjection
{
    private const double DegreesPerUnit = 360.0 / 4294967296.0;

    public static Dictionary<string, object> Project(ref ModeSMessage m)
    {
        var f = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["df"] = (double)m.DownlinkFormat,
            ["crc_remainder"] = (double)m.CrcRemainder,
        };
        if (m.HasAddress)
        {
            f["icao"] = m.Address.ToString("X6", CultureInfo.InvariantCulture);
        }

        if (m.HasCapability)
        {
            f["capability"] = (double)m.Capability;
        }

        if (m.HasControlField)
        {
            f["cf"] = (double)m.ControlField;
        }

        if (m.HasFlightStatus)
        {
            f["flight_status"] = (double)m.FlightStatus;
            f["downlink_request"] = (double)m.DownlinkRequest;
            f["utility_message"] = (double)m.UtilityMessage;
        }

        if (m.HasSensitivityLevel)
        {
            f["sensitivity_level"] = (double)m.SensitivityLevel;
            f["reply_information"] = (double)m.ReplyInformation;
            f["vertical_status"] = m.OnGround ? "ground" : "airborne";
        }

        if (m.HasAltitude)
        {
            f[m.AltitudeSource == AltitudeSource.Gnss ? "alt_geom_ft" : "altitude_ft"] = (double)m.AltitudeFeet;
        }

        if (m.HasSquawk)
        {
            f["squawk"] = Convert.ToString(m.Squawk, 8).PadLeft(4, '0');
        }

        if (m.HasTypeCode)
        {
            f["tc"] = (double)m.TypeCode;
        }

        if (m.HasSubtype)
        {
            f["subtype"] = (double)m.Subtype;
        }

        if (m.HasCallsign)
        {
            var chars = new char[8];
            var count = CallsignAlphabet.Write(m.CallsignCharacters, chars, 0);
            f["callsign"] = new string(chars, 0, count);
        }

        if (m.HasEmitterCategory)
        {
            f["category"] = (double)m.EmitterCategory;
            f["emitter_category"] = ((char)('A' + m.EmitterCategorySet - 1)).ToString() + m.EmitterCategory.ToString(CultureInfo.InvariantCulture);
        }

        if (m.HasCpr)
        {
            f["cpr_format"] = (double)m.CprFormat;
            f["cpr_lat"] = (double)m.CprLatitude;
            f["cpr_lon"] = (double)m.CprLongitude;
        }

        if (m.HasNucP)
        {
            f["nuc_p"] = (double)m.NucP;
        }

        if (m.HasGroundSpeed)
        {
            f["groundspeed_kt"] = m.GroundSpeedKnotsQ10 / 1024.0;
        }

        if (m.HasTrack)
        {
            f["track_deg"] = m.Track * DegreesPerUnit;
        }

        if (m.HasHeading)
        {
            f["heading_deg"] = m.Heading * DegreesPerUnit;
        }

        if (m.HasAirspeed)
        {
            f["airspeed_kt"] = (double)m.AirspeedKnots;
            f["airspeed_type"] = m.AirspeedType == AirspeedType.True ? "TAS" : "IAS";
        }

        if (m.HasVerticalRate)
        {
            f["vertical_rate_fpm"] = (double)m.VerticalRateFeetPerMinute;
            f["vr_source"] = m.VerticalRateSource == VerticalRateSource.Gnss ? "GNSS" : "BARO";
        }

        if (m.HasGeometricMinusBarometric)
        {
            f["geo_minus_baro_ft"] = (double)m.GeometricMinusBarometricFeet;
        }

        if (m.HasNacV)
        {
            f["nac_v"] = (double)m.NacV;
        }

        if (m.HasEmergencyState)
        {
            f["emergency_state"] = (double)m.EmergencyState;
        }

        if (m.HasTargetState)
        {
            f["selected_altitude_source"] = m.SelectedAltitudeFromFms ? "FMS" : "MCP/FCU";
        }

        if (m.HasSelectedAltitude)
        {
            f["selected_altitude_ft"] = (double)m.SelectedAltitudeFeet;
        }

        if (m.HasBaroSetting)
        {
            f["baro_setting_hpa"] = m.BaroSettingTenthsHectopascal / 10.0;
        }

        if (m.HasSelectedHeading)
        {
            f["selected_heading_deg"] = m.SelectedHeading * DegreesPerUnit;
        }

        if (m.HasAutopilotModes)
        {
            f["autopilot"] = m.Autopilot;
            f["vnav"] = m.Vnav;
            f["alt_hold"] = m.AltitudeHold;
            f["approach"] = m.Approach;
            f["lnav"] = m.Lnav;
        }

        if (m.HasTcasOperational)
        {
            f["tcas"] = m.TcasOperational;
        }

        AddIntegrity(ref m, f);
        AddCommB(ref m, f);
        return f;
    }

    private static void AddIntegrity(ref ModeSMessage m, Dictionary<string, object> f)
    {
        if (m.HasNacP)
        {
            f["nac_p"] = (double)m.NacP;
        }

        if (m.HasNicBaro)
        {
            f["nic_baro"] = (double)m.NicBaro;
        }

        if (m.HasSil)
        {
            f["sil"] = (double)m.Sil;
        }

        if (m.HasOperationalStatus)
        {
            f["version"] = (double)m.Version;
            if (m.Version > 0)
            {
                f["nic_a"] = (double)m.NicA;
            }
        }

        if (m.HasGva)
        {
            f["gva"] = (double)m.Gva;
        }

        if (m.HasSda)
        {
            f["sda"] = (double)m.Sda;
        }
    }

    private static void AddCommB(ref ModeSMessage m, Dictionary<string, object> f)
    {
        if (m.HasBds)
        {
            f["bds"] = BdsName(m.Bds);
        }

        if (m.BdsCandidates != CommBRegisters.None)
        {
            var names = new List<string>();
            foreach (var (flag, code) in new[] { (CommBRegisters.Bds10, 0x10), (CommBRegisters.Bds17, 0x17), (CommBRegisters.Bds20, 0x20), (CommBRegisters.Bds30, 0x30), (CommBRegisters.Bds40, 0x40), (CommBRegisters.Bds44, 0x44), (CommBRegisters.Bds45, 0x45), (CommBRegisters.Bds50, 0x50), (CommBRegisters.Bds60, 0x60) })
            {
                if ((m.BdsCandidates & flag) != 0)
                {
                    names.Add(BdsName(code));
                }
            }

            f["bds_candidates"] = names;
        }

        if (m.HasSelectedAltitudeMcp)
        {
            f["selected_altitude_mcp_ft"] = (double)m.SelectedAltitudeMcpFeet;
        }

        if (m.HasSelectedAltitudeFms)
        {
            f["selected_altitude_fms_ft"] = (double)m.SelectedAltitudeFmsFeet;
        }

        if (m.HasBaroPressureSetting)
        {
            f["baro_pressure_setting_hpa"] = m.BaroPressureSettingTenthsHectopascal / 10.0;
        }

        if (m.HasRoll)
        {
            f["roll_deg"] = m.Roll * DegreesPerUnit;
        }

        if (m.HasTrueTrack)
        {
            f["true_track_deg"] = m.TrueTrack * DegreesPerUnit;
        }

        if (m.HasTrackRate)
        {
            f["track_rate_dps"] = m.TrackRateDegreesPerSecondQ5 / 32.0;
        }

        if (m.HasTrueAirspeed)
        {
            f["true_airspeed_kt"] = (double)m.TrueAirspeedKnots;
        }

        if (m.HasMagneticHeading)
        {
            f["magnetic_heading_deg"] = m.MagneticHeading * DegreesPerUnit;
        }

        if (m.HasIndicatedAirspeed)
        {
            f["indicated_airspeed_kt"] = (double)m.IndicatedAirspeedKnots;
        }

        if (m.HasMach)
        {
            f["mach"] = m.MachThousandths / 1000.0;
        }

        if (m.HasBaroVerticalRate)
        {
            f["baro_vertical_rate_fpm"] = (double)m.BaroVerticalRateFeetPerMinute;
        }

        if (m.HasInertialVerticalRate)
        {
            f["inertial_vertical_rate_fpm"] = (double)m.InertialVerticalRateFeetPerMinute;
        }

        if (m.HasWind)
        {
            f["wind_speed_kt"] = (double)m.WindSpeedKnots;
            f["wind_direction_deg"] = m.WindDirection * DegreesPerUnit;
        }

        if (m.HasStaticAirTemperature)
        {
            f["static_air_temperature_c"] = m.StaticAirTemperatureCelsiusQ2 / 4.0;
        }
    }

    private static string BdsName(int code) => string.Create(CultureInfo.InvariantCulture, $"{code >> 4:X},{code & 0xF:X}");
}
