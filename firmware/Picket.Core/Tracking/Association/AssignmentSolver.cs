namespace Picket.Tracking.Association;

/// <summary>
/// Optimal (minimum total cost) assignment of rows to columns: the global-nearest-neighbour
/// step of plot-to-track association. Shortest augmenting paths with dual potentials (the
/// Hungarian method in Jonker-Volgenant form), O(rows² · columns), integer costs only, so the
/// result is the same on every host.
/// </summary>
/// <remarks>
/// Each row may also stay unassigned at <c>missCost</c> (for a track: the cost of a missed
/// detection, usually the gate's edge), which is modelled by one private dummy column per row.
/// Pairs outside the gate are marked <see cref="Forbidden"/> and are never chosen. All working
/// arrays are allocated once, for the largest problem, in the constructor.
/// </remarks>
public sealed class AssignmentSolver
{
    /// <summary>Cost marking a pair that must not be assigned (outside the gate).</summary>
    public const long Forbidden = long.MaxValue / 8;

    // Large enough to dominate every sum of real costs, small enough that potentials never overflow.
    private const long Infinity = long.MaxValue / 4;

    private readonly int _maxRows;
    private readonly int _maxColumns;
    private readonly long[] _rowPotential;
    private readonly long[] _columnPotential;
    private readonly int[] _columnOwner;
    private readonly int[] _way;
    private readonly long[] _minimum;
    private readonly bool[] _used;

    /// <summary>Allocates the workspace for up to <paramref name="maxRows"/> × <paramref name="maxColumns"/> problems.</summary>
    public AssignmentSolver(int maxRows, int maxColumns)
    {
        _maxRows = maxRows;
        _maxColumns = maxColumns;
        var width = maxColumns + maxRows + 1;
        _rowPotential = new long[maxRows + 1];
        _columnPotential = new long[width];
        _columnOwner = new int[width];
        _way = new int[width];
        _minimum = new long[width];
        _used = new bool[width];
    }

    /// <summary>
    /// Solves one problem.
    /// </summary>
    /// <param name="cost">Row-major costs, <c>cost[row * columns + column]</c>, each 0 to 2^40 or <see cref="Forbidden"/>.</param>
    /// <param name="rows">Number of rows (tracks), up to the constructor's maximum.</param>
    /// <param name="columns">Number of columns (plots), up to the constructor's maximum.</param>
    /// <param name="missCost">Cost of leaving a row unassigned, 0 to 2^40.</param>
    /// <param name="assignment">Receives, for each row, its column or -1 when unassigned.</param>
    /// <returns>The minimum total cost (assigned pairs plus <paramref name="missCost"/> per unassigned row).</returns>
    public long Solve(long[] cost, int rows, int columns, long missCost, int[] assignment)
    {
        if (rows > _maxRows || columns > _maxColumns || rows < 0 || columns < 0)
        {
            throw new System.ArgumentOutOfRangeException(nameof(rows), "Problem larger than the solver's workspace.");
        }

        // Columns 1..columns are real; columns+1..columns+rows are the rows' own "miss" columns.
        // Index 0 is the algorithm's virtual start column. 1-based throughout, as in the method.
        var width = columns + rows;
        for (var i = 0; i <= rows; i++)
        {
            _rowPotential[i] = 0;
        }

        for (var j = 0; j <= width; j++)
        {
            _columnPotential[j] = 0;
            _columnOwner[j] = 0;
            _way[j] = 0;
        }

        for (var row = 1; row <= rows; row++)
        {
            _columnOwner[0] = row;
            var current = 0;
            for (var j = 0; j <= width; j++)
            {
                _minimum[j] = Infinity;
                _used[j] = false;
            }

            do
            {
                _used[current] = true;
                var owner = _columnOwner[current];
                var delta = Infinity;
                var next = 0;
                for (var j = 1; j <= width; j++)
                {
                    if (_used[j])
                    {
                        continue;
                    }

                    var reduced = Cost(cost, columns, missCost, owner, j) - _rowPotential[owner] - _columnPotential[j];
                    if (reduced < _minimum[j])
                    {
                        _minimum[j] = reduced;
                        _way[j] = current;
                    }

                    if (_minimum[j] < delta)
                    {
                        delta = _minimum[j];
                        next = j;
                    }
                }

                for (var j = 0; j <= width; j++)
                {
                    if (_used[j])
                    {
                        _rowPotential[_columnOwner[j]] += delta;
                        _columnPotential[j] -= delta;
                    }
                    else
                    {
                        _minimum[j] -= delta;
                    }
                }

                current = next;
            }
            while (_columnOwner[current] != 0);

            // Flip the augmenting path.
            do
            {
                var previous = _way[current];
                _columnOwner[current] = _columnOwner[previous];
                current = previous;
            }
            while (current != 0);
        }

        long total = 0;
        for (var row = 0; row < rows; row++)
        {
            assignment[row] = -1;
        }

        for (var j = 1; j <= width; j++)
        {
            var owner = _columnOwner[j];
            if (owner == 0)
            {
                continue;
            }

            total += Cost(cost, columns, missCost, owner, j);
            if (j <= columns)
            {
                assignment[owner - 1] = j - 1;
            }
        }

        return total;
    }

    private static long Cost(long[] cost, int columns, long missCost, int row, int column)
    {
        if (column <= columns)
        {
            return cost[((row - 1) * columns) + column - 1];
        }

        // A row may only use its own miss column.
        return column - columns == row ? missCost : Forbidden;
    }
}
