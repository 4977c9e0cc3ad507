using Picket.Simulation.Events;
using Picket.Simulation.Scenarios;

namespace Picket.Simulation.Feeds;

/// <summary>
/// The direct (not recorded) feed: a plot carries the noise the tracker assumes, never the noise
/// the simulator drew (issue 9: the tracker is configured independently of the simulator).
/// </summary>
public class SimulatedMeasurementsTests
{
    [Fact]
    public void TryConvert_RadarPlot_CarriesTheAssumedNoiseNotTheSimulators()
    {
        var simulation = new ScenarioSimulation(ScenarioLoader.LoadBuiltIn("crossing-targets")); // draws 50 m, 0.12 deg
        var plot = simulation.Run(0).OfType<RadarPlotEvent>().First();
        var nominal = new SimulatedMeasurements(simulation);
        var wrong = new SimulatedMeasurements(simulation) { AssumedSigmaRangeMetres = 65, AssumedSigmaAzimuthDegrees = 0.084 };

        Assert.True(nominal.TryConvert(plot, out var first));
        Assert.True(wrong.TryConvert(plot, out var second));

        // The pipeline's default (70 m / 0.16 deg), or what the caller says: 1.3 x 50 m, 0.7 x 0.12 deg.
        Assert.Equal(70_000, first.SigmaRangeMillimetres);
        Assert.Equal(160_000, first.SigmaAzimuthMicrodegrees);
        Assert.Equal(65_000, second.SigmaRangeMillimetres);
        Assert.Equal(84_000, second.SigmaAzimuthMicrodegrees);
    }
}
