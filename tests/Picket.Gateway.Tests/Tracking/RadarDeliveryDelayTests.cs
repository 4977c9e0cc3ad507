using Picket.Gateway.Cli.Verbs.Track.Comparison;
using Picket.Simulation.Scenarios;
using Xunit.Abstractions;

namespace Picket.Gateway.Tracking;

/// <summary>
/// A live radar's records reach the gateway after their own time (I048/140): its sector batch,
/// or its clock behind the Mode S receiver's, while the receiver's frames drive the data time.
/// Through recorded bytes and the real decoders, on a held-out seed, with the radar noise told 30 %
/// off: a second of delay (a quarter of these 4-5 s radars' scans) tracks as well as none.
/// </summary>
public sealed class RadarDeliveryDelayTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("jet-formation", 101)]
    [InlineData("gulf-of-finland-incursion", 101)]
    public void RecordedRun_RadarRecordsASecondLate_ScoresAsOnTime(string name, int seed)
    {
        var onTime = Run(name, seed, 0);
        var late = Run(name, seed, 1_000_000);
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} seed {seed}: GOSPA on time {onTime.MeanGospaMetres:F1} m, a second late {late.MeanGospaMetres:F1} m"));

        // A tolerance of 2 %: a second is within the half scan of grace, so each plot meets its track at its own time.
        Assert.InRange(late.MeanGospaMetres, 0, onTime.MeanGospaMetres * 1.02);
        Assert.Equal(onTime.Incursions.Count(i => !i.Cooperative && !double.IsNaN(i.AlertSeconds)), late.Incursions.Count(i => !i.Cooperative && !double.IsNaN(i.AlertSeconds)));
        Assert.Equal(0, late.FalseAlerts);
        Assert.Equal(onTime.FalseConfirmedTracks, late.FalseConfirmedTracks);
    }

    private static Picket.Simulation.Evaluation.EvaluationReport Run(string name, int seed, long delayMicroseconds)
    {
        var definition = TrackerComparison.LoadScenario(name);
        Assert.Contains(seed, definition.HeldOutSeeds);
        var (range, azimuth) = TrackerComparison.ToldRadarNoise(definition, 1.3);
        return new ScenarioRunner(definition, null, recorded: true, seed: seed)
        {
            AssumedRadarSigmaRangeMetres = range,
            AssumedRadarSigmaAzimuthDegrees = azimuth,
            RadarDeliveryDelayMicroseconds = delayMicroseconds,
        }.Run(null);
    }
}
