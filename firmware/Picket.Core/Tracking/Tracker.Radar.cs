using Picket.Numerics;
using Picket.Radar;
using Picket.Tracking.Association;

namespace Picket.Tracking;

// Radar plots: identity first (Mode S address, callsign, Mode 3/A with Mode C consistency), each
// within an identity gate, then global nearest neighbour over each batch (RadarBatchAssociator);
// unassigned, ungated plots start tracks.
public sealed partial class Tracker
{
    // Beyond this many metres of a track's predicted position (per axis) a plot is not scored.
    private const int CoarseGateMetres = 10_000;

    private RadarMeasurement[] _plots;
    private PlotGeometry[] _geometry;
    private int _plotCount;
    private long _batchStartMicroseconds;
    private bool[] _taken;
    private bool[] _gated;
    private RadarBatchAssociator _associator;
    private long _assumedHeightRangeVariance;

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
            saturations += _geometry[p].Saturations;
            if (!_geometry[p].Usable)
            {
                Counters.RadarPlotsUnusable++;
            }
        }

        Counters.Saturations += saturations;
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
        _radarSites = new RadarSiteTable(configuration.RadarCapacity);
        _assumedHeightRangeVariance = VarianceFromSigmaMillimetres(configuration.AssumedHeightRangeSigmaMillimetres);
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

    // Identity first: a plot whose Mode S address, callsign or Mode 3/A (with Mode C) names a
    // track is applied to it if it also passes the (wider) identity gate against the track's
    // prediction; one garbled address or code must not teleport a track. A plot outside it is
    // counted and goes on to the kinematic association: without its address or callsign, which
    // are unique and so wrong; with its Mode 3/A, which another aircraft may share (conspicuity codes).
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
            bool unique = true;
            if (_plots[p].HasIcaoAddress)
            {
                index = FindSlotByIcao(_plots[p].IcaoAddress);
            }

            if (index < 0 && _plots[p].HasCallsign)
            {
                index = FindSlotByPlotCallsign(ref _plots[p]);
            }

            if (index < 0 && _plots[p].HasMode3A)
            {
                unique = false;
                index = FindByMode3A(p, out bool outsideGate);
                if (outsideGate && index < 0)
                {
                    Counters.RadarIdentityPlotsOutsideGate++;
                }
            }

            if (index < 0 || _taken[index])
            {
                continue;
            }

            Track track = _tracks[index];
            bool restart = false;
            if (unique && !WithinIdentityGate(track, p))
            {
                Counters.RadarIdentityPlotsOutsideGate++;
                long time = _plots[p].TimeUnixMicroseconds;
                // A garble is a one-off; the same identity outside the gate again in the next scans,
                // with nothing inside it in between, means the track is what is wrong: restart it there.
                restart = track.IdentityOutsideGateMicroseconds != 0 && track.LastRadarMicroseconds < track.IdentityOutsideGateMicroseconds
                    && time - track.IdentityOutsideGateMicroseconds <= (5 * ScanPeriodOf(track)) / 2;
                track.IdentityOutsideGateMicroseconds = restart ? 0 : time;
                if (!restart)
                {
                    plot.IdentityRejected = true;
                    continue;
                }

                Counters.RadarIdentityTrackRestarts++;
            }

            _taken[index] = true;
            plot.Used = true;
            _gated[p] = true;
            if (restart)
            {
                RestartAtPlot(track, p);
            }

            UpdateFromPlot(track, p, true);
        }
    }

    private bool WithinIdentityGate(Track track, int p)
    {
        // A Mode S address on a track its ADS-B feeds: a contradiction is the ADS-B's, not the
        // plot's (the radar saw that address there; see UpdateFromPlot), so it is not gated here.
        if (_plots[p].HasIcaoAddress && track.HasIcaoAddress && IsAdsbFed(track, _plots[p].TimeUnixMicroseconds))
        {
            return true;
        }

        _scratch.CopyFrom(track.Filter);
        long nis = ApplyPlot(track, _scratch, p);
        // Too late to apply at all: UpdateFromPlot counts it.
        return nis == long.MaxValue || nis <= _configuration.RadarIdentityGateNis;
    }

    private int FindSlotByPlotCallsign(ref RadarMeasurement measurement)
    {
        ulong callsign = (ulong)measurement.Callsign;
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (track.InUse && track.HasCallsign && track.CallsignCharacters == callsign && !(measurement.HasIcaoAddress && track.HasIcaoAddress))
            {
                return i;
            }
        }

        return -1;
    }

    // The first track with the plot's Mode 3/A (and an agreeing Mode C) within the identity gate;
    // outsideGate when some track had the code but none passed the gate.
    private int FindByMode3A(int p, out bool outsideGate)
    {
        outsideGate = false;
        PlotGeometry plot = _geometry[p];
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse || _taken[i] || !track.HasMode3A || track.Mode3A != _plots[p].Mode3A || (_plots[p].HasIcaoAddress && track.HasIcaoAddress))
            {
                continue;
            }

            // Mode 3/A codes are not unique (conspicuity codes): the Mode C must agree too.
            if (_plots[p].HasPressureAltitude && track.HasPressureAltitude)
            {
                int difference = _plots[p].PressureAltitudeFeet - track.PressureAltitudeFeet;
                if (difference > _configuration.ModeCToleranceFeet || difference < -_configuration.ModeCToleranceFeet)
                {
                    continue;
                }
            }

            if (!RoughlyNear(track, plot.East, plot.North, _plots[p].TimeUnixMicroseconds))
            {
                continue;
            }

            if (WithinIdentityGate(track, p))
            {
                return i;
            }

            outsideGate = true;
        }

        return -1;
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
                if (!plot.Usable || plot.Used || (!plot.IdentityRejected && IdentityConflict(track, ref _plots[p])) || !RoughlyNear(track, plot.East, plot.North, _plots[p].TimeUnixMicroseconds))
                {
                    continue;
                }

                _scratch.CopyFrom(track.Filter);
                long nis = ApplyPlot(track, _scratch, p);
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
            UpdateFromPlot(_tracks[_associator.AssignedTrack(k)], p, false);
        }
    }

    private static bool IdentityConflict(Track track, ref RadarMeasurement measurement)
    {
        if (measurement.HasIcaoAddress && track.HasIcaoAddress)
        {
            return measurement.IcaoAddress != track.IcaoAddress;
        }

        if (measurement.HasCallsign && track.HasCallsign && (ulong)measurement.Callsign != track.CallsignCharacters)
        {
            return true;
        }

        return measurement.HasMode3A && track.HasMode3A && measurement.Mode3A != track.Mode3A;
    }

    private bool RoughlyNear(Track track, long east, long north, long time)
    {
        int saturations = 0;
        long seconds = Q31x32.FromMicroseconds(time - track.Filter.TimeMicroseconds, ref saturations);
        long predictedEast = track.Filter.Horizontal.Mean[0] + Q31x32.Multiply(track.Filter.Horizontal.Mean[2], seconds, ref saturations);
        long predictedNorth = track.Filter.Horizontal.Mean[1] + Q31x32.Multiply(track.Filter.Horizontal.Mean[3], seconds, ref saturations);
        long limit = Q31x32.FromInteger(CoarseGateMetres);
        long de = predictedEast - east;
        long dn = predictedNorth - north;
        Counters.Saturations += saturations;
        return de < limit && de > -limit && dn < limit && dn > -limit;
    }
}
