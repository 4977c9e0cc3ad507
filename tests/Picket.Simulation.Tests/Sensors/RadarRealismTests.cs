using Picket.Simulation.Events;
using Picket.Simulation.Geodesy;
using Picket.Simulation.Scenarios;

namespace Picket.Simulation.Sensors;

/// <summary>
/// The radar model's opt-in realism against its definition: Pd falling with range (Swerling 1,
/// values by hand), a fixed azimuth bias, clutter areas that persist, and Mode C as pressure
/// altitude in a non-standard atmosphere.
/// </summary>
public class RadarRealismTests
{
    [Fact]
    public void DetectionProbabilityAt_TwiceTheReferenceRange_FollowsSwerlingOne()
    {
        // Pd 0.9 at 60 km, Pfa 1e-6: SNR = ln 1e-6 / ln 0.9 - 1 = 130.127; at 120 km SNR / 16 =
        // 8.1329; Pd = exp(ln 1e-6 / 9.1329) = exp(-1.51272) = 0.22029.
        var definition = new RadarDefinition { DetectionProbability = 0.9, PdReferenceRangeM = 60_000, FalseAlarmProbability = 1e-6 };
        var model = new RadarModel(definition, new GeoPosition(59, 25, 50), 1);

        Assert.Equal(0.9, model.DetectionProbabilityAt(60_000), 1e-9);
        Assert.Equal(0.22029, model.DetectionProbabilityAt(120_000), 1e-4);
        Assert.True(model.DetectionProbabilityAt(20_000) > 0.99);
    }

    [Fact]
    public void Run_PdFallingWithRange_DetectsAtTheLawsRate()
    {
        var scenario = Orbit(rangeMetres: 120_000);
        scenario.Radar!.PdReferenceRangeM = 60_000;

        var plots = new ScenarioSimulation(scenario).Run(0).OfType<RadarPlotEvent>().Count(p => p.TargetIndex == 0);

        // 900 scans, Pd 0.2203 +- 3 sigma of sqrt(0.22 * 0.78 / 900) = 0.041.
        Assert.InRange(plots / 900.0, 0.2203 - 0.041, 0.2203 + 0.041);
    }

    [Fact]
    public void Run_AzimuthBias_ShiftsEveryPlotByTheBias()
    {
        var scenario = Orbit(rangeMetres: 60_000);
        scenario.Radar!.AzimuthBiasDeg = 0.5;

        var errors = new ScenarioSimulation(scenario).Run(0).OfType<RadarPlotEvent>()
            .Select(p => Math.IEEERemainder(p.AzimuthDegrees - p.TrueAzimuthDegrees, 360)).ToArray();

        // Mean 0.5 deg +- 3 sigma of 0.1 / sqrt(~810) = 0.011 deg.
        Assert.InRange(errors.Average(), 0.5 - 0.012, 0.5 + 0.012);
    }

    [Fact]
    public void Run_PersistentClutterArea_SamePointsScanAfterScanInsideTheSector()
    {
        var scenario = Orbit(rangeMetres: 60_000);
        scenario.Targets.Clear();
        scenario.Radar!.ClutterAreas.Add(new ClutterAreaDefinition
        {
            Name = "sea",
            AzimuthFromDeg = 350,
            AzimuthToDeg = 40,
            RangeFromM = 5_000,
            RangeToM = 15_000,
            PlotsPerScan = 10,
            Persistence = 1,
            JitterM = 20,
        });
        scenario.DurationS = 400;

        var scans = new ScenarioSimulation(scenario).Run(0).OfType<RadarPlotEvent>()
            .GroupBy(p => p.TimeMicroseconds / 4_000_000).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();

        // Persistence 1: the area never loses a point; the Poisson top-up only adds, so the
        // count never falls. Every point of a scan is within 200 m of one of the previous scan
        // (two jitters: 28 m per axis, 200 m is 7 sigma), and inside the sector within 5 sigma of
        // jitter (100 m in range; 20 m at 5 km is 0.23 deg, 5 sigma 1.15 deg).
        var recurring = 0;
        var total = 0;
        for (var s = 1; s < scans.Length; s++)
        {
            Assert.True(scans[s].Length >= scans[s - 1].Length);
            foreach (var plot in scans[s - 1])
            {
                total++;
                recurring += scans[s].Any(q => Distance(plot, q) < 200) ? 1 : 0;
            }
        }

        Assert.Equal(total, recurring);
        Assert.All(scans.SelectMany(p => p), p => Assert.True(
            p.SlantRangeMetres is > 4_900 and < 15_100 && (p.AzimuthDegrees >= 348.85 || p.AzimuthDegrees <= 41.15),
            $"{p.AzimuthDegrees} deg {p.SlantRangeMetres} m"));
    }

    [Fact]
    public void Run_UniformClutter_DoesNotRecur()
    {
        var scenario = Orbit(rangeMetres: 60_000);
        scenario.Targets.Clear();
        scenario.Radar!.ClutterPerScan = 10;
        scenario.DurationS = 400;

        var scans = new ScenarioSimulation(scenario).Run(0).OfType<RadarPlotEvent>()
            .GroupBy(p => p.TimeMicroseconds / 4_000_000).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        var recurring = 0;
        for (var s = 1; s < scans.Length; s++)
        {
            recurring += scans[s - 1].Count(p => scans[s].Any(q => Distance(p, q) < 100));
        }

        // 10 points in a 150 km disc: the chance that one lands within 100 m of a given point is 4e-6.
        Assert.Equal(0, recurring);
    }

    [Fact]
    public void Run_WarmDayAndHighQnh_ModeCReportsPressureAltitude()
    {
        // 8,000 m geometric, ISA + 15 K, QNH 1030 hPa: offset (1030 - 1013.25) x 8.23 = 137.85 m;
        // pressure altitude (8000 - 137.85) x 288.15 / 303.15 = 7,473.2 m = 24,518 ft.
        var scenario = Orbit(rangeMetres: 60_000);
        scenario.Radar!.DetectionProbability = 1;
        scenario.TemperatureDeviationC = 15;
        scenario.QnhHpa = 1030;
        scenario.Targets[0].Transponder = true;
        scenario.Targets[0].Icao = "4CA2D6";

        var plot = new ScenarioSimulation(scenario).Run(0).OfType<RadarPlotEvent>().First();

        Assert.Equal(24_518, plot.PressureAltitudeFeet, 12.5 + 2);
    }

    [Fact]
    public void Run_TransponderSwitchedOnLater_PrimaryOnlyBefore()
    {
        var scenario = Orbit(rangeMetres: 60_000);
        scenario.Radar!.DetectionProbability = 1;
        scenario.Targets[0].Transponder = true;
        scenario.Targets[0].Icao = "4CA2D6";
        scenario.Targets[0].TransponderOnS = 100;

        var plots = new ScenarioSimulation(scenario).Run(0).OfType<RadarPlotEvent>().ToArray();

        Assert.All(plots.Where(p => p.TimeMicroseconds < 100_000_000), p => Assert.False(p.Secondary));
        Assert.All(plots.Where(p => p.TimeMicroseconds >= 100_000_000), p => Assert.True(p.Secondary));
    }

    private static double Distance(RadarPlotEvent a, RadarPlotEvent b)
    {
        static (double X, double Y) Plane(RadarPlotEvent p) =>
            (p.SlantRangeMetres * Math.Sin(Wgs84.ToRadians(p.AzimuthDegrees)), p.SlantRangeMetres * Math.Cos(Wgs84.ToRadians(p.AzimuthDegrees)));
        var (ax, ay) = Plane(a);
        var (bx, by) = Plane(b);
        return Math.Sqrt(((ax - bx) * (ax - bx)) + ((ay - by) * (ay - by)));
    }

    private static ScenarioDefinition Orbit(double rangeMetres) => new()
    {
        Name = "radar-realism",
        DurationS = 3_600,
        Seed = 5,
        Site = new PositionDefinition { LatitudeDeg = 59.0, LongitudeDeg = 25.0, AltitudeM = 50 },
        Radar = new RadarDefinition { ScanPeriodS = 4, MaxRangeM = 150_000, SigmaRangeM = 50, SigmaAzimuthDeg = 0.1, DetectionProbability = 0.9, ClutterPerScan = 0 },
        Targets =
        {
            // An orbit around the radar keeps the range constant and sweeps every azimuth.
            new TargetDefinition
            {
                Name = "orbit",
                Start = new PositionDefinition { LatitudeDeg = Wgs84.FromEnu(new GeoPosition(59, 25, 50), new Vector3(0, rangeMetres, 0)).LatitudeDegrees, LongitudeDeg = 25.0, AltitudeM = 8_000 },
                SpeedMS = 200,
                HeadingDeg = 90,
                Legs = { new LegDefinition { DurationS = 3_600, TurnRateDegS = Wgs84.ToDegrees(200 / rangeMetres) } },
            },
        },
    };
}
