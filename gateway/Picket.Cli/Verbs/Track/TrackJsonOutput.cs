using Picket.Cli.Verbs.Decode;
using Picket.Publishing;
using Picket.Tracking;

namespace Picket.Cli.Verbs.Track;

/// <summary>
/// Writes the tracker's output as JSON Lines (<c>{"kind":"track",...}</c> and
/// <c>{"kind":"alert",...}</c>, the field names of issue 5).
/// </summary>
internal sealed class TrackJsonOutput : ITrackerOutput
{
    private readonly JsonLinesWriter? _writer;

    public TrackJsonOutput(JsonLinesWriter? writer) => _writer = writer;

    public long Reports { get; private set; }

    public long Alerts { get; private set; }

    public void OnTrackReport(ref TrackReport report)
    {
        Reports++;
        if (_writer is null)
        {
            return;
        }

        var json = _writer.Json;
        json.WriteStartObject();
        json.WriteString("kind", "track");
        json.WriteNumber("time", report.TimeUnixMicroseconds / 1e6);
        json.WriteNumber("track_id", report.TrackId);
        json.WriteString("status", StatusName(report.Status));
        WriteIcao(json, report.HasIcaoAddress, report.IcaoAddress);
        if (report.Callsign is { Length: > 0 })
        {
            json.WriteString("callsign", report.Callsign);
        }
        else
        {
            json.WriteNull("callsign");
        }

        if (report.HasMode3ACode)
        {
            SurveillanceJson.WriteSquawk(json, "squawk", report.Mode3ACode);
        }
        else
        {
            json.WriteNull("squawk");
        }

        json.WriteNumber("lat", Math.Round(report.LatitudeE7 / 1e7, 7));
        json.WriteNumber("lon", Math.Round(report.LongitudeE7 / 1e7, 7));
        if (report.HasHeight)
        {
            json.WriteNumber("alt_m", Math.Round(report.HeightMillimetres / 1000.0, 1));
        }
        else
        {
            json.WriteNull("alt_m");
        }

        json.WriteNumber("vel_e_ms", Math.Round(report.VelocityEastMillimetresPerSecond / 1000.0, 2));
        json.WriteNumber("vel_n_ms", Math.Round(report.VelocityNorthMillimetresPerSecond / 1000.0, 2));
        json.WriteNumber("vel_u_ms", Math.Round(report.VelocityUpMillimetresPerSecond / 1000.0, 2));
        json.WriteNumber("sigma_pos_m", Math.Round(SigmaPositionMetres(ref report), 1));
        json.WriteStartArray("sources");
        foreach (var (flag, name) in SourceNames)
        {
            if ((report.Sources & flag) != 0)
            {
                json.WriteStringValue(name);
            }
        }

        json.WriteEndArray();
        json.WriteBoolean("cooperative", report.Cooperative);
        json.WriteEndObject();
        _writer.EndObject();
    }

    public void OnZoneAlert(ref ZoneAlert alert)
    {
        Alerts++;
        if (_writer is null)
        {
            return;
        }

        var json = _writer.Json;
        json.WriteStartObject();
        json.WriteString("kind", "alert");
        json.WriteNumber("time", alert.TimeUnixMicroseconds / 1e6);
        json.WriteNumber("track_id", alert.TrackId);
        json.WriteString("zone", alert.ZoneName);
        json.WriteString("event", EventName(alert.Event));
        json.WriteBoolean("cooperative", alert.Cooperative);
        WriteIcao(json, alert.HasIcaoAddress, alert.IcaoAddress);
        if (!alert.IsEnter)
        {
            json.WriteNumber("duration_s", alert.DurationMicroseconds / 1e6);
        }

        json.WriteEndObject();
        _writer.EndObject();
    }

    /// <summary>The alert's <c>event</c> in JSON: <c>enter</c>, <c>exit</c> or <c>lost</c>.</summary>
    public static string EventName(ZoneAlertEvent zoneEvent) => zoneEvent switch
    {
        ZoneAlertEvent.Enter => "enter",
        ZoneAlertEvent.Exit => "exit",
        ZoneAlertEvent.Lost => "lost",
        _ => throw new ArgumentOutOfRangeException(nameof(zoneEvent), zoneEvent, "not a zone event"),
    };

    /// <summary>Horizontal position uncertainty: the RMS radial error sqrt(σ_e² + σ_n²), metres.</summary>
    public static double SigmaPositionMetres(ref TrackReport report)
    {
        double east = report.PositionSigmaEastMillimetres / 1000.0;
        double north = report.PositionSigmaNorthMillimetres / 1000.0;
        return Math.Sqrt((east * east) + (north * north));
    }

    private static void WriteIcao(System.Text.Json.Utf8JsonWriter json, bool has, int icao)
    {
        if (has)
        {
            SurveillanceJson.WriteIcao(json, "icao", (uint)icao);
        }
        else
        {
            json.WriteNull("icao");
        }
    }

    private static string StatusName(TrackStatus status) => status switch
    {
        TrackStatus.Tentative => "tentative",
        TrackStatus.Confirmed => "confirmed",
        TrackStatus.Coasting => "coasting",
        _ => "dropped",
    };

    private static readonly (TrackSources Flag, string Name)[] SourceNames =
    [
        (TrackSources.Adsb, "adsb"),
        (TrackSources.ModeS, "mode_s"),
        (TrackSources.RadarPsr, "radar_psr"),
        (TrackSources.RadarSsr, "radar_ssr"),
        (TrackSources.Arpa, "arpa"),
    ];
}
