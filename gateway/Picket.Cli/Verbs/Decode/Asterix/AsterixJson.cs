using System.Globalization;
using Picket.Asterix;

namespace Picket.Cli.Verbs.Decode.Asterix;

/// <summary>The JSON Lines shape of decoded ASTERIX records (field names as in issue 4).</summary>
internal static class AsterixJson
{
    private const double MetresPerNauticalMile = 1852.0;

    public static void Write(JsonLinesWriter output, ref Cat048Record record)
    {
        var json = output.Json;
        json.WriteStartObject();
        json.WriteString("type", "asterix");
        json.WriteNumber("cat", 48);
        WriteSource(output, record.HasDataSource, record.Sac, record.Sic);
        if (record.HasTimeOfDay)
        {
            json.WriteNumber("time_of_day_s", record.TimeOfDay128 / 128.0);
        }

        if (record.HasPolarPosition)
        {
            json.WriteNumber("range_m", record.Rho256 / 256.0 * MetresPerNauticalMile);
            json.WriteNumber("azimuth_deg", record.Theta * 360.0 / 65536.0);
        }

        if (record.HasFlightLevel)
        {
            json.WriteNumber("flight_level", record.FlightLevelQuarters / 4.0);
        }

        if (record.HasHeight3D)
        {
            json.WriteNumber("height_ft", record.Height3D25Feet * 25);
        }

        if (record.HasMode3A)
        {
            SurveillanceJson.WriteSquawk(json, "mode3a", record.Mode3A);
        }

        if (record.HasAircraftAddress)
        {
            SurveillanceJson.WriteIcao(json, "icao", (uint)record.AircraftAddress);
        }

        if (record.HasIdentification)
        {
            json.WriteString("callsign", Ia5Callsign.ToText(record.Identification));
        }

        if (record.HasTrackNumber)
        {
            json.WriteNumber("track_number", record.TrackNumber);
        }

        if (record.HasDescriptor)
        {
            json.WriteString("report_type", ReportTypeName(record.ReportType));
        }

        json.WriteEndObject();
        output.EndObject();
    }

    public static void Write(JsonLinesWriter output, ref Cat034Record record)
    {
        var json = output.Json;
        json.WriteStartObject();
        json.WriteString("type", "asterix");
        json.WriteNumber("cat", 34);
        WriteSource(output, record.HasDataSource, record.Sac, record.Sic);
        if (record.HasTimeOfDay)
        {
            json.WriteNumber("time_of_day_s", record.TimeOfDay128 / 128.0);
        }

        if (record.HasMessageType)
        {
            json.WriteString("message_type", MessageTypeName(record.MessageType));
        }

        if (record.HasSectorNumber)
        {
            json.WriteNumber("sector_deg", record.SectorNumber * 360.0 / 256.0);
        }

        json.WriteEndObject();
        output.EndObject();
    }

    /// <summary>The <c>report_type</c> word for I048/020 TYP.</summary>
    public static string ReportTypeName(TargetReportType type) => type switch
    {
        TargetReportType.NoDetection => "none",
        TargetReportType.Psr => "psr",
        TargetReportType.Ssr => "ssr",
        TargetReportType.SsrPsr => "ssr_psr",
        TargetReportType.ModeSAllCall => "modes_allcall",
        TargetReportType.ModeSRollCall => "modes_rollcall",
        TargetReportType.ModeSAllCallPsr => "modes_allcall_psr",
        _ => "modes_rollcall_psr",
    };

    /// <summary>The <c>message_type</c> word for I034/000.</summary>
    public static string MessageTypeName(Cat034MessageType type) => type switch
    {
        Cat034MessageType.NorthMarker => "north_marker",
        Cat034MessageType.SectorCrossing => "sector_crossing",
        Cat034MessageType.GeographicalFiltering => "geographical_filtering",
        Cat034MessageType.JammingStrobe => "jamming_strobe",
        Cat034MessageType.SolarStorm => "solar_storm",
        Cat034MessageType.SsrJammingStrobe => "ssr_jamming_strobe",
        Cat034MessageType.ModeSJammingStrobe => "modes_jamming_strobe",
        _ => string.Create(CultureInfo.InvariantCulture, $"undefined_{(int)type}"),
    };

    private static void WriteSource(JsonLinesWriter output, bool present, int sac, int sic)
    {
        if (present)
        {
            output.Json.WriteNumber("sac", sac);
            output.Json.WriteNumber("sic", sic);
        }
    }
}
