using Picket.Simulation.Events;
using Picket.Simulation.Scenarios;

namespace Picket.Simulation.Sensors;

/// <summary>The ADS-B model against DO-260B's nominal rates and its own loss configuration.</summary>
public class AdsbModelTests
{
    [Fact]
    public void Run_EquippedTarget_SendsNominalRatesLessLosses()
    {
        var squitters = new ScenarioSimulation(Scenario(loss: 0.25, rangeMetres: 400_000)).Run(0).OfType<SquitterEvent>().ToArray();

        // 1,000 s at 2 Hz position and velocity, 0.2 Hz identification, 75 % received.
        Assert.InRange(squitters.Count(s => s.Kind == SquitterKind.AirbornePosition), 1_500 * 0.93, 1_500 * 1.07);
        Assert.InRange(squitters.Count(s => s.Kind == SquitterKind.Velocity), 1_500 * 0.93, 1_500 * 1.07);
        Assert.InRange(squitters.Count(s => s.Kind == SquitterKind.Identification), 150 * 0.75, 150 * 1.25);
        Assert.All(squitters, s => Assert.Equal(0x461E1F, s.Icao));
    }

    [Fact]
    public void Run_PositionSquitters_AlternateEvenAndOddAtTheTransmitter()
    {
        var positions = new ScenarioSimulation(Scenario(loss: 0, rangeMetres: 400_000)).Run(0).OfType<SquitterEvent>()
            .Where(s => s.Kind == SquitterKind.AirbornePosition).ToArray();

        for (var i = 1; i < positions.Length; i++)
        {
            Assert.NotEqual(positions[i - 1].OddFormat, positions[i].OddFormat);
        }
    }

    [Fact]
    public void Run_OutOfRange_HearsNothing()
    {
        Assert.Empty(new ScenarioSimulation(Scenario(loss: 0, rangeMetres: 10_000)).Run(0).OfType<SquitterEvent>());
    }

    [Fact]
    public void Run_SameScenarioTwice_GivesTheSameEvents()
    {
        var first = new ScenarioSimulation(Scenario(loss: 0.2, rangeMetres: 400_000)).Run().ToArray();
        var second = new ScenarioSimulation(Scenario(loss: 0.2, rangeMetres: 400_000)).Run().ToArray();

        Assert.Equal(first, second);
    }

    private static ScenarioDefinition Scenario(double loss, double rangeMetres) => new()
    {
        Name = "adsb-test",
        DurationS = 1_000,
        Seed = 9,
        Site = new PositionDefinition { LatitudeDeg = 59.0, LongitudeDeg = 25.0, AltitudeM = 50 },
        Adsb = new AdsbDefinition { LossProbability = loss, MaxRangeM = rangeMetres, BitErrorProbability = 0 },
        Targets =
        {
            new TargetDefinition
            {
                Name = "airliner",
                Icao = "461E1F",
                Transponder = true,
                Adsb = true,
                Start = new PositionDefinition { LatitudeDeg = 59.5, LongitudeDeg = 25.5, AltitudeM = 10_000 },
                SpeedMS = 230,
                HeadingDeg = 0,
            },
        },
    };
}
