using Picket.Numerics;
using Xunit.Abstractions;

namespace Picket.Tracking.Filter;

public class InteractingMultipleModelFilterTests(ITestOutputHelper output)
{
    private const double Q32 = SimulatedFlight.Q32;
    private const double PositionSigma = 30;
    private const int PeriodSeconds = 2;
    private const int DurationSeconds = 3600;

    [Theory]
    [InlineData(TargetClass.Fighter)]
    [InlineData(TargetClass.Airliner)]
    public void TurningRacetrack_PositionOnly_ImmBeatsBothSingleModels(TargetClass trajectory)
    {
        var flight = new SimulatedFlight(trajectory, seed: 77);
        var quiet = new TrackFilter { TargetClass = TargetClass.Airliner };
        var agile = new TrackFilter { TargetClass = TargetClass.Fighter };
        var imm = new InteractingMultipleModelFilter(
            ProcessNoiseDensity.For(TargetClass.Airliner).HorizontalSquareMetresPerCubicSecond,
            ProcessNoiseDensity.For(TargetClass.Fighter).HorizontalSquareMetresPerCubicSecond,
            Q2x61.One / 20,
            Q2x61.One / 10);
        var quietError = new ErrorSums();
        var agileError = new ErrorSums();
        var immError = new ErrorSums();
        long variance = SimulatedFlight.ToQ24(PositionSigma * PositionSigma);

        for (int second = 0; second < DurationSeconds; second += PeriodSeconds)
        {
            long time = second * 1_000_000L;
            var truth = flight.Truth(second);
            long east = SimulatedFlight.ToQ32(truth.East + flight.Gaussian(PositionSigma));
            long north = SimulatedFlight.ToQ32(truth.North + flight.Gaussian(PositionSigma));
            if (second == 0)
            {
                long velocityEast = SimulatedFlight.ToQ32(truth.VelocityEast);
                long velocityNorth = SimulatedFlight.ToQ32(truth.VelocityNorth);
                long velocityVariance = SimulatedFlight.ToQ24(100);
                quiet.Initialise(time, east, north, variance, velocityEast, velocityNorth, velocityVariance);
                agile.Initialise(time, east, north, variance, velocityEast, velocityNorth, velocityVariance);
                imm.Initialise(time, east, north, variance, velocityEast, velocityNorth, velocityVariance);
                continue;
            }

            quiet.Predict(time);
            quiet.UpdateEast(east, variance);
            quiet.UpdateNorth(north, variance);
            agile.Predict(time);
            agile.UpdateEast(east, variance);
            agile.UpdateNorth(north, variance);
            imm.Predict(time);
            imm.Update(0, east, variance);
            imm.Update(1, north, variance);
            GaussianEstimate combined = imm.Combine();

            // Straight legs vs turns: the truth's speed vector rotates only in turns.
            bool turning = IsTurning(flight, second);
            quietError.Add(quiet.Horizontal.Mean, truth, turning);
            agileError.Add(agile.Horizontal.Mean, truth, turning);
            immError.Add(combined.Mean, truth, turning);
        }

        output.WriteLine($"{trajectory} racetrack, positions every {PeriodSeconds} s, sigma {PositionSigma} m: position RMSE all / straight / turns (m)");
        output.WriteLine($"  single CV q=1   : {quietError}");
        output.WriteLine($"  single CV q=400 : {agileError}");
        output.WriteLine($"  IMM (1, 400)    : {immError}");
        Assert.Equal(0, imm.SaturationCount);
        Assert.True(immError.All < 0.9 * Math.Min(quietError.All, agileError.All), "IMM does not clearly beat the better single model");
    }

    // With turn modes: 1.5°/s and 3°/s pairs, entered more often than the tracker's rate so that
    // they carry weight, and one 20 s gap without measurements (the turn predicted in three steps).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FighterRacetrack_PositionsAndRadarForOneHour_MatchesDoubleShadowWithinOneMillimetre(bool turnModes)
    {
        var flight = new SimulatedFlight(TargetClass.Fighter, seed: 78);
        var imm = new InteractingMultipleModelFilter(Q39x24.FromInteger(1), Q39x24.FromInteger(400), Q2x61.One / 20, Q2x61.One / 10);
        var shadow = new ShadowInteractingMultipleModelFilter(1, 400, 1.0 / 20, 1.0 / 10);
        if (turnModes)
        {
            double narrow = Math.Round(1.5 * Math.PI / 180 * SimulatedFlight.Q61), wide = Math.Round(3 * Math.PI / 180 * SimulatedFlight.Q61);
            imm.TurnRate = (long)narrow;
            imm.WideTurnRate = (long)wide;
            imm.TurnDensity = Q39x24.One;
            imm.QuietToTurn = Q2x61.One / 1000;
            imm.TurnToQuiet = Q2x61.One / 10;
            shadow = new ShadowInteractingMultipleModelFilter(1, 400, 1.0 / 20, 1.0 / 10, [narrow / SimulatedFlight.Q61, wide / SimulatedFlight.Q61], 1, 1.0 / 1000, 1.0 / 10);
        }

        long variance = SimulatedFlight.ToQ24(PositionSigma * PositionSigma);
        double worstPosition = 0, worstVelocity = 0, worstProbability = 0;
        for (int second = 0; second < DurationSeconds; second += PeriodSeconds)
        {
            if (turnModes && second > 1800 && second < 1820)
            {
                continue;
            }

            long time = second * 1_000_000L + flight.Jitter(300_000);
            var truth = flight.Truth(time / 1e6);
            long east = SimulatedFlight.ToQ32(truth.East + flight.Gaussian(PositionSigma));
            long north = SimulatedFlight.ToQ32(truth.North + flight.Gaussian(PositionSigma));
            if (second == 0)
            {
                imm.Initialise(time, east, north, variance, 0, 0, SimulatedFlight.ToQ24(90_000));
                shadow.Initialise(time, east / Q32, north / Q32, variance / SimulatedFlight.Q24, 0, 0, 90_000);
                continue;
            }

            imm.Predict(time);
            imm.Update(0, east, variance);
            imm.Update(1, north, variance);
            shadow.Predict(time);
            shadow.Update([1, 0, 0, 0], east / Q32, variance / SimulatedFlight.Q24);
            shadow.Update([0, 1, 0, 0], north / Q32, variance / SimulatedFlight.Q24);

            // Every other cycle also a radar plot from the mast (range and cross-range).
            if (second % 4 == 0)
            {
                double range = Math.Sqrt(truth.East * truth.East + truth.North * truth.North) + flight.Gaussian(SimulatedFlight.RadarRangeSigma);
                long azimuth = (long)Math.Round((Math.Atan2(truth.East, truth.North) + flight.Gaussian(SimulatedFlight.RadarAzimuthSigma)) * SimulatedFlight.Q61);
                Trigonometry.SinCos(azimuth, out long sine, out long cosine);
                long rangeRaw = SimulatedFlight.ToQ32(range);
                long rangeVariance = SimulatedFlight.ToQ24(SimulatedFlight.RadarRangeSigma * SimulatedFlight.RadarRangeSigma);
                long crossVariance = SimulatedFlight.ToQ24(Math.Pow(range * SimulatedFlight.RadarAzimuthSigma, 2));
                imm.UpdateRadar(rangeRaw, sine, cosine, rangeVariance, crossVariance);
                double s = Math.Sin(azimuth / SimulatedFlight.Q61), c = Math.Cos(azimuth / SimulatedFlight.Q61);
                shadow.Update([s, c, 0, 0], rangeRaw / Q32, rangeVariance / SimulatedFlight.Q24);
                shadow.Update([c, -s, 0, 0], 0, crossVariance / SimulatedFlight.Q24);
            }

            long[] mean = imm.Combine().Mean;
            double[] expected = shadow.CombinedMean();
            worstPosition = Math.Max(worstPosition, Math.Max(Math.Abs(mean[0] / Q32 - expected[0]), Math.Abs(mean[1] / Q32 - expected[1])));
            worstVelocity = Math.Max(worstVelocity, Math.Max(Math.Abs(mean[2] / Q32 - expected[2]), Math.Abs(mean[3] / Q32 - expected[3])));
            worstProbability = Math.Max(worstProbability, Math.Abs(imm.ManoeuvreProbability / SimulatedFlight.Q61 - shadow.ManoeuvreProbability));
        }

        output.WriteLine($"IMM{(turnModes ? " with turn modes" : "")} vs double shadow: worst |Δposition| {worstPosition:E2} m, |Δvelocity| {worstVelocity:E2} m/s, |Δμ_manoeuvre| {worstProbability:E2}");
        Assert.Equal(0, imm.SaturationCount);
        Assert.True(worstPosition <= 0.001, $"position {worstPosition} m");
        Assert.True(worstVelocity <= 0.001, $"velocity {worstVelocity} m/s");
        Assert.True(worstProbability <= 1e-6, $"probability {worstProbability}");
    }

    // Steady turns of 1-3°/s (30 s each, alternating left and right, between 100 s straight legs)
    // at 250 m/s, seen as plots of 200 m σ per axis every 4 s, a 0.12° radar at 100 km; the
    // tracker's densities and switching rates for an aircraft of unknown class, with and without
    // the turn modes (1.5°/s and 3°/s). The truth is the simulated flight.
    // The gain grows with the turn rate: at 1°/s a turn bends the track by 35 m per scan, a
    // sixth of the plot σ, and little is to be won.
    [Theory]
    [InlineData(1.0, 21, 1.0)]
    [InlineData(2.0, 22, 0.97)]
    [InlineData(3.0, 23, 0.93)]
    public void SteadyTurns_PlotsEveryFourSeconds_TurnModesFollowTheTurnsAndCostLittleStraight(double degreesPerSecond, int seed, double ratio)
    {
        var (twoModes, twoModesStraight) = SteadyTurnErrors(degreesPerSecond, seed, turnModes: false);
        var (withTurns, withTurnsStraight) = SteadyTurnErrors(degreesPerSecond, seed, turnModes: true);
        output.WriteLine($"{degreesPerSecond}°/s turns: RMSE all / straight legs (m): two modes {twoModes:F1} / {twoModesStraight:F1}, with turn modes {withTurns:F1} / {withTurnsStraight:F1}");
        Assert.True(withTurns < ratio * twoModes, $"the turn modes do not follow the turns (RMSE not below {ratio} of the two modes')");
        Assert.True(withTurnsStraight < 1.05 * twoModesStraight, "the turn modes cost straight flight more than 5 %");
    }

    private static (double All, double Straight) SteadyTurnErrors(double degreesPerSecond, int seed, bool turnModes)
    {
        const double Sigma = 200, Speed = 250, Scan = 4;
        var random = new Random(seed);
        ProcessNoiseDensity density = ProcessNoiseDensity.For(TargetClass.Unknown);
        var imm = new InteractingMultipleModelFilter(density.QuietHorizontalSquareMetresPerCubicSecond, density.ManoeuvreHorizontalSquareMetresPerCubicSecond, (long)(Scan / 250 * SimulatedFlight.Q61), (long)(Scan / 160 * SimulatedFlight.Q61));
        if (turnModes)
        {
            imm.TurnRate = (long)Math.Round(1.5 * Math.PI / 180 * SimulatedFlight.Q61);
            imm.WideTurnRate = (long)Math.Round(3 * Math.PI / 180 * SimulatedFlight.Q61);
            imm.TurnDensity = density.TurnHorizontalSquareMetresPerCubicSecond;
            imm.QuietToTurn = (long)(Scan * 3e-5 * SimulatedFlight.Q61);
            imm.TurnToQuiet = (long)(Scan * 0.05 * SimulatedFlight.Q61);
        }

        long variance = SimulatedFlight.ToQ24(Sigma * Sigma);
        double heading = 0, east = 0, north = 0, all = 0, straight = 0;
        int count = 0, straightCount = 0;
        for (int scan = 0; scan < 2000; scan++)
        {
            double seconds = scan * Scan;
            bool turning = seconds % 130 >= 100;
            if (scan > 0)
            {
                double rate = turning ? degreesPerSecond * Math.PI / 180 * ((int)(seconds / 130) % 2 == 0 ? 1 : -1) : 0;
                for (int step = 0; step < 40; step++)
                {
                    heading += rate * Scan / 40;
                    east += Speed * Math.Sin(heading) * Scan / 40;
                    north += Speed * Math.Cos(heading) * Scan / 40;
                }
            }

            long time = (long)(seconds * 1e6);
            long measuredEast = SimulatedFlight.ToQ32(east + (Gaussian(random) * Sigma));
            long measuredNorth = SimulatedFlight.ToQ32(north + (Gaussian(random) * Sigma));
            if (scan == 0)
            {
                imm.Initialise(time, measuredEast, measuredNorth, variance, 0, SimulatedFlight.ToQ32(Speed), SimulatedFlight.ToQ24(400));
                continue;
            }

            imm.Predict(time);
            imm.Update(0, measuredEast, variance);
            imm.Update(1, measuredNorth, variance);
            long[] mean = imm.Combine().Mean;
            if (scan > 20)
            {
                double squared = Math.Pow((mean[0] / Q32) - east, 2) + Math.Pow((mean[1] / Q32) - north, 2);
                all += squared;
                count++;
                if (!turning && seconds % 130 >= 20)
                {
                    straight += squared;
                    straightCount++;
                }
            }
        }

        Assert.Equal(0, imm.SaturationCount);
        return (Math.Sqrt(all / count), Math.Sqrt(straight / straightCount));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static bool IsTurning(SimulatedFlight flight, int second)
    {
        var before = flight.Truth(second - 0.5);
        var after = flight.Truth(second + 0.5);
        return Math.Abs(before.VelocityEast - after.VelocityEast) + Math.Abs(before.VelocityNorth - after.VelocityNorth) > 1e-6;
    }

    private sealed class ErrorSums
    {
        private double _all, _straight, _turns;
        private int _count, _straightCount, _turnCount;

        public double All => Math.Sqrt(_all / _count);

        public void Add(long[] mean, (double East, double North, double Height, double VelocityEast, double VelocityNorth, double VelocityUp) truth, bool turning)
        {
            double squared = Math.Pow(mean[0] / Q32 - truth.East, 2) + Math.Pow(mean[1] / Q32 - truth.North, 2);
            _all += squared;
            _count++;
            if (turning)
            {
                _turns += squared;
                _turnCount++;
            }
            else
            {
                _straight += squared;
                _straightCount++;
            }
        }

        public override string ToString() =>
            $"{All:F1} / {Math.Sqrt(_straight / _straightCount):F1} / {Math.Sqrt(_turns / _turnCount):F1}";
    }
}
