using Picket.Numerics;

namespace Picket.Tracking.Life;

/// <summary>
/// The false-plot density around each radar, learnt from the plots that no confirmed track claimed: a
/// polar grid (range cells × azimuth cells) per radar whose counts forget exponentially, one
/// factor (1 − 2^-<see cref="TrackerConfiguration.ClutterMemoryShift"/>) per scan period. The
/// rate of a cell is its count divided by the equally forgotten number of scans seen, so the
/// estimate is unbiased from the first scan on. The density at a plot is the largest of the
/// configured floor, the radar's global density (everything it learnt over the disc out to the
/// farthest cell with a plot: uniform clutter) and the plot's own cell (a coast, a ship lane,
/// ground near the mast), once the cell holds <see cref="TrackerConfiguration.ClutterCellMinimumPlots"/>
/// (the plot that starts a real target's track is not clutter evidence on its own). Counts are Q16.16 plots; everything is allocated in the constructor.
/// </summary>
public sealed class ClutterMap
{
    private const int CountFractionBits = 16;
    private const int CountOne = 1 << CountFractionBits;

    private readonly int _rangeCells;
    private readonly int _azimuthCells;
    private readonly long _rangeCellMillimetres;
    private readonly int _memoryShift;
    private readonly long _logFloor;
    private readonly int _cellMinimum;
    private readonly long _minimumScans;
    private readonly int[] _sensorIds;
    private readonly bool[] _inUse;
    private readonly int[] _counts;
    private readonly long[] _totals;
    private readonly long[] _scans;
    private readonly int[] _farthestCell;
    private readonly long[] _logCellArea;
    private readonly long[] _logDiscArea;
    private long _nextDecayMicroseconds;
    private bool _hasTime;

    /// <summary>Allocates the grids.</summary>
    /// <param name="configuration">Radar capacity, grid size, memory and the density floor (read once).</param>
    public ClutterMap(TrackerConfiguration configuration)
    {
        if (configuration == null)
        {
            throw new System.ArgumentNullException(nameof(configuration));
        }

        _rangeCells = configuration.ClutterRangeCells;
        _azimuthCells = configuration.ClutterAzimuthCells;
        _rangeCellMillimetres = configuration.ClutterRangeCellMetres * 1000L;
        _memoryShift = configuration.ClutterMemoryShift;
        _cellMinimum = configuration.ClutterCellMinimumPlots << CountFractionBits;

        // One scan, forgotten once: the weight after the first step (also used before it).
        _minimumScans = CountOne - (CountOne >> _memoryShift);
        if (_rangeCells < 1 || _rangeCells > 1_024 || _azimuthCells < 1 || _azimuthCells > 1_024 || configuration.ClutterRangeCellMetres < 1
            || _memoryShift < 1 || _memoryShift > 14 || configuration.ScoreFalsePlotsPerScanPerMillionSquareKilometres < 1
            || configuration.ClutterCellMinimumPlots < 0 || configuration.ClutterCellMinimumPlots > 30_000)
        {
            throw new System.ArgumentOutOfRangeException(nameof(configuration), "Clutter grid, memory or density floor out of range.");
        }

        int radars = configuration.RadarCapacity;
        _sensorIds = new int[radars];
        _inUse = new bool[radars];
        _counts = new int[radars * _rangeCells * _azimuthCells];
        _totals = new long[radars];
        _scans = new long[radars];
        _farthestCell = new int[radars];
        _logFloor = LogarithmNats.OfInteger(configuration.ScoreFalsePlotsPerScanPerMillionSquareKilometres) - (2 * LogarithmNats.OfInteger(1_000_000));

        // Cell i spans radii i·d to (i+1)·d: area π d² (2i + 1) / N; the disc to (i+1)·d: π d² (i + 1)².
        long logPiSquareCell = LogarithmNats.Of(Q2x61.Pi, Q2x61.FractionBits) + (2 * LogarithmNats.OfInteger(configuration.ClutterRangeCellMetres));
        long logAzimuthCells = LogarithmNats.OfInteger(_azimuthCells);
        _logCellArea = new long[_rangeCells];
        _logDiscArea = new long[_rangeCells];
        for (int i = 0; i < _rangeCells; i++)
        {
            _logCellArea[i] = logPiSquareCell + LogarithmNats.OfInteger((2 * i) + 1) - logAzimuthCells;
            _logDiscArea[i] = logPiSquareCell + (2 * LogarithmNats.OfInteger(i + 1));
        }
    }

    /// <summary>Plots not learnt because every radar slot was taken or the plot lay beyond the grid.</summary>
    public long PlotsRefused { get; private set; }

    /// <summary>Forgets by one factor per whole scan period elapsed since the last call (everything after a gap of 16 × 2^shift scans).</summary>
    /// <param name="nowMicroseconds">Data time, UTC µs.</param>
    /// <param name="scanPeriodMicroseconds">The scan period (one forgetting step), µs, &gt; 0.</param>
    public void AdvanceTo(long nowMicroseconds, long scanPeriodMicroseconds)
    {
        if (!_hasTime)
        {
            _hasTime = true;
            _nextDecayMicroseconds = nowMicroseconds + scanPeriodMicroseconds;
            return;
        }

        if (nowMicroseconds < _nextDecayMicroseconds)
        {
            return;
        }

        long steps = 1 + ((nowMicroseconds - _nextDecayMicroseconds) / scanPeriodMicroseconds);
        if (steps > (16L << _memoryShift))
        {
            // A gap in the data this long has forgotten everything (to (1 - 2^-k)^(16·2^k) < e^-16):
            // start afresh instead of walking the grid once per scan of the gap.
            Forget();
            _nextDecayMicroseconds = nowMicroseconds + scanPeriodMicroseconds;
            return;
        }

        for (long step = 0; step < steps; step++)
        {
            Decay();
        }

        _nextDecayMicroseconds += steps * scanPeriodMicroseconds;
    }

    /// <summary>Counts one plot that no track claimed.</summary>
    /// <param name="sensorId">The radar (SAC × 256 + SIC or the NMEA source's id).</param>
    /// <param name="rangeMillimetres">Slant range, mm.</param>
    /// <param name="azimuthMicrodegrees">Azimuth, 0 to 359,999,999 µdeg clockwise from north.</param>
    public void Learn(int sensorId, long rangeMillimetres, int azimuthMicrodegrees)
    {
        int radar = RadarSlot(sensorId, true);
        int rangeCell = RangeCell(rangeMillimetres);
        if (radar < 0 || rangeCell < 0)
        {
            PlotsRefused++;
            return;
        }

        int index = Index(radar, rangeCell, AzimuthCell(azimuthMicrodegrees));
        if (_counts[index] <= int.MaxValue - CountOne)
        {
            _counts[index] += CountOne;
        }

        _totals[radar] += CountOne;
        if (rangeCell > _farthestCell[radar])
        {
            _farthestCell[radar] = rangeCell;
        }
    }

    /// <summary>ln of the false-plot density at a plot, per m² per scan, Q31.32 nats.</summary>
    /// <param name="sensorId">The radar.</param>
    /// <param name="rangeMillimetres">Slant range, mm.</param>
    /// <param name="azimuthMicrodegrees">Azimuth, µdeg.</param>
    /// <returns>The largest of the floor, the radar's global density and the cell's density.</returns>
    public long LogDensity(int sensorId, long rangeMillimetres, int azimuthMicrodegrees)
    {
        int radar = RadarSlot(sensorId, false);
        if (radar < 0)
        {
            return _logFloor;
        }

        long logScans = LogarithmNats.Of(_scans[radar] > _minimumScans ? _scans[radar] : _minimumScans, CountFractionBits);
        long density = _logFloor;
        if (_totals[radar] > 0)
        {
            long global = LogarithmNats.Of(_totals[radar], CountFractionBits) - logScans - _logDiscArea[_farthestCell[radar]];
            density = global > density ? global : density;
        }

        int rangeCell = RangeCell(rangeMillimetres);
        if (rangeCell >= 0)
        {
            int count = _counts[Index(radar, rangeCell, AzimuthCell(azimuthMicrodegrees))];
            if (count >= _cellMinimum && count > 0)
            {
                long local = LogarithmNats.Of(count, CountFractionBits) - logScans - _logCellArea[rangeCell];
                density = local > density ? local : density;
            }
        }

        return density;
    }

    /// <summary>A cell's learnt rate, Q16.16 false plots per scan (for tests and diagnostics).</summary>
    /// <param name="sensorId">The radar.</param>
    /// <param name="rangeCell">Range cell, 0 at the radar.</param>
    /// <param name="azimuthCell">Azimuth cell, 0 from north clockwise.</param>
    /// <returns>The rate, or 0 for an unknown radar.</returns>
    public long CellRate(int sensorId, int rangeCell, int azimuthCell)
    {
        int radar = RadarSlot(sensorId, false);
        if (radar < 0)
        {
            return 0;
        }

        long scans = _scans[radar] > _minimumScans ? _scans[radar] : _minimumScans;
        int saturations = 0;
        return FixedPoint.DivideShift(_counts[Index(radar, rangeCell, azimuthCell)], scans, CountFractionBits, ref saturations);
    }

    private void Decay()
    {
        for (int radar = 0; radar < _inUse.Length; radar++)
        {
            if (!_inUse[radar])
            {
                continue;
            }

            int start = radar * _rangeCells * _azimuthCells;
            int end = start + (_rangeCells * _azimuthCells);
            for (int i = start; i < end; i++)
            {
                _counts[i] -= _counts[i] >> _memoryShift;
            }

            _totals[radar] -= _totals[radar] >> _memoryShift;
            // The scan just ended counts with the same one factor as its plots: the rate is unbiased.
            _scans[radar] += CountOne;
            _scans[radar] -= _scans[radar] >> _memoryShift;
        }
    }

    private void Forget()
    {
        for (int i = 0; i < _counts.Length; i++)
        {
            _counts[i] = 0;
        }

        for (int radar = 0; radar < _inUse.Length; radar++)
        {
            _totals[radar] = 0;
            _scans[radar] = 0;
            _farthestCell[radar] = 0;
        }
    }

    private int RadarSlot(int sensorId, bool add)
    {
        for (int i = 0; i < _inUse.Length; i++)
        {
            if (_inUse[i] && _sensorIds[i] == sensorId)
            {
                return i;
            }
        }

        if (!add)
        {
            return -1;
        }

        for (int i = 0; i < _inUse.Length; i++)
        {
            if (!_inUse[i])
            {
                _inUse[i] = true;
                _sensorIds[i] = sensorId;
                return i;
            }
        }

        return -1;
    }

    private int RangeCell(long rangeMillimetres)
    {
        long cell = rangeMillimetres / _rangeCellMillimetres;
        return rangeMillimetres < 0 || cell >= _rangeCells ? -1 : (int)cell;
    }

    private int AzimuthCell(int azimuthMicrodegrees)
    {
        long azimuth = azimuthMicrodegrees % 360_000_000;
        if (azimuth < 0)
        {
            azimuth += 360_000_000;
        }

        return (int)(azimuth * _azimuthCells / 360_000_000);
    }

    private int Index(int radar, int rangeCell, int azimuthCell) => (((radar * _rangeCells) + rangeCell) * _azimuthCells) + azimuthCell;
}
