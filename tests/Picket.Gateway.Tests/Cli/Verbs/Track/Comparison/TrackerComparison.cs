using System.Globalization;
using System.Text;
using Picket.Simulation.Evaluation;
using Picket.Simulation.Scenarios;

namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>One scenario × seed scored for Picket (recorded bytes) and the reference tracker (the same bytes).</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Seed">The held-out seed.</param>
/// <param name="NoiseFactor">Assumed radar noise over the simulator's.</param>
/// <param name="Picket">Picket through the recorded bytes.</param>
/// <param name="Reference">The reference tracker on the same bytes.</param>
/// <param name="Ideal">Picket's filter fed each target's own measurements only (perfect association, direct feed).</param>
internal sealed record ComparisonRun(string Scenario, int Seed, double NoiseFactor, EvaluationReport Picket, EvaluationReport Reference, EvaluationReport Ideal);

/// <summary>
/// Runs Picket through the recorded bytes and the real decoders (<see cref="ScenarioRunner"/>
/// with <c>recorded</c>) and the plain <see cref="ReferenceTracker"/> on the same bytes, on
/// held-out seeds only, with both trackers told a radar noise deliberately wrong by ±30 %
/// (alternating per seed), and tabulates the scores.
/// </summary>
internal static class TrackerComparison
{
    /// <summary>How wrong the trackers' assumed radar noise is, alternating per seed: ×1.3, ×0.7.</summary>
    public static readonly double[] NoiseFactors = [1.3, 0.7];

    /// <summary>The radar noise a tracker is told: the simulator's own × <paramref name="factor"/> (the data sheet's where the scenario has no radar).</summary>
    public static (double RangeMetres, double AzimuthDegrees) ToldRadarNoise(ScenarioDefinition definition, double factor) =>
        ((definition.Radar?.SigmaRangeM ?? ScenarioRunner.NominalRadarSigmaRangeMetres) * factor,
         (definition.Radar?.SigmaAzimuthDeg ?? ScenarioRunner.NominalRadarSigmaAzimuthDegrees) * factor);

    /// <summary>A built-in scenario by name, or a scenario file by its path (ending .json): a probe scene not (yet) built in.</summary>
    /// <param name="nameOrPath">The name or the path.</param>
    /// <returns>The scenario.</returns>
    public static ScenarioDefinition LoadScenario(string nameOrPath) =>
        nameOrPath.EndsWith(".json", StringComparison.Ordinal) ? ScenarioLoader.LoadFile(nameOrPath) : ScenarioLoader.LoadBuiltIn(nameOrPath);

    public static ComparisonRun Run(string scenario, int seed, double noiseFactor, double? seconds)
    {
        var definition = ScenarioLoader.LoadBuiltIn(scenario);
        if (!definition.HeldOutSeeds.Contains(seed))
        {
            throw new ArgumentException($"{scenario}: seed {seed} is not held out", nameof(seed));
        }

        var (sigmaRange, sigmaAzimuth) = ToldRadarNoise(definition, noiseFactor);
        var picketRunner = new ScenarioRunner(definition, seconds, recorded: true, seed: seed)
        {
            AssumedRadarSigmaRangeMetres = sigmaRange,
            AssumedRadarSigmaAzimuthDegrees = sigmaAzimuth,
        };
        var picket = picketRunner.Run(null);

        var reference = RunReference(ScenarioLoader.LoadBuiltIn(scenario), seed, noiseFactor, seconds);
        var ideal = new ScenarioRunner(ScenarioLoader.LoadBuiltIn(scenario), seconds, truthAssociated: true, seed: seed)
        {
            AssumedRadarSigmaRangeMetres = sigmaRange,
            AssumedRadarSigmaAzimuthDegrees = sigmaAzimuth,
        }.Run(null);
        return new ComparisonRun(scenario, seed, noiseFactor, picket, reference, ideal);
    }

    /// <summary>The plain reference tracker on one run's recorded bytes, told the radar noise × <paramref name="noiseFactor"/>.</summary>
    /// <param name="definition">The scenario (a fresh one: the runner takes its seed).</param>
    /// <param name="seed">The simulator's seed.</param>
    /// <param name="noiseFactor">Assumed radar noise over the simulator's.</param>
    /// <param name="seconds">The run's length, or null for the scenario's.</param>
    /// <returns>The reference's scores.</returns>
    public static EvaluationReport RunReference(ScenarioDefinition definition, int seed, double noiseFactor, double? seconds)
    {
        var (sigmaRange, sigmaAzimuth) = ToldRadarNoise(definition, noiseFactor);
        var settings = new ReferenceTrackerSettings
        {
            ScanPeriodSeconds = definition.Radar?.ScanPeriodS ?? 4,
            RadarSigmaRangeMetres = sigmaRange,
            RadarSigmaAzimuthDegrees = sigmaAzimuth,
        };
        var runner = new ScenarioRunner(definition, seconds, recorded: true, seed: seed);
        var simulation = runner.Simulation;
        return runner.RunExternal((beast, asterix, start, evaluator) =>
        {
            var inputs = RecordedInputs.Decode(beast, asterix, start, simulation.Site.LatitudeDegrees, simulation.Site.LongitudeDegrees);
            new ReferenceTracker(settings, simulation.Site, simulation.RadarPosition, runner.EvaluationZones, evaluator, start).Run(inputs);
        });
    }

    /// <summary>The runs as a markdown table: scenario × metric, Picket and the reference, mean and range over seeds.</summary>
    public static string ToMarkdown(IReadOnlyList<ComparisonRun> runs, string command)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Reproduce: `{command}`. Held-out seeds only; both trackers assume a radar noise ±30 % off the simulator's (×1.3 and ×0.7 alternating per seed); every run through the recorded Beast/ASTERIX bytes and the real decoders. Each cell: mean [min, max] over seeds.");
        text.AppendLine();
        text.AppendLine("| scenario | seeds | tracker | GOSPA m | non-coop RMSE m | perfectly associated non-coop RMSE m | completeness | id switches | false tracks/h | worst non-coop alert s | non-coop incursions alerted | false alerts | lost alerts |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in runs.GroupBy(r => r.Scenario))
        {
            var seeds = string.Join(" ", group.Select(r => r.Seed.ToString(culture)));
            foreach (var (name, pick) in new (string, Func<ComparisonRun, EvaluationReport>)[] { ("picket", r => r.Picket), ("reference", r => r.Reference) })
            {
                var reports = group.Select(pick).ToArray();
                var alerted = reports.Sum(r => r.Incursions.Count(i => !i.Cooperative && !double.IsNaN(i.AlertSeconds)));
                var incursions = reports.Sum(r => r.Incursions.Count(i => !i.Cooperative));
                text.AppendLine(culture, $"| {group.Key} | {seeds} | {name} | {Cell(reports, r => r.MeanGospaMetres, "F0")} | {Cell(reports, r => r.NonCooperativePositionRmseMetres, "F0")} | {(name == "picket" ? Cell(group.Select(r => r.Ideal).ToArray(), r => r.NonCooperativePositionRmseMetres, "F0") : "")} | {Cell(reports, r => r.Completeness, "F3")} | {Cell(reports, r => r.TrackIdChanges, "F1")} | {Cell(reports, r => r.FalseConfirmedTracksPerHour, "F0")} | {Cell(reports, r => r.WorstNonCooperativeTimeToAlertSeconds, "F1")} | {alerted}/{incursions} | {Cell(reports, r => r.FalseAlerts, "F1")} | {Cell(reports, r => r.LostAlerts, "F1")} |");
            }
        }

        return text.ToString();
    }

    private static string Cell(EvaluationReport[] reports, Func<EvaluationReport, double> metric, string format)
    {
        var values = reports.Select(metric).Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length == 0)
        {
            return "-";
        }

        static string Show(double v, string f) => double.IsPositiveInfinity(v) ? "never" : v.ToString(f, CultureInfo.InvariantCulture);
        return values.Length == 1 ? Show(values[0], format) : $"{Show(values.Average(), format)} [{Show(values.Min(), format)}, {Show(values.Max(), format)}]";
    }
}
