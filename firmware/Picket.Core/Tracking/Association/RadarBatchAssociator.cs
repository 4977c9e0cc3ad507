namespace Picket.Tracking.Association;

/// <summary>
/// Global nearest neighbour for one batch of radar plots, over the gated plot-track pairs only.
/// Every track that gates at least one plot is a candidate, whatever the table size; the gating
/// graph (tracks and plots joined by their gated pairs) is cut into connected components, and
/// each component is solved on its own with <see cref="AssignmentSolver"/>, the smaller side as
/// rows (the objective differs only by a constant: each unassigned track or plot costs the miss
/// cost). Components are usually a track and its plot, which makes the optimal assignment cheap
/// and keeps the cost matrix bounded by the largest component, not tracks × plots. A component
/// larger than the cost matrix (e.g. dense clutter over a formation) is associated greedily,
/// cheapest pair first, and counted. Integer costs: the same result on every host.
/// </summary>
public sealed class RadarBatchAssociator
{
    private readonly int _maxTracks;
    private readonly int[] _pairTrack;
    private readonly int[] _pairPlot;
    private readonly long[] _pairCost;
    private readonly int[] _rowOfTrack;
    private readonly int[] _trackOfRow;
    private readonly int[] _parent;
    private readonly int[] _componentOfRoot;
    private readonly int[] _rowStart;
    private readonly int[] _plotStart;
    private readonly int[] _pairStart;
    private readonly int[] _rowOrder;
    private readonly int[] _plotOrder;
    private readonly int[] _pairOrder;
    private readonly int[] _local;
    private readonly bool[] _trackTaken;
    private readonly bool[] _plotTaken;
    private readonly long[] _cost;
    private readonly int[] _solution;
    private readonly AssignmentSolver _solver;
    private readonly int[] _assignedTrack;
    private readonly int[] _assignedPlot;
    private int _pairCount;
    private int _plotCount;
    private int _rowCount;
    private int _assignmentCount;

    /// <summary>Allocates everything for the largest batch.</summary>
    /// <param name="maxTracks">Track slots (track indices 0 to maxTracks - 1).</param>
    /// <param name="maxPlots">Plots per batch (plot indices 0 to maxPlots - 1).</param>
    /// <param name="maxPairs">Gated pairs per batch; further pairs are refused by <see cref="AddPair"/>.</param>
    /// <param name="maxComponentCells">Largest component solved optimally, tracks × plots (the cost matrix size).</param>
    public RadarBatchAssociator(int maxTracks, int maxPlots, int maxPairs, int maxComponentCells)
    {
        _maxTracks = maxTracks;
        _pairTrack = new int[maxPairs];
        _pairPlot = new int[maxPairs];
        _pairCost = new long[maxPairs];
        _rowOfTrack = new int[maxTracks];
        for (int i = 0; i < maxTracks; i++)
        {
            _rowOfTrack[i] = -1;
        }

        _trackOfRow = new int[maxTracks];
        _parent = new int[maxTracks + maxPlots];
        _componentOfRoot = new int[maxTracks + maxPlots];
        int components = maxPlots + 1;
        _rowStart = new int[components + 1];
        _plotStart = new int[components + 1];
        _pairStart = new int[components + 1];
        _rowOrder = new int[maxTracks];
        _plotOrder = new int[maxPlots];
        _pairOrder = new int[maxPairs];
        _local = new int[maxTracks + maxPlots];
        _trackTaken = new bool[maxTracks];
        _plotTaken = new bool[maxPlots];
        _cost = new long[maxComponentCells];
        int side = maxTracks > maxPlots ? maxTracks : maxPlots;
        int smaller = maxTracks < maxPlots ? maxTracks : maxPlots;
        _solution = new int[smaller];
        _solver = new AssignmentSolver(smaller, side);
        _assignedTrack = new int[smaller];
        _assignedPlot = new int[smaller];
    }

    /// <summary>Assignments found by the last <see cref="Solve"/>.</summary>
    public int AssignmentCount => _assignmentCount;

    /// <summary>Pairs refused by <see cref="AddPair"/> since <see cref="Begin"/> (pair capacity full).</summary>
    public int DroppedPairs { get; private set; }

    /// <summary>Components of the last <see cref="Solve"/> too large for the cost matrix, associated greedily.</summary>
    public int GreedyComponents { get; private set; }

    /// <summary>Rows (tracks with at least one gated plot) of the current batch.</summary>
    public int CandidateTracks => _rowCount;

    /// <summary>The track of assignment <paramref name="index"/> (0 to <see cref="AssignmentCount"/> - 1).</summary>
    public int AssignedTrack(int index) => _assignedTrack[index];

    /// <summary>The plot of assignment <paramref name="index"/>.</summary>
    public int AssignedPlot(int index) => _assignedPlot[index];

    /// <summary>Starts a batch of <paramref name="plotCount"/> plots with no pairs.</summary>
    public void Begin(int plotCount)
    {
        for (int row = 0; row < _rowCount; row++)
        {
            _rowOfTrack[_trackOfRow[row]] = -1;
        }

        _rowCount = 0;
        _pairCount = 0;
        _plotCount = plotCount;
        _assignmentCount = 0;
        DroppedPairs = 0;
        GreedyComponents = 0;
    }

    /// <summary>Adds a gated pair (each pair once).</summary>
    /// <param name="track">Track index, 0 to maxTracks - 1.</param>
    /// <param name="plot">Plot index, 0 to the batch's plot count - 1.</param>
    /// <param name="cost">0 to 2^40, at most the miss cost given to <see cref="Solve"/>.</param>
    /// <returns>False (counted in <see cref="DroppedPairs"/>) when the pair capacity is full.</returns>
    public bool AddPair(int track, int plot, long cost)
    {
        if (_pairCount == _pairTrack.Length)
        {
            DroppedPairs++;
            return false;
        }

        if (_rowOfTrack[track] < 0)
        {
            _rowOfTrack[track] = _rowCount;
            _trackOfRow[_rowCount++] = track;
        }

        _pairTrack[_pairCount] = track;
        _pairPlot[_pairCount] = plot;
        _pairCost[_pairCount++] = cost;
        return true;
    }

    /// <summary>Finds the minimum-cost assignment of the batch, component by component.</summary>
    /// <param name="missCost">Cost of a track (or plot) left unassigned, 0 to 2^40.</param>
    public void Solve(long missCost)
    {
        _assignmentCount = 0;
        if (_pairCount == 0)
        {
            return;
        }

        // Nodes: rows 0.._rowCount-1 (tracks), then plots at _maxTracks + plot.
        for (int row = 0; row < _rowCount; row++)
        {
            _parent[row] = row;
        }

        for (int plot = 0; plot < _plotCount; plot++)
        {
            _parent[_maxTracks + plot] = _maxTracks + plot;
        }

        for (int pair = 0; pair < _pairCount; pair++)
        {
            Union(_rowOfTrack[_pairTrack[pair]], _maxTracks + _pairPlot[pair]);
        }

        int components = LabelComponents();
        for (int component = 0; component < components; component++)
        {
            SolveComponent(component, missCost);
        }
    }

    // Numbers the components in order of their first row and sorts rows, plots and pairs by component.
    private int LabelComponents()
    {
        for (int row = 0; row < _rowCount; row++)
        {
            _componentOfRoot[Find(row)] = -1;
        }

        int components = 0;
        for (int row = 0; row < _rowCount; row++)
        {
            int root = Find(row);
            if (_componentOfRoot[root] < 0)
            {
                _componentOfRoot[root] = components++;
            }
        }

        for (int c = 0; c <= components; c++)
        {
            _rowStart[c] = 0;
            _plotStart[c] = 0;
            _pairStart[c] = 0;
        }

        // Counting sort: counts at index c + 1, prefix sums, then placement.
        for (int row = 0; row < _rowCount; row++)
        {
            _rowStart[_componentOfRoot[Find(row)] + 1]++;
        }

        for (int pair = 0; pair < _pairCount; pair++)
        {
            _pairStart[_componentOfRoot[Find(_rowOfTrack[_pairTrack[pair]])] + 1]++;
        }

        for (int plot = 0; plot < _plotCount; plot++)
        {
            int component = PlotComponent(plot);
            if (component >= 0)
            {
                _plotStart[component + 1]++;
            }
        }

        for (int c = 0; c < components; c++)
        {
            _rowStart[c + 1] += _rowStart[c];
            _plotStart[c + 1] += _plotStart[c];
            _pairStart[c + 1] += _pairStart[c];
        }

        // Placement advances each start; afterwards start[c] is the end of c, so shift back.
        for (int row = 0; row < _rowCount; row++)
        {
            _rowOrder[_rowStart[_componentOfRoot[Find(row)]]++] = row;
        }

        for (int plot = 0; plot < _plotCount; plot++)
        {
            int component = PlotComponent(plot);
            if (component >= 0)
            {
                _plotOrder[_plotStart[component]++] = plot;
            }
        }

        for (int pair = 0; pair < _pairCount; pair++)
        {
            _pairOrder[_pairStart[_componentOfRoot[Find(_rowOfTrack[_pairTrack[pair]])]]++] = pair;
        }

        for (int c = components; c > 0; c--)
        {
            _rowStart[c] = _rowStart[c - 1];
            _plotStart[c] = _plotStart[c - 1];
            _pairStart[c] = _pairStart[c - 1];
        }

        _rowStart[0] = 0;
        _plotStart[0] = 0;
        _pairStart[0] = 0;
        return components;
    }

    // The plot's component, or -1 for a plot no track gates.
    private int PlotComponent(int plot)
    {
        int root = Find(_maxTracks + plot);
        return root < _maxTracks ? _componentOfRoot[root] : -1;
    }

    private void SolveComponent(int component, long missCost)
    {
        int rows = _rowStart[component + 1] - _rowStart[component];
        int plots = _plotStart[component + 1] - _plotStart[component];
        if ((long)rows * plots > _cost.Length)
        {
            GreedyComponents++;
            SolveGreedily(component);
            return;
        }

        for (int i = 0; i < rows; i++)
        {
            _local[_rowOrder[_rowStart[component] + i]] = i;
        }

        for (int j = 0; j < plots; j++)
        {
            _local[_maxTracks + _plotOrder[_plotStart[component] + j]] = j;
        }

        // The smaller side as the solver's rows: O(rows² · columns).
        bool tracksAsRows = rows <= plots;
        int solverRows = tracksAsRows ? rows : plots;
        int solverColumns = tracksAsRows ? plots : rows;
        for (int cell = 0; cell < rows * plots; cell++)
        {
            _cost[cell] = AssignmentSolver.Forbidden;
        }

        for (int k = _pairStart[component]; k < _pairStart[component + 1]; k++)
        {
            int pair = _pairOrder[k];
            int track = _local[_rowOfTrack[_pairTrack[pair]]];
            int plot = _local[_maxTracks + _pairPlot[pair]];
            _cost[tracksAsRows ? (track * solverColumns) + plot : (plot * solverColumns) + track] = _pairCost[pair];
        }

        _solver.Solve(_cost, solverRows, solverColumns, missCost, _solution);
        for (int r = 0; r < solverRows; r++)
        {
            int c = _solution[r];
            if (c < 0)
            {
                continue;
            }

            int trackLocal = tracksAsRows ? r : c;
            int plotLocal = tracksAsRows ? c : r;
            Record(_trackOfRow[_rowOrder[_rowStart[component] + trackLocal]], _plotOrder[_plotStart[component] + plotLocal]);
        }
    }

    // Cheapest pair first (ties: earlier pair), each track and plot at most once.
    private void SolveGreedily(int component)
    {
        int first = _pairStart[component];
        int end = _pairStart[component + 1];
        for (int k = first; k < end; k++)
        {
            _trackTaken[_pairTrack[_pairOrder[k]]] = false;
            _plotTaken[_pairPlot[_pairOrder[k]]] = false;
        }

        // Insertion sort of the component's pairs by cost (stable); only oversized components get here.
        for (int k = first + 1; k < end; k++)
        {
            int pair = _pairOrder[k];
            int m = k - 1;
            while (m >= first && _pairCost[_pairOrder[m]] > _pairCost[pair])
            {
                _pairOrder[m + 1] = _pairOrder[m];
                m--;
            }

            _pairOrder[m + 1] = pair;
        }

        for (int k = first; k < end; k++)
        {
            int pair = _pairOrder[k];
            int track = _pairTrack[pair];
            int plot = _pairPlot[pair];
            if (!_trackTaken[track] && !_plotTaken[plot])
            {
                _trackTaken[track] = true;
                _plotTaken[plot] = true;
                Record(track, plot);
            }
        }
    }

    private void Record(int track, int plot)
    {
        _assignedTrack[_assignmentCount] = track;
        _assignedPlot[_assignmentCount++] = plot;
    }

    private int Find(int node)
    {
        int root = node;
        while (_parent[root] != root)
        {
            root = _parent[root];
        }

        // Path compression keeps later finds short.
        while (_parent[node] != root)
        {
            int next = _parent[node];
            _parent[node] = root;
            node = next;
        }

        return root;
    }

    private void Union(int left, int right)
    {
        int a = Find(left);
        int b = Find(right);
        if (a == b)
        {
            return;
        }

        // The smaller index becomes the root: rows (tracks) before plots, so a component's root is a row.
        if (a < b)
        {
            _parent[b] = a;
        }
        else
        {
            _parent[a] = b;
        }
    }
}
