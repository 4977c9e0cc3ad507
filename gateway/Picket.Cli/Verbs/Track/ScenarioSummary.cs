using System.Globalization;
using System.Text;
using System.Text.Json;
using Picket.Simulation.Evaluation;
using Picket.Simulation.Scenarios;

namespace Picket.Cli.Verbs.Track;

/// <summary>The end-of-run summary of <c>picket track --scenario</c> and its JSON report.</summary>
internal static class ScenarioSummary
{
    public static string ToJson(EvaluationReport report) => JsonSerializer.Serialize(report, EvaluationReportJsonContext.Default.EvaluationReport);

    public static string Format(ScenarioRunner runner, EvaluationReport report)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"scenario {report.Scenario} (seed {runner.Definition.Seed}{(runner.Definition.HeldOutSeeds.Contains(runner.Definition.Seed) ? ", held out" : "")}; tracker assumes radar sigma {runner.AssumedRadarSigmaRangeMetres:F0} m / {runner.AssumedRadarSigmaAzimuthDegrees:F3} deg): {runner.Definition.DurationS:F0} s, {runner.Simulation.Targets.Count} targets, {runner.Updates} measurements");
        text.AppendLine(culture, $"tracks: {runner.TrackCount} reported, {runner.ConfirmedTrackCount} confirmed; alerts: {runner.Alerts.Count}");
        if (runner.Registration is { } registration)
        {
            text.AppendLine(RegistrationSummary.Format(registration));
        }

        if (runner.NoiseFromDifferences is { } differences)
        {
            text.AppendLine(RegistrationSummary.Format(differences));
        }

        if (runner.AdsbLatency is { } latency)
        {
            text.AppendLine(RegistrationSummary.Format(latency));
        }

        foreach (var incursion in report.Incursions)
        {
            var alerted = double.IsNaN(incursion.AlertSeconds)
                ? "NOT ALERTED"
                : string.Create(culture, $"alerted at {incursion.AlertSeconds:F1} s ({incursion.TimeToAlertSeconds:F1} s after entry)");
            text.AppendLine(culture, $"  incursion: {incursion.Target} ({(incursion.Cooperative ? "cooperative" : "non-cooperative")}) entered {incursion.Zone} at {incursion.EntrySeconds:F1} s, {alerted}");
        }

        text.AppendLine(culture, $"accuracy: position RMSE {report.PositionRmseMetres:F1} m, velocity RMSE {report.VelocityRmseMetresPerSecond:F2} m/s, mean GOSPA {report.MeanGospaMetres:F1} m (c = {report.GospaCutoffMetres:F0} m), mean position NEES {report.MeanPositionNees:F2}");
        text.AppendLine(culture, $"SIAP: completeness {report.Completeness:F3}, ambiguity {report.Ambiguity:F3}, spuriousness {report.Spuriousness:F3}; id changes {report.TrackIdChanges}; false confirmed tracks {report.FalseConfirmedTracks} ({report.FalseConfirmedTracksPerHour:F1}/h)");
        text.Append(culture, $"time to confirm {report.MeanTimeToConfirmSeconds:F1} s; never confirmed {report.TargetsNeverConfirmed}; false alerts {report.FalseAlerts}; lost alerts {report.LostAlerts} ({report.FalseLostAlerts} on targets never inside); non-cooperative RMSE {report.NonCooperativePositionRmseMetres:F1} m; cooperative targets without their ICAO {report.CooperativeTargetsWithoutTheirIcao}");
        return text.ToString();
    }
}
