using System.Collections.Concurrent;
using System.Globalization;
using Picket.Simulation.Evaluation;
using Picket.Simulation.Scenarios;
using Xunit.Abstractions;

namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>
/// A tool, not a check: Picket and the plain reference tracker side by side on probe scenes
/// (scenario files, not built in) and seeds of the caller's choice, never a held-out seed of the
/// scene. Picket runs twice, with the data sheet's radar noise as <c>picket track</c>
/// assumes it and told the simulator's own; the reference is told the simulator's own, as a
/// plain tracker built beside its own scene would be. One line per run: mean GOSPA, position
/// and velocity RMSE over assigned pairs, mean position NEES, non-cooperative RMSE, completeness,
/// id changes, false confirmed tracks, false and `lost` alerts, the latest non-cooperative alert
/// after its crossing.
/// <c>PICKET_PROBE=PATH.json[,PATH.json] PICKET_PROBE_SEEDS=1000,1001 dotnet test tests/Picket.Gateway.Tests -c Release --filter ProbeComparison --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class ProbeComparisonTests(ITestOutputHelper output)
{
    [ByHandFact("PICKET_PROBE", "a tool: PICKET_PROBE=PATH.json[,...] PICKET_PROBE_SEEDS=N[,...] dotnet test tests/Picket.Gateway.Tests -c Release --filter ProbeComparison")]
    public void Compare_ProbeScenes_PrintsPicketAndTheReference()
    {
        var culture = CultureInfo.InvariantCulture;
        var scenes = Environment.GetEnvironmentVariable("PICKET_PROBE")!.Split(',');
        var seeds = (Environment.GetEnvironmentVariable("PICKET_PROBE_SEEDS") ?? "1000").Split(',').Select(s => int.Parse(s, culture)).ToArray();
        var runs = scenes.SelectMany(scene => seeds.Select(seed => (Scene: scene, Seed: seed))).ToArray();
        var lines = new ConcurrentDictionary<string, string>();
        Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, run =>
        {
            var definition = TrackerComparison.LoadScenario(run.Scene);
            // A scene's held-out seeds are refused whether it is named or given as a file (a probe
            // copied from a built-in scene keeps its held-out seeds).
            Assert.DoesNotContain(run.Seed, definition.HeldOutSeeds);
            var (range, azimuth) = TrackerComparison.ToldRadarNoise(definition, 1.0);
            var datasheet = new ScenarioRunner(definition, null, recorded: true, seed: run.Seed)
            {
                AssumedRadarSigmaRangeMetres = ScenarioRunner.NominalRadarSigmaRangeMetres,
                AssumedRadarSigmaAzimuthDegrees = ScenarioRunner.NominalRadarSigmaAzimuthDegrees,
            }.Run(null);
            var told = new ScenarioRunner(TrackerComparison.LoadScenario(run.Scene), null, recorded: true, seed: run.Seed)
            {
                AssumedRadarSigmaRangeMetres = range,
                AssumedRadarSigmaAzimuthDegrees = azimuth,
            }.Run(null);
            var reference = TrackerComparison.RunReference(TrackerComparison.LoadScenario(run.Scene), run.Seed, 1.0, null);
            lines[string.Create(culture, $"{run.Scene}:{run.Seed:D6}")] = string.Create(culture, $"{Path.GetFileNameWithoutExtension(run.Scene)} {run.Seed}: picket (data sheet) {Summary(datasheet)} | picket (told) {Summary(told)} | reference {Summary(reference)}");
        });

        foreach (var key in lines.Keys.Order(StringComparer.Ordinal))
        {
            output.WriteLine(lines[key]);
        }
    }

    private static string Summary(EvaluationReport report)
    {
        var worst = report.Incursions.Where(i => !i.Cooperative).Select(i => i.TimeToAlertSeconds).DefaultIfEmpty(double.NaN).Max();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"GOSPA {report.MeanGospaMetres:F0} m, RMSE {report.PositionRmseMetres:F1} m, vRMSE {report.VelocityRmseMetresPerSecond:F2}, NEES {report.MeanPositionNees:F2}, non-coop RMSE {report.NonCooperativePositionRmseMetres:F0} m, completeness {report.Completeness:F3}, id changes {report.TrackIdChanges}, false tracks {report.FalseConfirmedTracks}, false alerts {report.FalseAlerts}, lost {report.LostAlerts}, worst alert {worst:F1} s");
    }
}
