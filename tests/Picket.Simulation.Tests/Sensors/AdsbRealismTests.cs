using Picket.ModeS;
using Picket.Simulation.Events;
using Picket.Simulation.Geodesy;
using Picket.Simulation.Recording;
using Picket.Simulation.Scenarios;

namespace Picket.Simulation.Sensors;

/// <summary>
/// The ADS-B model's opt-in realism against DO-260B and its definition: navigation noise whose
/// 95 % radius is the announced NACp's EPU, TC 31 announcing it, latency, bad positions,
/// two-bit errors, reception falling with range, barometric altitude and the GNSS-baro difference.
/// </summary>
public class AdsbRealismTests
{
    [Theory]
    [InlineData(9, 30.0)] // DO-260B table 2-70: EPU < 30 m
    [InlineData(10, 10.0)] // EPU < 10 m
    [InlineData(8, 92.6)] // EPU < 0.05 NM
    public void PositionSigmaMetres_HoldsNinetyFivePercentInsideTheEpu(int nacP, double epuMetres)
    {
        // Circular Gaussian: P(r < R) = 1 - exp(-R^2 / (2 sigma^2)) = 0.95 at R = EPU.
        var sigma = AdsbModel.PositionSigmaMetres(nacP);

        Assert.Equal(0.95, 1 - Math.Exp(-(epuMetres * epuMetres) / (2 * sigma * sigma)), 1e-3);
    }

    [Fact]
    public void Run_NacP9_PositionNoiseMatchesTheAnnouncedAccuracy()
    {
        var scenario = Scenario();
        scenario.Adsb!.NacP = 9;

        var errors = Positions(scenario).Select(s => Wgs84.ToEnu(s.State.Position, s.ReportedPosition!.Value)).ToArray();

        // sigma = 30 / 2.4477 = 12.26 m per axis; ~2,000 samples: +- 8 %; 95 % within 30 m +- 1.5 %.
        Assert.InRange(StandardDeviation(errors.Select(e => e.X).ToArray()), 12.26 * 0.92, 12.26 * 1.08);
        Assert.InRange(StandardDeviation(errors.Select(e => e.Y).ToArray()), 12.26 * 0.92, 12.26 * 1.08);
        Assert.InRange(errors.Count(e => Math.Sqrt((e.X * e.X) + (e.Y * e.Y)) < 30) / (double)errors.Length, 0.935, 0.965);
    }

    [Fact]
    public void Record_NacP_OperationalStatusAnnouncesIt()
    {
        var scenario = Scenario();
        scenario.Adsb!.NacP = 10;
        scenario.Targets[0].NacP = 9;
        var simulation = new ScenarioSimulation(scenario);
        var statuses = simulation.Run(0).OfType<SquitterEvent>().Where(s => s.Kind == SquitterKind.OperationalStatus).ToArray();

        // 1,000 s at 0.4 Hz nominal.
        Assert.InRange(statuses.Length, 400 * 0.85, 400 * 1.15);
        var frame = new byte[14];
        Assert.True(SquitterFrames.TryEncode(statuses[0], simulation.Targets[0], frame));
        var message = default(ModeSMessage);
        Assert.True(ModeSDecoder.Decode(frame, 0, 14, new KnownAircraftTable(16, 720_000_000), 0, 0, ref message));
        Assert.True(message.HasNacP);
        Assert.Equal(9, message.NacP);
        Assert.Equal(0x461E1F, (int)message.Address);
    }

    [Fact]
    public void Run_Latency_PositionsLagTheTruthUpToTheMaximum()
    {
        var scenario = Scenario();
        scenario.Adsb!.MaximumLatencyS = 1;

        // Flying north at 230 m/s: the reported position is 230 m/s x U(0, 1 s) behind.
        var lags = Positions(scenario).Select(s => -Wgs84.ToEnu(s.State.Position, s.ReportedPosition ?? s.State.Position).Y).ToArray();

        Assert.InRange(lags.Average(), 115 - 6, 115 + 6);
        Assert.All(lags, l => Assert.InRange(l, -0.5, 230.5));
    }

    [Fact]
    public void Run_BadPositions_OccurAtTheConfiguredRateAndOffset()
    {
        var scenario = Scenario();
        scenario.Adsb!.BadPositionProbability = 0.02;
        scenario.Adsb.BadPositionOffsetM = 6_000;

        var offsets = Positions(scenario).Select(s => Wgs84.ToEnu(s.State.Position, s.ReportedPosition ?? s.State.Position))
            .Select(e => Math.Sqrt((e.X * e.X) + (e.Y * e.Y))).ToArray();
        var bad = offsets.Where(o => o > 1).ToArray();

        // ~2,000 positions x 0.02 = 40 +- 3 sigma (19).
        Assert.InRange(bad.Length, 21, 59);
        Assert.All(bad, o => Assert.Equal(6_000, o, 1.0));
    }

    [Fact]
    public void Run_ReceptionFallingWithRange_HalfwayHearsTheMean()
    {
        // 0.85 near, 0.35 at 400 km: at 200 km 0.6. The target hovers 200 km east (1 m/s).
        var scenario = Scenario();
        scenario.Adsb!.ReceptionNear = 0.85;
        scenario.Adsb.ReceptionFar = 0.35;
        scenario.Targets[0].Start = new PositionDefinition { LatitudeDeg = 59.0, LongitudeDeg = 25.0 + Wgs84.ToDegrees(200_000 / (6_390_000 * Math.Cos(Wgs84.ToRadians(59)))), AltitudeM = 10_000 };
        scenario.Targets[0].SpeedMS = 1;
        scenario.Site.LatitudeDeg = 59.0;

        var heard = Positions(scenario).Length;

        // 2,000 transmissions x 0.6 +- 3 sigma (66).
        Assert.InRange(heard, 1_200 - 66, 1_200 + 66);
    }

    [Fact]
    public void Run_TwoBitErrors_AtTheConfiguredRate()
    {
        var scenario = Scenario();
        scenario.Adsb!.TwoBitErrorProbability = 0.05;

        var squitters = new ScenarioSimulation(scenario).Run(0).OfType<SquitterEvent>().ToArray();
        var rate = squitters.Count(s => s.SecondFlippedBit != 0) / (double)squitters.Length;

        // ~4,200 messages: 0.05 +- 3 sigma (0.010); the two bits coincide 1 time in 112.
        Assert.InRange(rate, 0.039, 0.061);
    }

    [Fact]
    public void Record_ColdDay_AltitudeIsBarometricAndTc19CarriesTheGnssBaroDifference()
    {
        // ISA - 20 K at QNH 1013.25: pressure altitude = 10,000 x 288.15 / 268.15 = 10,745.8 m
        // = 35,255 ft; geometric - baro = 32,808 - 35,255 = -2,447 ft.
        var scenario = Scenario();
        scenario.TemperatureDeviationC = -20;
        var simulation = new ScenarioSimulation(scenario);
        var squitters = simulation.Run(0).OfType<SquitterEvent>().ToArray();
        var position = squitters.First(s => s.Kind == SquitterKind.AirbornePosition);
        var velocity = squitters.First(s => s.Kind == SquitterKind.Velocity);

        Assert.Equal(35_255, position.PressureAltitudeFeet, 1.0);
        var frame = new byte[14];
        var message = default(ModeSMessage);
        Assert.True(SquitterFrames.TryEncode(position, simulation.Targets[0], frame));
        Assert.True(ModeSDecoder.Decode(frame, 0, 14, new KnownAircraftTable(16, 720_000_000), 0, 0, ref message));
        Assert.Equal(35_250, message.AltitudeFeet, 12.5 + 1);
        message = default;
        Assert.True(SquitterFrames.TryEncode(velocity, simulation.Targets[0], frame));
        Assert.True(ModeSDecoder.Decode(frame, 0, 14, new KnownAircraftTable(16, 720_000_000), 0, 0, ref message));
        Assert.True(message.HasGeometricMinusBarometric);

        // TC 19 bits 81-88: 25 ft steps, at most 3,137.5 ft.
        Assert.Equal(-2_447, message.GeometricMinusBarometricFeet, 12.5 + 1);
    }

    private static SquitterEvent[] Positions(ScenarioDefinition scenario) =>
        new ScenarioSimulation(scenario).Run(0).OfType<SquitterEvent>().Where(s => s.Kind == SquitterKind.AirbornePosition).ToArray();

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static ScenarioDefinition Scenario() => new()
    {
        Name = "adsb-realism",
        DurationS = 1_000,
        Seed = 9,
        Site = new PositionDefinition { LatitudeDeg = 59.0, LongitudeDeg = 25.0, AltitudeM = 50 },
        Adsb = new AdsbDefinition { LossProbability = 0, MaxRangeM = 400_000, BitErrorProbability = 0 },
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
