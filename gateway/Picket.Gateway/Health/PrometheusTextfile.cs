using System.Globalization;
using System.Text;

namespace Picket.Gateway.Health;

/// <summary>
/// Renders a <see cref="HealthSnapshot"/> in the Prometheus text exposition format and writes it
/// where node_exporter's textfile collector reads it (<c>--collector.textfile.directory</c>),
/// atomically: a temporary file in the same directory, then a rename, so the collector never
/// reads half a file.
/// </summary>
public static class PrometheusTextfile
{
    /// <summary>The file's name in the collector directory.</summary>
    public const string FileName = "picket.prom";

    /// <summary>Renders the snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The exposition text.</returns>
    public static string Render(HealthSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = new StringBuilder();
        var gateway = $"gateway=\"{Escape(snapshot.GatewayId)}\"";
        Metric(text, "picket_info", "gauge", "The gateway's software version.", $"{{{gateway},version=\"{Escape(snapshot.SoftwareVersion)}\"}}", 1);
        Metric(text, "picket_uptime_seconds", "gauge", "Seconds since the gateway started.", $"{{{gateway}}}", snapshot.UptimeSeconds);
        Metric(text, "picket_clock_trusted", "gauge", "1 when the clock is trusted (the uplink runs only then).", $"{{{gateway},state=\"{Escape(snapshot.ClockState)}\"}}", snapshot.ClockTrusted ? 1 : 0);
        if (snapshot.CpuTemperatureCelsius is { } temperature)
        {
            Metric(text, "picket_cpu_temperature_celsius", "gauge", "SoC temperature.", $"{{{gateway}}}", temperature);
        }

        SourceMetric(text, snapshot, "picket_source_connected", "gauge", "1 when the input's device or connection is open.", s => s.Connected ? 1 : 0);
        SourceMetric(text, snapshot, "picket_source_frames_total", "counter", "Frames decoded.", s => s.FramesTotal);
        SourceMetric(text, snapshot, "picket_source_errors_total", "counter", "Bytes or frames that could not be decoded.", s => s.ErrorsTotal);
        SourceMetric(text, snapshot, "picket_source_reconnects_total", "counter", "Times the input was reopened.", s => s.ReconnectsTotal);
        SourceMetric(text, snapshot, "picket_source_dropped_total", "counter", "Chunks dropped because the pipeline was behind.", s => s.DroppedTotal);
        SourceMetric(text, snapshot, "picket_source_disconnected_seconds_total", "counter", "Time the input was disconnected.", s => s.DisconnectedSecondsTotal);
        SourceMetric(text, snapshot, "picket_source_frames_per_second", "gauge", "Frame rate over the last health period.", s => s.FramesPerSecond);

        var outbox = snapshot.Outbox;
        Metric(text, "picket_outbox_depth", "gauge", "Batches stored and not yet acked.", $"{{{gateway}}}", outbox.Depth);
        Metric(text, "picket_outbox_bytes", "gauge", "Bytes stored in the outbox.", $"{{{gateway}}}", outbox.Bytes);
        Metric(text, "picket_outbox_oldest_age_seconds", "gauge", "Age of the oldest unacked batch.", $"{{{gateway}}}", outbox.OldestAgeSeconds);
        Metric(text, "picket_outbox_dropped_total", "counter", "Batches dropped by the cap, the age limit or storage errors.", $"{{{gateway}}}", outbox.DroppedTotal);
        Metric(text, "picket_outbox_storage_errors_total", "counter", "Storage errors (disk full, I/O).", $"{{{gateway}}}", outbox.StorageErrorsTotal);

        var uplink = snapshot.Uplink;
        Metric(text, "picket_uplink_connected", "gauge", "1 when a Publish stream is open.", $"{{{gateway}}}", uplink.Connected ? 1 : 0);
        Metric(text, "picket_uplink_acked_sequence", "gauge", "Highest sequence the server acked.", $"{{{gateway}}}", uplink.AckedSequence);
        Metric(text, "picket_uplink_reconnects_total", "counter", "Publish streams opened after the first.", $"{{{gateway}}}", uplink.ReconnectsTotal);
        Metric(text, "picket_uplink_batches_sent_total", "counter", "Batches sent, resends included.", $"{{{gateway}}}", uplink.BatchesSentTotal);
        Metric(text, "picket_uplink_bytes_sent_total", "counter", "Bytes sent, resends included.", $"{{{gateway}}}", uplink.BytesSentTotal);
        Metric(text, "picket_uplink_rejected_total", "counter", "Batches the server refused as invalid.", $"{{{gateway}}}", uplink.RejectedTotal);

        var tracker = snapshot.Tracker;
        Metric(text, "picket_tracker_live_tracks", "gauge", "Tracks alive now.", $"{{{gateway}}}", tracker.LiveTracks);
        Metric(text, "picket_tracker_tracks_started_total", "counter", "Tracks started.", $"{{{gateway}}}", tracker.TracksStartedTotal);
        Metric(text, "picket_tracker_tracks_confirmed_total", "counter", "Tracks confirmed.", $"{{{gateway}}}", tracker.TracksConfirmedTotal);
        Metric(text, "picket_tracker_radar_plots_total", "counter", "Radar plots processed.", $"{{{gateway}}}", tracker.RadarPlotsTotal);
        Metric(text, "picket_tracker_modes_observations_total", "counter", "Mode S observations processed.", $"{{{gateway}}}", tracker.ModeSObservationsTotal);
        Metric(text, "picket_tracker_late_measurements_total", "counter", "Measurements older than the tracker's time, skipped.", $"{{{gateway}}}", tracker.LateMeasurementsTotal);
        Metric(text, "picket_tracker_saturations_total", "counter", "Fixed-point saturations.", $"{{{gateway}}}", tracker.SaturationsTotal);
        Metric(text, "picket_tracker_alerts_total", "counter", "Zone alerts raised.", $"{{{gateway}}}", tracker.AlertsTotal);
        Metric(text, "picket_tracker_updates_published_total", "counter", "Track updates published after thinning.", $"{{{gateway}}}", tracker.UpdatesPublishedTotal);
        return text.ToString();
    }

    /// <summary>Writes the snapshot to <c>picket.prom</c> in <paramref name="directory"/>, atomically.</summary>
    /// <param name="directory">node_exporter's textfile collector directory.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <exception cref="IOException">The directory is not writable.</exception>
    public static void Write(string directory, HealthSnapshot snapshot) =>
        AtomicFile.Write(Path.Combine(directory, FileName), Render(snapshot));

    private static void SourceMetric(StringBuilder text, HealthSnapshot snapshot, string name, string type, string help, Func<SourceStatus, double> value)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
        foreach (var source in snapshot.Sources)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}{{gateway=\"{Escape(snapshot.GatewayId)}\",source=\"{Escape(source.Name)}\",kind=\"{Escape(source.Kind)}\"}} {Format(value(source))}\n");
        }
    }

    private static void Metric(StringBuilder text, string name, string type, string help, string labels, double value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name}{labels} {Format(value)}\n");

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
