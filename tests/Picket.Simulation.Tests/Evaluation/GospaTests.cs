namespace Picket.Simulation.Evaluation;

/// <summary>GOSPA values worked out by hand from the metric's definition (p = 2, alpha = 2).</summary>
public class GospaTests
{
    [Fact]
    public void Compute_TwoTruthsThreeTracks_MatchesHandComputation()
    {
        // Truth 0 is 10 m from track 0 and 500 m from track 2; truth 1 is 20 m from track 1.
        // Best: (0,0) and (1,1); track 2 is false: sqrt(10^2 + 20^2 + 1000^2 / 2) = 707.46 m.
        double[] distances =
        [
            10, 2_000, 500,
            2_000, 20, 2_000,
        ];

        var result = Gospa.Compute(distances, 2, 3, 1_000);

        Assert.Equal(Math.Sqrt(100 + 400 + 500_000), result.Value, 1e-3);
        Assert.Equal([0, 1], result.Assignment);
        Assert.Equal(0, result.Missed);
        Assert.Equal(1, result.False);
    }

    [Fact]
    public void Compute_PairBeyondCutoff_CountsAsMissedAndFalse()
    {
        var result = Gospa.Compute([1_500], 1, 1, 1_000);

        // One missed truth and one false track: sqrt(2 * c^2 / 2) = c.
        Assert.Equal(1_000, result.Value, 1e-9);
        Assert.Equal(1, result.Missed);
        Assert.Equal(1, result.False);
    }

    [Fact]
    public void Compute_GreedyWouldBeWorse_FindsTheMinimumOfSquares()
    {
        // Greedy takes (0,0)=100 then (1,1)=900: 10,000 + 810,000. Optimal: (0,1)=300, (1,0)=300: 180,000.
        var result = Gospa.Compute([100, 300, 300, 900], 2, 2, 1_000);

        Assert.Equal(Math.Sqrt(180_000), result.Value, 1e-3);
        Assert.Equal([1, 0], result.Assignment);
    }

    [Fact]
    public void Compute_Empty_IsZero()
    {
        Assert.Equal(0, Gospa.Compute([], 0, 0, 1_000).Value);
    }
}
