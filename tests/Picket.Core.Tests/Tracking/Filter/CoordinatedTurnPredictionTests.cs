using Picket.Numerics;

namespace Picket.Tracking.Filter;

public class CoordinatedTurnPredictionTests
{
    private const double Q32 = SimulatedFlight.Q32;
    private const double Q24 = SimulatedFlight.Q24;

    // A fighter at 250 m/s heading north-east with a correlated covariance, turned by the fixed
    // predictor and by the textbook transition in double precision (the shadow IMM's). A 20 s
    // step is taken by both as three equal steps of at most 8 s.
    [Theory]
    [InlineData(3.0, 4.0)]
    [InlineData(-1.5, 4.0)]
    [InlineData(11.0, 2.0)]
    [InlineData(3.0, 20.0)]
    public void Predict_KnownTurn_MatchesDoublePrecisionTransition(double degreesPerSecond, double seconds)
    {
        double[] mean = [12_345.5, -67_890.25, 176.8, 176.8];
        double[,] covariance =
        {
            { 2_500, 300, 40, 5 },
            { 300, 3_600, 6, 50 },
            { 40, 6, 25, 2 },
            { 5, 50, 2, 36 },
        };
        var estimate = new GaussianEstimate(2);
        for (int i = 0; i < 4; i++)
        {
            estimate.Mean[i] = SimulatedFlight.ToQ32(mean[i]);
            for (int j = 0; j < 4; j++)
            {
                estimate.Covariance[(i * 4) + j] = SimulatedFlight.ToQ24(covariance[i, j]);
            }
        }

        double omega = degreesPerSecond * Math.PI / 180;
        int saturations = 0;
        CoordinatedTurnPrediction.Predict(estimate, new long[16], SimulatedFlight.ToQ32(seconds), (long)Math.Round(omega * SimulatedFlight.Q61), Q39x24.FromInteger(4), ref saturations);
        int steps = (int)(seconds / CoordinatedTurnPrediction.MaximumStepSeconds) + 1;
        for (int step = 0; step < steps; step++)
        {
            ShadowInteractingMultipleModelFilter.PredictTurn(mean, covariance, seconds / steps, omega, 4);
        }

        Assert.Equal(0, saturations);
        for (int i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs((estimate.Mean[i] / Q32) - mean[i]) < 1e-5, $"mean {i}: {estimate.Mean[i] / Q32} vs {mean[i]}");
            for (int j = 0; j < 4; j++)
            {
                Assert.Equal(estimate.Covariance[(i * 4) + j], estimate.Covariance[(j * 4) + i]);
                Assert.True(Math.Abs((estimate.Covariance[(i * 4) + j] / Q24) - covariance[i, j]) < 1e-4 * Math.Max(1, Math.Abs(covariance[i, j])), $"covariance ({i}, {j}): {estimate.Covariance[(i * 4) + j] / Q24} vs {covariance[i, j]}");
            }
        }

        // The speed is kept and the heading turned by ω dt.
        double speed = Math.Sqrt((estimate.Mean[2] / Q32 * (estimate.Mean[2] / Q32)) + (estimate.Mean[3] / Q32 * (estimate.Mean[3] / Q32)));
        Assert.Equal(250.03, speed, tolerance: 0.01);
    }

    [Fact]
    public void Predict_ZeroTurnRate_IsTheConstantVelocityPrediction()
    {
        var turned = new GaussianEstimate(2);
        turned.SetAxis(0, SimulatedFlight.ToQ32(1_000), SimulatedFlight.ToQ32(200), SimulatedFlight.ToQ24(900), SimulatedFlight.ToQ24(100));
        turned.SetAxis(1, SimulatedFlight.ToQ32(-5_000), SimulatedFlight.ToQ32(-30), SimulatedFlight.ToQ24(1_600), SimulatedFlight.ToQ24(64));
        var straight = new GaussianEstimate(2);
        straight.CopyFrom(turned);
        int saturations = 0;
        CoordinatedTurnPrediction.Predict(turned, new long[16], SimulatedFlight.ToQ32(4), 0, Q39x24.One, ref saturations);
        ConstantVelocityPrediction.Predict(straight, new long[16], SimulatedFlight.ToQ32(4), Q39x24.One, ref saturations);
        Assert.Equal(straight.Mean, turned.Mean);
        for (int i = 0; i < 16; i++)
        {
            Assert.True(Math.Abs(straight.Covariance[i] - turned.Covariance[i]) <= 2, $"covariance {i}: {straight.Covariance[i]} vs {turned.Covariance[i]}");
        }
    }
}
