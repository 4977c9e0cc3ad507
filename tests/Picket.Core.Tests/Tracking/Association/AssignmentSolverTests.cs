namespace Picket.Tracking.Association;

/// <summary>
/// The assignment solver against exhaustive enumeration, which is optimal by definition: every
/// way of giving each row a distinct column or none is tried.
/// </summary>
public class AssignmentSolverTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(4, 2)]
    [InlineData(2, 5)]
    [InlineData(5, 5)]
    [InlineData(6, 4)]
    public void Solve_RandomGatedProblems_MatchesExhaustiveOptimum(int rows, int columns)
    {
        var random = new Random((rows * 100) + columns);
        var solver = new AssignmentSolver(8, 8);
        var assignment = new int[rows];
        for (var trial = 0; trial < 300; trial++)
        {
            var cost = new long[rows * columns];
            for (var i = 0; i < cost.Length; i++)
            {
                // About a third of the pairs fall outside the gate.
                cost[i] = random.Next(3) == 0 ? AssignmentSolver.Forbidden : random.Next(0, 1000);
            }

            var missCost = random.Next(200, 1200);

            var total = solver.Solve(cost, rows, columns, missCost, assignment);

            var best = BruteForce(cost, rows, columns, missCost);
            Assert.Equal(best, total);
            Assert.Equal(best, CostOf(assignment, cost, columns, missCost));
            var usedColumns = assignment.Where(c => c >= 0).ToArray();
            Assert.Equal(usedColumns.Length, usedColumns.Distinct().Count());
        }
    }

    [Fact]
    public void Solve_CrossingTargets_PrefersTheGlobalOptimumOverGreedy()
    {
        // Greedy nearest neighbour gives row 0 column 0 (cost 1) and row 1 column 1 (cost 100):
        // 101. The optimum swaps them: 2 + 3 = 5.
        long[] cost =
        [
            1, 2,
            3, 100,
        ];
        var assignment = new int[2];

        var total = new AssignmentSolver(2, 2).Solve(cost, 2, 2, 1000, assignment);

        Assert.Equal(5, total);
        Assert.Equal([1, 0], assignment);
    }

    [Fact]
    public void Solve_EverythingOutsideTheGate_LeavesEveryRowUnassigned()
    {
        var cost = Enumerable.Repeat(AssignmentSolver.Forbidden, 6).ToArray();
        var assignment = new int[3];

        var total = new AssignmentSolver(3, 2).Solve(cost, 3, 2, 50, assignment);

        Assert.Equal(150, total);
        Assert.All(assignment, column => Assert.Equal(-1, column));
    }

    [Fact]
    public void Solve_NoColumns_LeavesEveryRowUnassigned()
    {
        var assignment = new int[2];

        Assert.Equal(20, new AssignmentSolver(2, 0).Solve([], 2, 0, 10, assignment));
        Assert.Equal([-1, -1], assignment);
    }

    [Fact]
    public void Solve_LargerThanWorkspace_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AssignmentSolver(2, 2).Solve(new long[9], 3, 3, 1, new int[3]));
    }

    private static long CostOf(int[] assignment, long[] cost, int columns, long missCost) =>
        assignment.Select((c, r) => c < 0 ? missCost : cost[(r * columns) + c]).Sum();

    private static long BruteForce(long[] cost, int rows, int columns, long missCost)
    {
        var best = long.MaxValue;
        var used = new bool[columns];
        Search(0, 0);
        return best;

        void Search(int row, long sum)
        {
            if (sum >= best)
            {
                return;
            }

            if (row == rows)
            {
                best = sum;
                return;
            }

            Search(row + 1, sum + missCost);
            for (var c = 0; c < columns; c++)
            {
                var pair = cost[(row * columns) + c];
                if (used[c] || pair >= AssignmentSolver.Forbidden)
                {
                    continue;
                }

                used[c] = true;
                Search(row + 1, sum + pair);
                used[c] = false;
            }
        }
    }
}
