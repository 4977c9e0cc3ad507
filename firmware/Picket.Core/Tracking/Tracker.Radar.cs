using Picket.Numerics;
using Picket.Radar;
using Picket.Tracking.Association;

namespace Picket.Tracking;

// Radar plots: identity first (Mode S address, callsign, Mode 3/A with Mode C consistency), each
// within an identity gate, then global nearest neighbour over each batch (RadarBatchAssociator);
// unassigned, ungated plots start tracks.
public sealed partial class Tracker
{
    private RadarMeasurement[] _plots;
    private PlotGeometry[] _geometry;
    private int _plotCount;
    private long _batchStartMicroseconds;
    private long _batchSpanMicroseconds;
    private bool[] _taken;
    private bool[] _gated;
    private RadarBatchAssociator _associator;

    /// <summary>Adds one radar plot (in time order per radar).</summary>
    /// <param name="measurement">The plot.</param>
    public void AddRadar(ref RadarMeasurement measurement)
    {
        Counters.RadarPlots++;
        if (!measurement.HasPosition && (measurement.AzimuthIsRelative || measurement.RangeMillimetres <= 0))
        {
            Counters.RadarPlotsUnusable++;
            return;
        }

        AdvanceTo(measurement.TimeUnixMicroseconds);
        if (_plotCount > 0 && (_plotCount == _plots.Length || measurement.TimeUnixMicroseconds < _batchStartMicroseconds
            || measurement.TimeUnixMicroseconds - _batchStartMicroseconds > _batchSpanMicroseconds))
        {
            FlushRadar();
        }

        if (_plotCount == 0)
        {
            // A batch spans at most half of this radar's scan: one target's plots of two scans
            // (1 s apart on a 1 s radar) never compete in one assignment.
            _batchStartMicroseconds = measurement.TimeUnixMicroseconds;
            long halfScan = _radarSites.ScanPeriodOf(measurement.SensorId, _configuration.ScanPeriodMicroseconds) / 2;
            _batchSpanMicroseconds = _configuration.BatchSpanMicroseconds < halfScan ? _configuration.BatchSpanMicroseconds : halfScan;
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
            CorrectPlot(p);
            _geometry[p].Prepare(_plane, _configuration, sineMaxElevation, radarEast, radarNorth, radarHeight, ref _plots[p]);
            saturations += _geometry[p].Saturations;
            if (!_geometry[p].Usable)
            {
                Counters.RadarPlotsUnusable++;
            }
        }

        Counters.Saturations += saturations;
        _identityGate.AssociateByIdentity(count, _nowMicroseconds);
        AssociateByKinematics(count);
        for (int p = 0; p < count; p++)
        {
            if (_geometry[p].Usable && !_geometry[p].Used && !_gated[p])
            {
                _radarUpdater.StartFromPlot(p, _nowMicroseconds);
            }
        }
    }

    private void AllocateRadar(TrackerConfiguration configuration)
    {
        _radarSites = new RadarSiteTable(configuration.RadarCapacity);
        int plots = configuration.PlotsPerBatch;
        _plots = new RadarMeasurement[plots];
        _geometry = new PlotGeometry[plots];
        for (int i = 0; i < plots; i++)
        {
            _geometry[i] = new PlotGeometry();
        }

        _gated = new bool[plots];
        _taken = new bool[configuration.TrackCapacity];
        // Every track may be a candidate; the cost matrix stays plots², the largest component solved optimally.
        _associator = new RadarBatchAssociator(configuration.TrackCapacity, plots, configuration.GatedPairsPerBatch, plots * plots);
    }

    // Global nearest neighbour over the NIS-gated pairs of every track not taken by identity.
    private void AssociateByKinematics(int count)
    {
        _associator.Begin(count);
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse || _taken[i])
            {
                continue;
            }

            for (int p = 0; p < count; p++)
            {
                PlotGeometry plot = _geometry[p];
                if (!plot.Usable || plot.Used || (!plot.IdentityRejected && RadarIdentityGate.IdentityConflict(track, ref _plots[p])) || !RoughlyNear(track, plot.East, plot.North, _plots[p].TimeUnixMicroseconds))
                {
                    continue;
                }

                _scratch.CopyFrom(track.Filter);
                long nis = _radarUpdater.ApplyPlot(track, _scratch, p);
                if (nis <= _configuration.RadarGateNis)
                {
                    _gated[p] = true;
                    // NIS in 1/1024 units: integer costs keep the solver bit-exact.
                    _associator.AddPair(i, p, nis >> 22);
                }
            }
        }

        _associator.Solve(_configuration.RadarGateNis >> 22);
        Counters.RadarGatedPairsDropped += _associator.DroppedPairs;
        Counters.RadarClustersSolvedGreedily += _associator.GreedyComponents;
        for (int k = 0; k < _associator.AssignmentCount; k++)
        {
            int p = _associator.AssignedPlot(k);
            _geometry[p].Used = true;
            _radarUpdater.UpdateFromPlot(_tracks[_associator.AssignedTrack(k)], p, false, _nowMicroseconds);
        }
    }

    private bool RoughlyNear(Track track, long east, long north, long time) => _coarseGate.RoughlyNear(track, east, north, time);
}
