using Picket.Simulation.Scenarios;
using Xunit.Abstractions;

namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>
/// Issue 9's honest evaluation: Picket against the plain reference tracker on every built-in
/// scenario, held-out seeds only, recorded bytes, radar noise assumed ±30 % wrong. In CI a
/// shortened run asserts the product's non-negotiables that hold today; the full table
/// (every held-out seed, full durations) runs by hand:
/// <c>PICKET_FULL_COMPARISON=1 dotnet test tests/Picket.Gateway.Tests -c Release --filter TrackerComparison</c>,
/// writing <c>evaluation/comparison.md</c> in the test output folder (or <c>PICKET_COMPARISON_OUT</c>).
/// </summary>
public sealed class TrackerComparisonTests(ITestOutputHelper output)
{
    private const string Command = "PICKET_FULL_COMPARISON=1 dotnet test tests/Picket.Gateway.Tests -c Release --filter TrackerComparison";

    // The one scenario whose held-out runs still raise false enter/exit alerts (jets skimming the
    // zone: the Tracking README's Known limits); every other must raise none.
    private static readonly string[] FalseAlertsKnown = ["border-skim"];

    [Fact]
    public void Shortened_EveryScenarioFirstHeldOutSeed_NonCooperativeIncursionsAlertedAndTheHarnessWorks()
    {
        var runs = new List<ComparisonRun>();
        foreach (var name in ScenarioLoader.BuiltInNames)
        {
            var definition = ScenarioLoader.LoadBuiltIn(name);
            var seconds = definition.RandomTraffic is { Count: > 100 } ? 90 : 420;
            runs.Add(TrackerComparison.Run(name, definition.HeldOutSeeds[0], TrackerComparison.NoiseFactors[0], seconds));
        }

        var table = TrackerComparison.ToMarkdown(runs, "(shortened CI run)");
        output.WriteLine(table);
        WriteTable("comparison-shortened.md", table);

        Assert.Equal(ScenarioLoader.BuiltInNames.Count, runs.Count);
        Assert.All(runs, run =>
        {
            // The harness: both trackers scored on the same truth.
            Assert.True(run.Picket.Instants > 0 && run.Picket.Instants == run.Reference.Instants, $"{run.Scenario}: {run.Picket.Instants} vs {run.Reference.Instants} instants");
            Assert.True(run.Reference.Completeness > 0.5, $"{run.Scenario}: reference completeness {run.Reference.Completeness}");

            // Picket beats the plain reference tracker on every scenario (the full table holds it
            // to 0.8 × the reference's GOSPA over five seeds; this one shortened seed is checked
            // only for beating it: manoeuvres' first 420 s of seed 101 are 0.85).
            Assert.True(run.Picket.MeanGospaMetres < run.Reference.MeanGospaMetres, $"{run.Scenario}: GOSPA {run.Picket.MeanGospaMetres:F0} m against the reference's {run.Reference.MeanGospaMetres:F0} m");

            // Non-negotiable: every non-cooperative incursion alerted, by a non-cooperative track.
            Assert.All(run.Picket.Incursions.Where(i => !i.Cooperative), i => Assert.False(double.IsNaN(i.AlertSeconds), $"{run.Scenario}: {i.Target} entered {i.Zone} at {i.EntrySeconds} s, never alerted"));
        });
        Assert.All(runs.Where(r => !FalseAlertsKnown.Contains(r.Scenario)), run => Assert.True(run.Picket.FalseAlerts == 0, $"{run.Scenario}: {run.Picket.FalseAlerts} false alerts"));
    }

    [ByHandFact("PICKET_FULL_COMPARISON", "the full comparison runs by hand: PICKET_FULL_COMPARISON=1 dotnet test tests/Picket.Gateway.Tests -c Release --filter TrackerComparison")]
    public void Full_EveryScenarioEveryHeldOutSeed_WritesTheTable()
    {
        // PICKET_COMPARISON_SCENARIOS (comma-separated names) measures only those scenarios.
        var selected = Environment.GetEnvironmentVariable("PICKET_COMPARISON_SCENARIOS") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
        var runs = new List<ComparisonRun>();
        foreach (var name in ScenarioLoader.BuiltInNames.Where(n => selected is null || selected.Contains(n)))
        {
            var seeds = ScenarioLoader.LoadBuiltIn(name).HeldOutSeeds;
            for (var i = 0; i < seeds.Count; i++)
            {
                runs.Add(TrackerComparison.Run(name, seeds[i], TrackerComparison.NoiseFactors[i % TrackerComparison.NoiseFactors.Length], null));
            }
        }

        var table = TrackerComparison.ToMarkdown(runs, Command);
        output.WriteLine(table);
        var path = WriteTable("comparison.md", table);

        Assert.True(File.Exists(path));
        Assert.All(runs, run => Assert.True(run.Picket.Instants > 0 && run.Picket.Instants == run.Reference.Instants));
    }

    private static string WriteTable(string name, string table)
    {
        var path = Environment.GetEnvironmentVariable("PICKET_COMPARISON_OUT") is { Length: > 0 } configured && name == "comparison.md"
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "evaluation", name);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, table);
        return path;
    }
}
