using System.Globalization;
using System.Text.Json;
using Picket.ModeS;

namespace Picket.Cli.Verbs.Decode.ModeS;

/// <summary>The register and Comm-B fields of a decoded message as JSON.</summary>
internal static class ModeSCommBJson
{
    private const double DegreesPerUnit = 360.0 / 4294967296.0;

    public static void Write(Utf8JsonWriter json, ref ModeSMessage m, (CommBRegisters Flag, string Name)[] registers)
    {
        if (m.HasBds)
        {
            json.WriteString("bds", string.Create(CultureInfo.InvariantCulture, $"{m.Bds >> 4:X},{m.Bds & 0xF:X}"));
        }

        if (m.BdsCandidates != CommBRegisters.None)
        {
            json.WriteStartArray("bds_candidates");
            foreach (var (flag, name) in registers)
            {
                if ((m.BdsCandidates & flag) != 0)
                {
                    json.WriteStringValue(name);
                }
            }

            json.WriteEndArray();
        }

        WriteIf(json, m.HasSelectedAltitudeMcp, "selected_altitude_mcp_ft", m.SelectedAltitudeMcpFeet);
        WriteIf(json, m.HasSelectedAltitudeFms, "selected_altitude_fms_ft", m.SelectedAltitudeFmsFeet);
        WriteIf(json, m.HasBaroPressureSetting, "baro_pressure_setting_hpa", m.BaroPressureSettingTenthsHectopascal / 10.0);
        WriteIf(json, m.HasRoll, "roll_deg", Math.Round(m.Roll * DegreesPerUnit, 6));
        WriteIf(json, m.HasTrueTrack, "true_track_deg", Math.Round(m.TrueTrack * DegreesPerUnit, 6));
        WriteIf(json, m.HasTrackRate, "track_rate_dps", m.TrackRateDegreesPerSecondQ5 / 32.0);
        WriteIf(json, m.HasTrueAirspeed, "true_airspeed_kt", m.TrueAirspeedKnots);
        WriteIf(json, m.HasMagneticHeading, "magnetic_heading_deg", Math.Round(m.MagneticHeading * DegreesPerUnit, 6));
        WriteIf(json, m.HasIndicatedAirspeed, "indicated_airspeed_kt", m.IndicatedAirspeedKnots);
        WriteIf(json, m.HasMach, "mach", m.MachThousandths / 1000.0);
        WriteIf(json, m.HasBaroVerticalRate, "baro_vertical_rate_fpm", m.BaroVerticalRateFeetPerMinute);
        WriteIf(json, m.HasInertialVerticalRate, "inertial_vertical_rate_fpm", m.InertialVerticalRateFeetPerMinute);
        if (m.HasWind)
        {
            json.WriteNumber("wind_speed_kt", m.WindSpeedKnots);
            json.WriteNumber("wind_direction_deg", Math.Round(m.WindDirection * DegreesPerUnit, 6));
        }

        WriteIf(json, m.HasStaticAirTemperature, "static_air_temperature_c", m.StaticAirTemperatureCelsiusQ2 / 4.0);
        if (m.HasAcasResolutionAdvisory)
        {
            json.WriteNumber("acas_ara", m.AcasActiveAdvisories);
            json.WriteNumber("acas_rac", m.AcasComplements);
            json.WriteBoolean("acas_ra_terminated", m.AcasTerminated);
            json.WriteBoolean("acas_multiple_threats", m.AcasMultipleThreats);
            json.WriteNumber("acas_threat_type", m.AcasThreatType);
            if (m.AcasThreatType == 1)
            {
                SurveillanceJson.WriteIcao(json, "acas_threat_icao", m.AcasThreatAddress);
            }
        }
    }

    private static void WriteIf(Utf8JsonWriter json, bool has, string name, double value)
    {
        if (has)
        {
            json.WriteNumber(name, value);
        }
    }
}
