using Picket.Simulation.Events;
using Picket.Simulation.Geodesy;
using Picket.Simulation.Scenarios;

namespace Picket.Simulation.Sensors;

/// <summary>
/// The radar model's statistics against its own definition: noise with the configured sigma,
/// detection at the configured probability, clutter at the configured Poisson mean, plots timed
/// by the beam's azimuth.
/// </summary>
public class RadarModelTests
{
    [Fact]
    public void Run_OneTarget_NoiseAndDetectionMatchTheConfiguration()
    {
        var scenario = Scenario(pd: 0.8, clutter: 0);
        var simulation = new ScenarioSimulation(scenario);

        var plots = simulation.Run(0).OfType<RadarPlotEvent>().ToList();

        var scans = scenario.DurationS / scenario.Radar!.ScanPeriodS;
        var detected = plots.Count / scans;

        // Binomial: 0.8 +- 3 sigma of sqrt(0.8 * 0.2 / 900) = 0.013.
        Assert.InRange(detected, 0.8 - 0.04, 0.8 + 0.04);
        var rangeErrors = plots.Select(p => p.SlantRangeMetres - p.TrueSlantRangeMetres).ToArray();
        var azimuthErrors = plots.Select(p => Math.IEEERemainder(p.AzimuthDegrees - p.TrueAzimuthDegrees, 360)).ToArray();
        Assert.InRange(rangeErrors.Average(), -5.0, 5.0);
        Assert.InRange(StandardDeviation(rangeErrors), 50 * 0.92, 50 * 1.08);
        Assert.InRange(StandardDeviation(azimuthErrors), 0.1 * 0.92, 0.1 * 1.08);
    }

    [Fact]
    public void Run_PlotTime_FollowsTheBeamAzimuth()
    {
        var scenario = Scenario(pd: 1, clutter: 0);

        foreach (var plot in new ScenarioSimulation(scenario).Run(0).OfType<RadarPlotEvent>())
        {
            var beam = 360.0 * (plot.TimeMicroseconds % 4_000_000) / 4_000_000;
            var difference = Math.Abs(beam - plot.TrueAzimuthDegrees);
            Assert.True(Math.Min(difference, 360 - difference) < 0.01, $"beam {beam} target {plot.TrueAzimuthDegrees}");
        }
    }

    [Fact]
    public void Run_Clutter_AveragesThePoissonMeanPerScan()
    {
        var scenario = Scenario(pd: 1, clutter: 20);
        scenario.Targets.Clear();

        var clutter = new ScenarioSimulation(scenario).Run(0).OfType<RadarPlotEvent>().Count(p => p.TargetIndex < 0);

        // 900 scans of Poisson(20): mean 20 +- 3 * sqrt(20 / 900) = 0.45.
        Assert.InRange(clutter / 900.0, 19.5, 20.5);
    }

    [Fact]
    public void Run_TargetBeyondRange_IsNeverDetected()
    {
        var scenario = Scenario(pd: 1, clutter: 0);
        scenario.Radar!.MaxRangeM = 10_000;

        Assert.Empty(new ScenarioSimulation(scenario).Run(0).OfType<RadarPlotEvent>());
    }

    [Fact]
    public void Run_NorthMarkers_OnePerScan()
    {
        var markers = new ScenarioSimulation(Scenario(pd: 1, clutter: 0)).Run(0).OfType<NorthMarkerEvent>().ToArray();

        Assert.Equal(900, markers.Length);
        Assert.All(markers, m => Assert.Equal(m.Scan * 4_000_000L, m.TimeMicroseconds));
    }

    [Fact]
    public void Run_TransponderOn_RepliesWithIdentityAndQuantisedAltitude()
    {
        var scenario = Scenario(pd: 1, clutter: 0);
        scenario.Targets[0].Transponder = true;
        scenario.Targets[0].Icao = "4CA2D6";
        scenario.Targets[0].Squawk = "7700";

        var plot = new ScenarioSimulation(scenario).Run(0).OfType<RadarPlotEvent>().First();

        Assert.True(plot.Secondary);
        Assert.Equal(0x4CA2D6, plot.Icao);
        Assert.Equal(4032, plot.Mode3A); // 7700 octal
        Assert.Equal(0.0, plot.PressureAltitudeFeet % 25); // Mode S reports in 25 ft steps
        Assert.Equal(8_000 / 0.3048, plot.PressureAltitudeFeet, 12.5);
    }

    private static ScenarioDefinition Scenario(double pd, double clutter) => new()
    {
        Name = "radar-test",
        DurationS = 3_600,
        Seed = 5,
        Site = new PositionDefinition { LatitudeDeg = 59.0, LongitudeDeg = 25.0, AltitudeM = 50 },
        Radar = new RadarDefinition { ScanPeriodS = 4, MaxRangeM = 150_000, SigmaRangeM = 50, SigmaAzimuthDeg = 0.1, DetectionProbability = pd, ClutterPerScan = clutter },
        Targets =
        {
            // An orbit around the radar keeps the range constant (60 km) and sweeps every azimuth.
            new TargetDefinition
            {
                Name = "orbit",
                Start = new PositionDefinition { LatitudeDeg = Wgs84.FromEnu(new GeoPosition(59, 25, 50), new Vector3(0, 60_000, 0)).LatitudeDegrees, LongitudeDeg = 25.0, AltitudeM = 8_000 },
                SpeedMS = 200,
                HeadingDeg = 90,
                Legs = { new LegDefinition { DurationS = 3_600, TurnRateDegS = Wgs84.ToDegrees(200 / 60_000.0) } },
            },
        },
    };

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
