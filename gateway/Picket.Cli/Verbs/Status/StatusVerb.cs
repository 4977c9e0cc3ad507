using System.Globalization;
using System.Text;
using Picket.Gateway.Configuration;
using Picket.Gateway.Health;

namespace Picket.Cli.Verbs.Status;

/// <summary>
/// <c>picket status</c>: for a technician on the mast, the running gateway's state from the status
/// file it rewrites every health period: inputs, clock, outbox, uplink, tracker. Exit 0 when the
/// gateway is healthy, 1 when the file is missing or stale (the gateway is not running or wedged) or
/// something needs attention.
/// </summary>
public sealed class StatusVerb : IVerb
{
    /// <inheritdoc />
    public string Name => "status";

    /// <inheritdoc />
    public string Summary => "show the running gateway's inputs, clock, outbox and uplink";

    /// <inheritdoc />
    public string Usage => $"usage: picket status [--status PATH (default {GatewaySettingsReader.DefaultStatusPath})] [--stale-seconds N (default 60)]";

    /// <inheritdoc />
    public IReadOnlyList<VerbOption> Options { get; } =
    [
        new("status", "PATH", "Status file the gateway writes", VerbOptionKind.Value),
        new("stale-seconds", "N", "Age after which the status is stale (default 60)", VerbOptionKind.Value),
    ];

    /// <inheritdoc />
    public bool TakesSettings => false;

    /// <inheritdoc />
    public async Task<int> RunAsync(ArgumentList options, VerbConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var path = options.Get("status") ?? GatewaySettingsReader.DefaultStatusPath;
        var staleText = options.Get("stale-seconds") ?? "60";
        if (!int.TryParse(staleText, NumberStyles.None, CultureInfo.InvariantCulture, out var staleSeconds) || staleSeconds <= 0)
        {
            throw new UsageException($"--stale-seconds must be a positive whole number, not '{staleText}'");
        }

        options.ThrowIfUnused();
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no status file: is the gateway running (systemctl status picket)?");
        }

        HealthSnapshot snapshot;
        try
        {
            snapshot = StatusFile.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new InputException(e.Message, e);
        }

        var age = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000 - snapshot.TimeUnixMicroseconds) / 1e6;
        var problems = Problems(snapshot, age, staleSeconds);
        await console.Out.WriteAsync(Format(snapshot, age, problems)).ConfigureAwait(false);
        return problems.Count == 0 ? CommandLine.Success : CommandLine.InputError;
    }

    /// <summary>What needs a technician's attention, one line each; empty when healthy.</summary>
    internal static List<string> Problems(HealthSnapshot snapshot, double ageSeconds, int staleSeconds)
    {
        var problems = new List<string>();
        if (ageSeconds > staleSeconds)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the status is {ageSeconds:F0} s old: the gateway is not running or is stuck"));
        }

        if (snapshot.Position is { WaitingForGnss: true } waiting)
        {
            problems.Add($"no configured site: waiting for a GNSS fix good enough to place the mast ({waiting.GnssFixProblem ?? "no fix"}); the inputs and the tracker have not started");
        }

        if (snapshot.Position is { Disagrees: true, DisagreementMetres: { } metres })
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the configured site and the GNSS fix are {metres:F0} m apart (more than Gnss:MaxSiteDisagreementMetres); the configured site is used: check Site:* or the antenna"));
        }

        if (snapshot.Selftest is { Passed: false } selftest)
        {
            problems.Add("the last selftest (" + selftest.Trigger + ") failed: " + string.Join("; ", selftest.Results.Where(r => r.Status == "FAIL").Select(r => r.Check + ": " + r.Detail)));
        }

        if (!snapshot.ClockTrusted)
        {
            problems.Add($"the clock is not trusted ({snapshot.ClockState}): the uplink waits");
        }

        foreach (var source in snapshot.Sources.Where(s => !s.Connected))
        {
            problems.Add($"input {source.Name} is disconnected");
        }

        if (snapshot.Uplink.Configured && !snapshot.Uplink.Connected)
        {
            problems.Add($"the uplink is down{(snapshot.Uplink.LastError is { } error ? ": " + error : "")}; tracks are kept in the outbox");
        }

        if (snapshot.Outbox.StorageFailing)
        {
            problems.Add("the outbox cannot store now (disk full or failing): batches are held in memory, the oldest dropped when it fills");
        }

        if (snapshot.Outbox.StorageErrorsTotal > 0 || snapshot.Outbox.DroppedTotal > 0)
        {
            problems.Add($"the outbox dropped {snapshot.Outbox.DroppedTotal} batches ({snapshot.Outbox.StorageErrorsTotal} storage errors)");
        }

        return problems;
    }

    private static string Format(HealthSnapshot s, double ageSeconds, List<string> problems)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"gateway {s.GatewayId} ({s.SoftwareVersion}), up {TimeSpan.FromSeconds(s.UptimeSeconds)}, status {ageSeconds:F0} s old");
        text.AppendLine(culture, $"clock    {s.ClockState}{(s.ClockTrusted ? ", trusted" : ", NOT trusted")}{(s.CpuTemperatureCelsius is { } t ? string.Create(culture, $"; CPU {t:F1} °C") : "")}");
        if (s.Position is { } position)
        {
            text.AppendLine(culture, $"position {Describe(position)}");
        }

        foreach (var source in s.Sources)
        {
            text.AppendLine(culture, $"input    {source.Name,-40} {(source.Connected ? "connected   " : "DISCONNECTED")} {source.FramesPerSecond,8:F1} frames/s  {source.FramesTotal} frames, {source.ErrorsTotal} errors, {source.ReconnectsTotal} reconnects, {source.DisconnectedSecondsTotal:F0} s down, {source.DroppedTotal} dropped");
        }

        text.AppendLine(culture, $"outbox   {s.Outbox.Depth} batches ({s.Outbox.Bytes / 1024.0:F0} KiB) waiting, oldest {s.Outbox.OldestAgeSeconds:F0} s; {s.Outbox.DroppedTotal} dropped, {s.Outbox.StorageErrorsTotal} storage errors{(s.Outbox.StorageFailing ? ", STORAGE FAILING NOW" : "")}");
        text.AppendLine(culture, $"uplink   {(!s.Uplink.Configured ? "not configured" : s.Uplink.Connected ? "connected" : "DOWN")}, acked up to {s.Uplink.AckedSequence}, {s.Uplink.ReconnectsTotal} reconnects, {s.Uplink.BatchesSentTotal} batches / {s.Uplink.BytesSentTotal / 1024.0:F0} KiB sent, {s.Uplink.RejectedTotal} rejected");
        text.AppendLine(culture, $"tracker  {s.Tracker.LiveTracks} live tracks; {s.Tracker.TracksConfirmedTotal} confirmed, {s.Tracker.AlertsTotal} alerts, {s.Tracker.UpdatesPublishedTotal} updates published; {s.Tracker.RadarPlotsTotal} plots, {s.Tracker.ModeSObservationsTotal} Mode S; {s.Tracker.LateMeasurementsTotal} late, {s.Tracker.SaturationsTotal} saturations");
        if (s.Selftest is { } selftest)
        {
            var when = DateTimeOffset.FromUnixTimeMilliseconds(selftest.TimeUnixMicroseconds / 1000).ToString("yyyy-MM-dd HH:mm:ss'Z'", culture);
            text.AppendLine(culture, $"selftest {(selftest.Passed ? "PASSED" : "FAILED")} at {when} ({selftest.Trigger})");
            foreach (var line in selftest.Results)
            {
                text.AppendLine(culture, $"         {line.Status,-4} {line.Check}: {line.Detail}");
            }
        }

        text.AppendLine(problems.Count == 0 ? "OK" : "ATTENTION:");
        foreach (var problem in problems)
        {
            text.AppendLine(culture, $"  - {problem}");
        }

        return text.ToString();
    }

    private static string Describe(PositionStatus p)
    {
        var culture = CultureInfo.InvariantCulture;
        var site = p.WaitingForGnss
            ? "WAITING for a GNSS fix"
            : string.Create(culture, $"{p.LatitudeDegrees:F6}, {p.LongitudeDegrees:F6}, {p.HeightMetres:F1} m ({p.Source})");
        if (p.Gnss is null)
        {
            return site;
        }

        var fix = p.GnssFix is null or "none"
            ? "no fix"
            : string.Create(culture, $"{p.GnssDimensions}-D {p.GnssFix} fix, {p.GnssSatellites} satellites, horizontal error {(p.GnssHorizontalErrorMetres is { } e ? e.ToString("F1", culture) + " m" : "unknown")}");
        var quality = p.GnssFixGoodEnough ? "good enough" : "not good enough: " + p.GnssFixProblem;
        var disagreement = p.DisagreementMetres is { } d ? string.Create(culture, $"; {d:F0} m from the configured site{(p.Disagrees ? " (DISAGREES)" : "")}") : "";
        return $"{site}; GNSS {p.Gnss} {(p.GnssConnected ? "connected" : "DISCONNECTED")}, {fix} ({quality}){disagreement}";
    }
}
