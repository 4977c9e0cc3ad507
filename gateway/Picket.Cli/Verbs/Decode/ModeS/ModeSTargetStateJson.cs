using System.Text.Json;
using Picket.ModeS;

namespace Picket.Cli.Verbs.Decode.ModeS;

/// <summary>The TC 29 target-state fields of a decoded message as JSON.</summary>
internal static class ModeSTargetStateJson
{
    private const double DegreesPerUnit = 360.0 / 4294967296.0;

    public static void Write(Utf8JsonWriter json, ref ModeSMessage m)
    {
        if (!m.HasTargetState)
        {
            return;
        }

        json.WriteString("selected_altitude_source", m.SelectedAltitudeFromFms ? "FMS" : "MCP/FCU");
        if (m.HasSelectedAltitude)
        {
            json.WriteNumber("selected_altitude_ft", m.SelectedAltitudeFeet);
        }

        if (m.HasBaroSetting)
        {
            json.WriteNumber("baro_setting_hpa", m.BaroSettingTenthsHectopascal / 10.0);
        }

        if (m.HasSelectedHeading)
        {
            json.WriteNumber("selected_heading_deg", Math.Round(m.SelectedHeading * DegreesPerUnit, 5));
        }

        if (m.HasAutopilotModes)
        {
            json.WriteBoolean("autopilot", m.Autopilot);
            json.WriteBoolean("vnav", m.Vnav);
            json.WriteBoolean("alt_hold", m.AltitudeHold);
            json.WriteBoolean("approach", m.Approach);
            json.WriteBoolean("lnav", m.Lnav);
        }

        if (m.HasTcasOperational)
        {
            json.WriteBoolean("tcas", m.TcasOperational);
        }
    }
}
