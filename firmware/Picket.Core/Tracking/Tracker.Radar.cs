using Picket.Numerics;
using Picket.Radar;
using Picket.Tracking.Association;

namespace Picket.Tracking;

// Radar plots: identity first (Mode S address, Mode 3/A with Mode C consistency), then global
// nearest neighbour over each batch with the optimal assignment; unassigned plots start tracks.
public sealed partial class Tracker
{
    // Beyond this many metres of a track's predicted position (per axis) a plot is not scored.
    private const int CoarseGateMetres = 10_000;

    private RadarMeasurement[] _plots;
    private PlotGeometry[] _geometry;
    private int _plotCount;
    private long _batchStartMicroseconds;
    private bool[] _taken;
    private Track[] _rows;
    private long[] _cost;
    private int[] _assignment;
    private bool[] _gated;
    private AssignmentSolver _solver;

    /// <summary>Adds one radar plot (in time order per radar).</summary>
    /// <param name="measurement">The plot.</param>
    public void AddRadar(ref RadarMeasurement measurement)
    {
        Counters.RadarPlots++;
        if (measurement.AzimuthIsRelative || measurement.RangeMillimetres <= 0)
        {
            Counters.RadarPlotsUnusable++;
            return;
        }

        AdvanceTo(measurement.TimeUnixMicroseconds);
        if (_plotCount > 0 && (_plotCount == _plots.Length || measurement.TimeUnixMicroseconds < _batchStartMicroseconds
            || measurement.TimeUnixMicroseconds - _batchStartMicroseconds > _configuration.BatchSpanMicroseconds))
        {
            FlushRadar();
        }

        if (_plotCount == 0)
        {
            _batchStartMicroseconds = measurement.TimeUnixMicroseconds;
        }

        _plots[_plotCount++] = measurement;
    }

    /// <summary>Associates and applies the pending batch of radar plots now.</summary>
    public void FlushRadar()
    {
        int count = _plotCount;
        if (count == 0)
        {
            return;
        }

        _plotCount = 0;
        for (int i = 0; i < _taken.Length; i++)
        {
            _taken[i] = false;
        }

        int saturations = 0;
        Trigonometry.SinCos(Q2x61.FromDegreesE7(_configuration.MaxElevationDegreesE7, ref saturations), out long sineMaxElevation, out _);
        for (int p = 0; p < count; p++)
        {
            RadarSite(_plots[p].SensorId, out long radarEast, out long radarNorth, out long radarHeight);
            _geometry[p].Prepare(_plane, _configuration, sineMaxElevation, radarEast, radarNorth, radarHeight, ref _plots[p]);
            if (!_geometry[p].Usable)
            {
                Counters.RadarPlotsUnusable++;
            }
        }

        AssociateByIdentity(count);
        AssociateByKinematics(count);
        for (int p = 0; p < count; p++)
        {
            if (_geometry[p].Usable && !_geometry[p].Used && !_gated[p])
            {
                StartFromPlot(p);
            }
        }
    }

    private void AllocateRadar(TrackerConfiguration configuration)
    {
        _radarIds = new int[configuration.RadarCapacity];
        _radarEast = new long[configuration.RadarCapacity];
        _radarNorth = new long[configuration.RadarCapacity];
        _radarHeight = new long[configuration.RadarCapacity];
        int plots = configuration.PlotsPerBatch;
        _plots = new RadarMeasurement[plots];
        _geometry = new PlotGeometry[plots];
        for (int i = 0; i < plots; i++)
        {
            _geometry[i] = new PlotGeometry();
        }

        _gated = new bool[plots];
        _taken = new bool[configuration.TrackCapacity];
        _rows = new Track[plots];
        _cost = new long[plots * plots];
        _assignment = new int[plots];
        _solver = new AssignmentSolver(plots, plots);
    }

    private void AssociateByIdentity(int count)
    {
        for (int p = 0; p < count; p++)
        {
            _gated[p] = false;
            PlotGeometry plot = _geometry[p];
            if (!plot.Usable)
            {
                continue;
            }

            int index = -1;
            if (_plots[p].HasIcaoAddress)
            {
                index = FindSlotByIcao(_plots[p].IcaoAddress);
            }
            else if (_plots[p].HasMode3A)
            {
                index = FindByMode3A(ref _plots[p], plot);
            }

            if (index >= 0 && !_taken[index])
            {
                _taken[index] = true;
                plot.Used = true;
                _gated[p] = true;
                UpdateFromPlot(_tracks[index], p, true);
            }
        }
    }

    private int FindByMode3A(ref RadarMeasurement measurement, PlotGeometry plot)
    {
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse || !track.HasMode3A || track.Mode3A != measurement.Mode3A || (measurement.HasIcaoAddress && track.HasIcaoAddress))
            {
                continue;
            }

            // Mode 3/A codes are not unique (conspicuity codes): the Mode C must agree too.
            if (measurement.HasPressureAltitude && track.HasPressureAltitude)
            {
                int difference = measurement.PressureAltitudeFeet - track.PressureAltitudeFeet;
                if (difference > _configuration.ModeCToleranceFeet || difference < -_configuration.ModeCToleranceFeet)
                {
                    continue;
                }
            }

            if (RoughlyNear(track, plot.East, plot.North, measurement.TimeUnixMicroseconds))
            {
                return i;
            }
        }

        return -1;
    }

    private void AssociateByKinematics(int count)
    {
        int rows = 0;
        for (int i = 0; i < _tracks.Length && rows < _rows.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse || _taken[i])
            {
                continue;
            }

            bool any = false;
            int rowBase = rows * count;
            for (int p = 0; p < count; p++)
            {
                long cost = AssignmentSolver.Forbidden;
                PlotGeometry plot = _geometry[p];
                if (plot.Usable && !plot.Used && !IdentityConflict(track, ref _plots[p]) && RoughlyNear(track, plot.East, plot.North, _plots[p].TimeUnixMicroseconds))
                {
                    _scratch.CopyFrom(track.Filter);
                    long nis = ApplyPlot(_scratch, p);
                    if (nis <= _configuration.RadarGateNis)
                    {
                        // NIS in 1/1024 units: integer costs keep the solver bit-exact.
                        cost = nis >> 22;
                        any = true;
                        _gated[p] = true;
                    }
                }

                _cost[rowBase + p] = cost;
            }

            if (any)
            {
                _rows[rows++] = track;
            }
        }

        if (rows == 0)
        {
            return;
        }

        _solver.Solve(_cost, rows, count, _configuration.RadarGateNis >> 22, _assignment);
        for (int row = 0; row < rows; row++)
        {
            int p = _assignment[row];
            if (p >= 0)
            {
                _geometry[p].Used = true;
                UpdateFromPlot(_rows[row], p, false);
            }
        }
    }

    private static bool IdentityConflict(Track track, ref RadarMeasurement measurement)
    {
        if (measurement.HasIcaoAddress && track.HasIcaoAddress)
        {
            return measurement.IcaoAddress != track.IcaoAddress;
        }

        return measurement.HasMode3A && track.HasMode3A && measurement.Mode3A != track.Mode3A;
    }

    private static bool RoughlyNear(Track track, long east, long north, long time)
    {
        int saturations = 0;
        long seconds = Q31x32.FromMicroseconds(time - track.Filter.TimeMicroseconds, ref saturations);
        long predictedEast = track.Filter.Horizontal.Mean[0] + Q31x32.Multiply(track.Filter.Horizontal.Mean[2], seconds, ref saturations);
        long predictedNorth = track.Filter.Horizontal.Mean[1] + Q31x32.Multiply(track.Filter.Horizontal.Mean[3], seconds, ref saturations);
        long limit = Q31x32.FromInteger(CoarseGateMetres);
        long de = predictedEast - east;
        long dn = predictedNorth - north;
        return de < limit && de > -limit && dn < limit && dn > -limit;
    }
}
