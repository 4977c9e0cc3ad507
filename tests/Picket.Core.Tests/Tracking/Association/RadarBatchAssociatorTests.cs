namespace Picket.Tracking.Association;

/// <summary>
/// The batch associator (gating graph cut into components, each solved optimally) against
/// exhaustive enumeration of the whole batch, which is optimal by definition.
/// </summary>
public class RadarBatchAssociatorTests
{
    private const long Miss = 1_000;

    [Fact]
    public void Solve_TwoComponents_EachSolvedOptimally()
    {
        var associator = new RadarBatchAssociator(16, 8, 32, 64);
        associator.Begin(4);
        // Component 1: tracks 3, 9 and plots 0, 1. Nearest first (3→0 = 1) would force 9→1 = 10;
        // the optimum is 3→1 + 9→0 = 2 + 2.
        associator.AddPair(3, 0, 1);
        associator.AddPair(3, 1, 2);
        associator.AddPair(9, 0, 2);
        associator.AddPair(9, 1, 10);
        // Component 2: track 12 and plot 3.
        associator.AddPair(12, 3, 7);

        associator.Solve(Miss);

        var pairs = Assignments(associator);
        Assert.Equal(3, pairs.Count);
        Assert.Contains((3, 1), pairs);
        Assert.Contains((9, 0), pairs);
        Assert.Contains((12, 3), pairs);
        Assert.Equal(0, associator.GreedyComponents);
    }

    [Theory]
    [InlineData(6, 4)]
    [InlineData(4, 6)]
    [InlineData(7, 7)]
    public void Solve_RandomSparseBatches_MatchesExhaustiveOptimum(int tracks, int plots)
    {
        var random = new Random((tracks * 100) + plots);
        var associator = new RadarBatchAssociator(tracks, plots, tracks * plots, tracks * plots);
        for (var trial = 0; trial < 200; trial++)
        {
            var cost = new long[tracks, plots];
            associator.Begin(plots);
            for (var t = 0; t < tracks; t++)
            {
                for (var p = 0; p < plots; p++)
                {
                    // Sparse gating (about one pair in four) makes several components per batch.
                    cost[t, p] = random.Next(4) == 0 ? random.Next(0, (int)Miss) : -1;
                    if (cost[t, p] >= 0)
                    {
                        associator.AddPair(t, p, cost[t, p]);
                    }
                }
            }

            associator.Solve(Miss);

            var found = Assignments(associator);
            Assert.Equal(found.Count, found.Select(a => a.Track).Distinct().Count());
            Assert.Equal(found.Count, found.Select(a => a.Plot).Distinct().Count());
            Assert.All(found, a => Assert.True(cost[a.Track, a.Plot] >= 0));
            var candidates = Enumerable.Range(0, tracks).Where(t => Enumerable.Range(0, plots).Any(p => cost[t, p] >= 0)).ToArray();
            var total = found.Sum(a => cost[a.Track, a.Plot]) + (Miss * (candidates.Length - found.Count));
            Assert.Equal(Exhaustive(cost, candidates, 0, new bool[plots]), total);
        }
    }

    [Fact]
    public void Solve_ComponentLargerThanTheCostMatrix_AssociatedGreedilyAndCounted()
    {
        // Cost matrix of 2 cells: the 2 × 2 component does not fit.
        var associator = new RadarBatchAssociator(4, 4, 16, 2);
        associator.Begin(2);
        associator.AddPair(0, 0, 1);
        associator.AddPair(0, 1, 2);
        associator.AddPair(1, 0, 2);
        associator.AddPair(1, 1, 10);

        associator.Solve(Miss);

        Assert.Equal(1, associator.GreedyComponents);
        var pairs = Assignments(associator);
        // Greedy: cheapest pair first (0→0), then the only one left (1→1).
        Assert.Equal([(0, 0), (1, 1)], pairs.OrderBy(a => a.Track).ToList());
    }

    [Fact]
    public void AddPair_BeyondThePairCapacity_RefusedAndCounted()
    {
        var associator = new RadarBatchAssociator(4, 4, 2, 16);
        associator.Begin(3);
        Assert.True(associator.AddPair(0, 0, 1));
        Assert.True(associator.AddPair(1, 1, 1));
        Assert.False(associator.AddPair(2, 2, 1));

        associator.Solve(Miss);

        Assert.Equal(1, associator.DroppedPairs);
        Assert.Equal(2, associator.AssignmentCount);
        Assert.Equal(2, associator.CandidateTracks);
    }

    private static List<(int Track, int Plot)> Assignments(RadarBatchAssociator associator) =>
        Enumerable.Range(0, associator.AssignmentCount).Select(i => (associator.AssignedTrack(i), associator.AssignedPlot(i))).ToList();

    // Minimum over every way of giving each candidate track a distinct gated plot or none.
    private static long Exhaustive(long[,] cost, int[] candidates, int index, bool[] used)
    {
        if (index == candidates.Length)
        {
            return 0;
        }

        var track = candidates[index];
        var best = Miss + Exhaustive(cost, candidates, index + 1, used);
        for (var p = 0; p < used.Length; p++)
        {
            if (used[p] || cost[track, p] < 0)
            {
                continue;
            }

            used[p] = true;
            best = Math.Min(best, cost[track, p] + Exhaustive(cost, candidates, index + 1, used));
            used[p] = false;
        }

        return best;
    }
}
