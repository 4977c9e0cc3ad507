using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Picket.Simulation.Evaluation;
using Picket.Simulation.Scenarios;
using Xunit.Abstractions;

namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>
/// A tool for tuning, not a check: runs Picket (no reference) on every tuning seed of the chosen
/// scenarios (never a held-out one) through the recorded bytes, with the radar noise the held-out
/// table tells it (the simulator's × 1.3 and × 0.7 alternating per seed, <see cref="TrackerComparison.NoiseFactors"/>) unless asked otherwise,
/// both cores busy, and prints per scenario the mean and the median GOSPA and the alert faults.
/// With a baseline (a file an earlier sweep wrote) it prints the change per seed: its mean, its
/// median and how many seeds got better or worse. A change whose mean gains but whose median does
/// not is a few lucky seeds (the height bank of f154fb6: manoeuvres' mean −44 m, median −6 m over
/// 36 seeds, and worse on the held-out table).
/// A scenario is a built-in name or a scenario file's path (ending .json).
/// <c>PICKET_SWEEP=1 [PICKET_SWEEP_SCENARIOS=manoeuvres,crossing-targets] [PICKET_SWEEP_EXTRA_SEEDS=65-100]
/// [PICKET_SWEEP_FACTOR=1.3 | PICKET_SWEEP_DATASHEET=1] [PICKET_SWEEP_OUTPUT=after.json] [PICKET_SWEEP_BASELINE=before.json]
/// dotnet test tests/Picket.Gateway.Tests -c Release --filter TuningSweep --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class TuningSweepTests(ITestOutputHelper output)
{
    [ByHandFact("PICKET_SWEEP", "a tuning tool: PICKET_SWEEP=1 [PICKET_SWEEP_SCENARIOS=NAME,...] dotnet test tests/Picket.Gateway.Tests -c Release --filter TuningSweep")]
    public void Sweep_EveryTuningSeedOfTheChosenScenarios_PrintsMeanAndMedianPerScenario()
    {
        var c = CultureInfo.InvariantCulture;
        var names = Environment.GetEnvironmentVariable("PICKET_SWEEP_SCENARIOS") is { Length: > 0 } list ? list.Split(',') : ScenarioLoader.BuiltInNames.ToArray();
        var extra = ParseRange(Environment.GetEnvironmentVariable("PICKET_SWEEP_EXTRA_SEEDS"));
        var datasheet = Environment.GetEnvironmentVariable("PICKET_SWEEP_DATASHEET") == "1";
        double? fixedFactor = Environment.GetEnvironmentVariable("PICKET_SWEEP_FACTOR") is { Length: > 0 } f ? double.Parse(f, c) : null;
        var runs = new List<(string Scenario, int Seed, double Factor)>();
        foreach (var name in names)
        {
            var definition = TrackerComparison.LoadScenario(name);
            var seeds = definition.TuningSeeds.Concat(extra).Distinct().ToList();
            for (var i = 0; i < seeds.Count; i++)
            {
                Assert.DoesNotContain(seeds[i], definition.HeldOutSeeds);
                runs.Add((name, seeds[i], fixedFactor ?? TrackerComparison.NoiseFactors[i % TrackerComparison.NoiseFactors.Length]));
            }
        }

        var results = new ConcurrentDictionary<string, SweepResult>();
        Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, run =>
        {
            var definition = TrackerComparison.LoadScenario(run.Scenario);
            var (range, azimuth) = TrackerComparison.ToldRadarNoise(definition, run.Factor);
            var runner = new ScenarioRunner(definition, null, recorded: true, seed: run.Seed)
            {
                AssumedRadarSigmaRangeMetres = datasheet ? ScenarioRunner.NominalRadarSigmaRangeMetres : range,
                AssumedRadarSigmaAzimuthDegrees = datasheet ? ScenarioRunner.NominalRadarSigmaAzimuthDegrees : azimuth,
            };
            results[$"{run.Scenario}:{run.Seed}"] = SweepResult.Of(runner.Run(null), (definition.Radar?.ScanPeriodS ?? 0) + 1);
        });

        if (Environment.GetEnvironmentVariable("PICKET_SWEEP_OUTPUT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, JsonSerializer.Serialize(new SortedDictionary<string, SweepResult>(results)));
        }

        var baseline = Environment.GetEnvironmentVariable("PICKET_SWEEP_BASELINE") is { Length: > 0 } from
            ? JsonSerializer.Deserialize<Dictionary<string, SweepResult>>(File.ReadAllText(from))!
            : [];
        output.WriteLine(string.Create(c, $"{runs.Count} runs, radar noise {(datasheet ? "the data sheet's" : fixedFactor is { } x ? $"the simulator's × {x}" : "the simulator's × 1.3 and × 0.7 alternating per seed")}"));
        output.WriteLine("| scenario | seeds | mean GOSPA | median GOSPA | false alerts | lost | missed non-coop incursions | non-coop alerts later than a scan + 1 s | worst non-coop alert s | id changes per run | false tracks | completeness | Δ mean | Δ median | better | worse |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in results.GroupBy(r => r.Key[..r.Key.LastIndexOf(':')]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var gospa = group.Select(r => r.Value.Gospa).ToList();
            var deltas = group.Where(r => baseline.ContainsKey(r.Key)).Select(r => r.Value.Gospa - baseline[r.Key].Gospa).ToList();
            var change = deltas.Count == 0
                ? "| | | |"
                : string.Create(c, $"| {deltas.Average():+0.0;-0.0} | {Median(deltas):+0.0;-0.0} | {deltas.Count(d => d < -1)} | {deltas.Count(d => d > 1)} |");
            output.WriteLine(string.Create(c, $"| {group.Key} | {group.Count()} | {gospa.Average():F1} | {Median(gospa):F1} | {group.Sum(r => r.Value.FalseAlerts)} | {group.Sum(r => r.Value.LostAlerts)} | {group.Sum(r => r.Value.MissedIncursions)} | {group.Sum(r => r.Value.LateAlerts)} | {group.Max(r => r.Value.WorstAlertSeconds):F1} | {group.Average(r => r.Value.IdChanges):F1} | {group.Sum(r => r.Value.FalseTracks)} | {group.Average(r => r.Value.Completeness):F3} {change}"));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // "65-100" or "65,70,80-82": extra seeds beyond each scenario's own tuning seeds.
    private static List<int> ParseRange(string? text)
    {
        var seeds = new List<int>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-');
            var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var last = bounds.Length > 1 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : first;
            for (var seed = first; seed <= last; seed++)
            {
                seeds.Add(seed);
            }
        }

        return seeds;
    }

    /// <summary>What a sweep keeps of one run.</summary>
    /// <param name="Gospa">Mean GOSPA, metres.</param>
    /// <param name="FalseAlerts">False enter/exit alerts.</param>
    /// <param name="LostAlerts">Lost alerts.</param>
    /// <param name="MissedIncursions">Non-cooperative incursions never alerted.</param>
    /// <param name="IdChanges">Track id changes.</param>
    /// <param name="LateAlerts">Non-cooperative incursions alerted later than the target allows (a radar scan + 1 s).</param>
    /// <param name="WorstAlertSeconds">The latest of the alerted non-cooperative incursions, seconds after the truth crossing (0 with none).</param>
    /// <param name="FalseTracks">Confirmed tracks never assigned to a target.</param>
    /// <param name="Completeness">The fraction of detected target time with a track assigned.</param>
    public sealed record SweepResult(double Gospa, int FalseAlerts, int LostAlerts, int MissedIncursions, int IdChanges, int LateAlerts = 0, double WorstAlertSeconds = 0, int FalseTracks = 0, double Completeness = 0)
    {
        /// <summary>The figures of one evaluation.</summary>
        /// <param name="report">The evaluation.</param>
        /// <param name="alertLimitSeconds">The time-to-alert target, seconds (the scan period + 1).</param>
        /// <returns>The sweep's record of it.</returns>
        public static SweepResult Of(EvaluationReport report, double alertLimitSeconds)
        {
            var alerted = report.Incursions.Where(i => !i.Cooperative && !double.IsNaN(i.AlertSeconds)).Select(i => i.TimeToAlertSeconds).ToList();
            return new(report.MeanGospaMetres, report.FalseAlerts, report.LostAlerts, report.Incursions.Count(i => !i.Cooperative && double.IsNaN(i.AlertSeconds)), report.TrackIdChanges,
                alerted.Count(t => t > alertLimitSeconds), alerted.Count == 0 ? 0 : alerted.Max(), report.FalseConfirmedTracks, report.Completeness);
        }
    }
}
