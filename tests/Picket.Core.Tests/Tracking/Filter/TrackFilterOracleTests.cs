using Picket.Numerics;
using Xunit.Abstractions;

namespace Picket.Tracking.Filter;

public class TrackFilterOracleTests(ITestOutputHelper output)
{
    private const double Q32 = SimulatedFlight.Q32;
    private const double Q24 = SimulatedFlight.Q24;
    private const double Q61 = SimulatedFlight.Q61;
    private const int DurationSeconds = 2 * 3600;

    [Theory]
    [InlineData(TargetClass.Airliner)]
    [InlineData(TargetClass.Fighter)]
    [InlineData(TargetClass.Drone)]
    public void TwoHourRun_AdsbAndRadar_MatchesDoubleShadowWithinOneMillimetreAndStaysPositiveDefinite(TargetClass targetClass)
    {
        var flight = new SimulatedFlight(targetClass, seed: 20261125 + (int)targetClass);
        var filter = new TrackFilter { TargetClass = targetClass };
        ProcessNoiseDensity density = ProcessNoiseDensity.For(targetClass);
        var shadow = new ShadowTrackFilter
        {
            HorizontalDensity = density.HorizontalSquareMetresPerCubicSecond / Q24,
            VerticalDensity = density.VerticalSquareMetresPerCubicSecond / Q24,
        };
        var worst = new Worst();
        double squaredErrorSum = 0;
        double neesSum = 0;
        int truthSamples = 0;

        for (int second = 0; second < DurationSeconds; second++)
        {
            // A 60 s gap with no data at all: the filter coasts and its covariance grows.
            if (second >= 3000 && second < 3060)
            {
                continue;
            }

            long time = second * 1_000_000L + flight.Jitter(200_000);
            var truth = flight.Truth(time / 1e6);
            long east = SimulatedFlight.ToQ32(truth.East + flight.Gaussian(SimulatedFlight.AdsbPositionSigma));
            long north = SimulatedFlight.ToQ32(truth.North + flight.Gaussian(SimulatedFlight.AdsbPositionSigma));
            long velocityEast = SimulatedFlight.ToQ32(truth.VelocityEast + flight.Gaussian(SimulatedFlight.AdsbVelocitySigma));
            long velocityNorth = SimulatedFlight.ToQ32(truth.VelocityNorth + flight.Gaussian(SimulatedFlight.AdsbVelocitySigma));
            long height = SimulatedFlight.ToQ32(truth.Height + flight.Gaussian(SimulatedFlight.HeightSigma));
            long rate = SimulatedFlight.ToQ32(truth.VelocityUp + flight.Gaussian(SimulatedFlight.VerticalRateSigma));
            long positionVariance = SimulatedFlight.ToQ24(SimulatedFlight.AdsbPositionSigma * SimulatedFlight.AdsbPositionSigma);
            long velocityVariance = SimulatedFlight.ToQ24(SimulatedFlight.AdsbVelocitySigma * SimulatedFlight.AdsbVelocitySigma);
            long heightVariance = SimulatedFlight.ToQ24(SimulatedFlight.HeightSigma * SimulatedFlight.HeightSigma);
            long rateVariance = SimulatedFlight.ToQ24(SimulatedFlight.VerticalRateSigma * SimulatedFlight.VerticalRateSigma);

            if (second == 0)
            {
                filter.Initialise(time, east, north, positionVariance, velocityEast, velocityNorth, velocityVariance);
                filter.InitialiseVertical(height, heightVariance, rate, rateVariance);
                shadow.Initialise(time, east / Q32, north / Q32, positionVariance / Q24, velocityEast / Q32, velocityNorth / Q32, velocityVariance / Q24);
                shadow.InitialiseVertical(height / Q32, heightVariance / Q24, rate / Q32, rateVariance / Q24);
                continue;
            }

            Assert.True(filter.Predict(time));
            shadow.Predict(time);
            Compare(filter, shadow, worst);
            Compare(worst, filter.UpdateEast(east, positionVariance), shadow.UpdateHorizontal([1, 0, 0, 0], east / Q32, positionVariance / Q24));
            Compare(filter, shadow, worst);
            Compare(worst, filter.UpdateNorth(north, positionVariance), shadow.UpdateHorizontal([0, 1, 0, 0], north / Q32, positionVariance / Q24));
            Compare(filter, shadow, worst);
            Compare(worst, filter.UpdateVelocityEast(velocityEast, velocityVariance), shadow.UpdateHorizontal([0, 0, 1, 0], velocityEast / Q32, velocityVariance / Q24));
            Compare(filter, shadow, worst);
            Compare(worst, filter.UpdateVelocityNorth(velocityNorth, velocityVariance), shadow.UpdateHorizontal([0, 0, 0, 1], velocityNorth / Q32, velocityVariance / Q24));
            Compare(filter, shadow, worst);
            Compare(worst, filter.UpdateHeight(height, heightVariance), shadow.UpdateVertical([1, 0], height / Q32, heightVariance / Q24));
            Compare(filter, shadow, worst);
            Compare(worst, filter.UpdateVerticalRate(rate, rateVariance), shadow.UpdateVertical([0, 1], rate / Q32, rateVariance / Q24));
            Compare(filter, shadow, worst);

            if (second % 4 == 0)
            {
                RadarPlot(flight, filter, shadow, time + 500_000, worst);
            }

            var now = flight.Truth(filter.TimeMicroseconds / 1e6);
            double errorEast = filter.Horizontal.Mean[0] / Q32 - now.East, errorNorth = filter.Horizontal.Mean[1] / Q32 - now.North;
            squaredErrorSum += errorEast * errorEast + errorNorth * errorNorth;
            neesSum += PositionNees(filter.Horizontal, errorEast, errorNorth);
            truthSamples++;
        }

        double rmse = Math.Sqrt(squaredErrorSum / truthSamples);
        double nees = neesSum / truthSamples;
        output.WriteLine($"{targetClass}: worst |Δposition| {worst.Position:E2} m, |Δvelocity| {worst.Velocity:E2} m/s, |Δheight| {worst.Height:E2} m, |ΔNIS| {worst.Nis:E2}, smallest relative Cholesky pivot {worst.SmallestPivot:E2}, horizontal RMSE vs truth {rmse:F2} m, mean position NEES {nees:F2} (2 if consistent)");
        Assert.Equal(0, filter.SaturationCount);
        Assert.True(worst.Position <= 0.001, $"position {worst.Position} m");
        Assert.True(worst.Velocity <= 0.001, $"velocity {worst.Velocity} m/s");
        Assert.True(worst.Height <= 0.001, $"height {worst.Height} m");
        Assert.True(worst.Nis <= 1e-3, $"NIS {worst.Nis}");
        Assert.True(worst.SmallestPivot > 0, "covariance lost positive definiteness");

        // A working filter beats the raw ADS-B position noise (15 m per axis) against truth, and
        // its covariance roughly matches its real errors (mean 2-D NEES near 2; measured 1.2 to
        // 2.5: turns at the quiet airliner density make it a little optimistic).
        Assert.True(rmse < SimulatedFlight.AdsbPositionSigma, $"RMSE {rmse} m");
        Assert.InRange(nees, 0.5, 4);
    }

    private static void RadarPlot(SimulatedFlight flight, TrackFilter filter, ShadowTrackFilter shadow, long time, Worst worst)
    {
        var truth = flight.Truth(time / 1e6);
        double range = Math.Sqrt(truth.East * truth.East + truth.North * truth.North) + flight.Gaussian(SimulatedFlight.RadarRangeSigma);
        double azimuth = Math.Atan2(truth.East, truth.North) + flight.Gaussian(SimulatedFlight.RadarAzimuthSigma);
        long azimuthRaw = (long)Math.Round(azimuth * Q61);
        long rangeRaw = SimulatedFlight.ToQ32(range);
        long rangeVariance = SimulatedFlight.ToQ24(SimulatedFlight.RadarRangeSigma * SimulatedFlight.RadarRangeSigma);
        long crossVariance = SimulatedFlight.ToQ24(Square(range * SimulatedFlight.RadarAzimuthSigma));
        Trigonometry.SinCos(azimuthRaw, out long sine, out long cosine);

        Assert.True(filter.Predict(time));
        shadow.Predict(time);
        long nis = filter.UpdateRadar(0, 0, rangeRaw, sine, cosine, rangeVariance, crossVariance);
        double s = Math.Sin(azimuthRaw / Q61), c = Math.Cos(azimuthRaw / Q61);
        double shadowNis = shadow.UpdateHorizontal([s, c, 0, 0], rangeRaw / Q32, rangeVariance / Q24)
            + shadow.UpdateHorizontal([c, -s, 0, 0], 0, crossVariance / Q24);
        Compare(worst, nis, shadowNis);
        Compare(filter, shadow, worst);
    }

    private static void Compare(Worst worst, long nis, double shadowNis) =>
        worst.Nis = Math.Max(worst.Nis, Math.Abs(nis / Q32 - shadowNis));

    private static void Compare(TrackFilter filter, ShadowTrackFilter shadow, Worst worst)
    {
        long[] mean = filter.Horizontal.Mean;
        worst.Position = Math.Max(worst.Position, Math.Max(Math.Abs(mean[0] / Q32 - shadow.Horizontal[0]), Math.Abs(mean[1] / Q32 - shadow.Horizontal[1])));
        worst.Velocity = Math.Max(worst.Velocity, Math.Max(Math.Abs(mean[2] / Q32 - shadow.Horizontal[2]), Math.Abs(mean[3] / Q32 - shadow.Horizontal[3])));
        worst.Velocity = Math.Max(worst.Velocity, Math.Abs(filter.Vertical.Mean[1] / Q32 - shadow.Vertical[1]));
        worst.Height = Math.Max(worst.Height, Math.Abs(filter.Vertical.Mean[0] / Q32 - shadow.Vertical[0]));
        worst.SmallestPivot = Math.Min(worst.SmallestPivot, CholeskySmallestPivot(filter.Horizontal));
        worst.SmallestPivot = Math.Min(worst.SmallestPivot, CholeskySmallestPivot(filter.Vertical));
    }

    // Positive definiteness by Cholesky factorisation of the fixed-point covariance: every pivot
    // must be strictly positive; returns the smallest (relative to its diagonal entry).
    private static double CholeskySmallestPivot(GaussianEstimate estimate)
    {
        int n = estimate.Dimension;
        var lower = new double[n, n];
        double smallest = double.MaxValue;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                Assert.Equal(estimate.CovarianceAt(i, j), estimate.CovarianceAt(j, i));
                double sum = estimate.CovarianceAt(i, j) / Q24;
                for (int k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }

                if (i == j)
                {
                    double pivot = sum / (estimate.CovarianceAt(i, i) / Q24);
                    smallest = Math.Min(smallest, pivot);
                    if (sum <= 0)
                    {
                        return sum;
                    }

                    lower[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    lower[i, j] = sum / lower[j, j];
                }
            }
        }

        return smallest;
    }

    // Normalised estimation error squared of the 2-D position against truth.
    private static double PositionNees(GaussianEstimate estimate, double errorEast, double errorNorth)
    {
        double a = estimate.CovarianceAt(0, 0) / Q24, b = estimate.CovarianceAt(0, 1) / Q24, d = estimate.CovarianceAt(1, 1) / Q24;
        double determinant = a * d - b * b;
        return (d * errorEast * errorEast - 2 * b * errorEast * errorNorth + a * errorNorth * errorNorth) / determinant;
    }

    private static double Square(double value) => value * value;

    private sealed class Worst
    {
        public double Position { get; set; }

        public double Velocity { get; set; }

        public double Height { get; set; }

        public double Nis { get; set; }

        public double SmallestPivot { get; set; } = double.MaxValue;
    }
}
