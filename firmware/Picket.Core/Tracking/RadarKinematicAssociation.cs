using Picket.Numerics;
using Picket.Radar;
using Picket.Tracking.Association;
using Picket.Tracking.Filter;

namespace Picket.Tracking;

/// <summary>
/// Radar kinematic association: every plot identity left unassigned against every track it did
/// not take, NIS-gated (<see cref="TrackerConfiguration.RadarGateNis"/>) after the coarse gate and
/// without identity conflict (<see cref="RadarIdentityGate.IdentityConflict"/>), then global
/// nearest neighbour over the gated pairs (<see cref="RadarBatchAssociator"/>, integer costs: bit
/// exact); each assigned plot is applied by the <see cref="RadarUpdater"/>. Plots are addressed by
/// their index in the tracker's batch; <c>taken</c> and <c>gated</c> are shared with the identity gate.
/// </summary>
internal sealed class RadarKinematicAssociation
{
    private readonly TrackerConfiguration _configuration;
    private readonly Track[] _tracks;
    private readonly RadarMeasurement[] _plots;
    private readonly PlotGeometry[] _geometry;
    private readonly bool[] _taken;
    private readonly bool[] _gated;
    private readonly TrackFilter _scratch;
    private readonly RadarBatchAssociator _associator;
    private readonly CoarseGate _coarseGate;
    private readonly RadarUpdater _radarUpdater;
    private readonly DuplicateTracks _duplicates;
    private readonly TrackerCounters _counters;
    // The batch's gated pairs (track slot, plot), which slot took each plot and which plot each slot took.
    private readonly int[] _pairTrack;
    private readonly int[] _pairPlot;
    private readonly int[] _plotTrack;
    private readonly int[] _trackPlot;
    private int _pairCount;

    /// <summary>Creates the role over the tracker's plot batch and allocates its solver.</summary>
    /// <param name="configuration">The gate, the capacities.</param>
    /// <param name="tracks">The track slots.</param>
    /// <param name="plots">The batch's plots.</param>
    /// <param name="geometry">Their geometry, same length.</param>
    /// <param name="taken">Per track slot: already updated by identity in this batch.</param>
    /// <param name="gated">Per plot: inside some track's gate (starts no track).</param>
    /// <param name="scratch">The tracker's scratch filter.</param>
    /// <param name="coarseGate">The coarse gate.</param>
    /// <param name="radarUpdater">Computes the NIS of a pair; applies the assigned plots.</param>
    /// <param name="duplicates">Told which tracks shared a plot (two tracks on one target).</param>
    /// <param name="counters">Counts dropped pairs and greedily solved clusters.</param>
    public RadarKinematicAssociation(TrackerConfiguration configuration, Track[] tracks, RadarMeasurement[] plots, PlotGeometry[] geometry, bool[] taken, bool[] gated, TrackFilter scratch, CoarseGate coarseGate, RadarUpdater radarUpdater, DuplicateTracks duplicates, TrackerCounters counters)
    {
        _configuration = configuration;
        _tracks = tracks;
        _plots = plots;
        _geometry = geometry;
        _taken = taken;
        _gated = gated;
        _scratch = scratch;
        _coarseGate = coarseGate;
        _radarUpdater = radarUpdater;
        _duplicates = duplicates;
        _counters = counters;
        _pairTrack = new int[configuration.GatedPairsPerBatch];
        _pairPlot = new int[configuration.GatedPairsPerBatch];
        _plotTrack = new int[configuration.PlotsPerBatch];
        _trackPlot = new int[tracks.Length];
        for (int i = 0; i < _trackPlot.Length; i++)
        {
            _trackPlot[i] = -1;
        }
        int plotCount = configuration.PlotsPerBatch;
        // Every track may be a candidate; the cost matrix stays plots², the largest component solved optimally.
        _associator = new RadarBatchAssociator(configuration.TrackCapacity, plotCount, configuration.GatedPairsPerBatch, plotCount * plotCount);
    }

    // Global nearest neighbour over the NIS-gated pairs of every track not taken by identity, each
    // pair costing its generalised distance (PairCost).
    public void AssociateByKinematics(int count, long now)
    {
        _associator.Begin(count);
        _pairCount = 0;
        for (int p = 0; p < count; p++)
        {
            _plotTrack[p] = -1;
        }
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
                if (!plot.Usable || plot.Used || (!plot.IdentityRejected && RadarIdentityGate.IdentityConflict(track, ref _plots[p])) || !_coarseGate.RoughlyNear(track, plot.East, plot.North, _plots[p].TimeUnixMicroseconds) || _radarUpdater.BelowChosenHeight(track, p))
                {
                    continue;
                }

                _scratch.CopyFrom(track.Filter);
                long nis = _radarUpdater.ApplyPlot(track, _scratch, p);
                if (nis <= _configuration.RadarGateNis)
                {
                    _gated[p] = true;
                    // Generalised distance in 1/1024 units: integer costs keep the solver bit-exact.
                    _associator.AddPair(i, p, PairCost(nis, _scratch, _radarUpdater.LastRangeVariance, plot.CrossRangeVariance) >> 22);
                    if (_pairCount < _pairTrack.Length)
                    {
                        _pairTrack[_pairCount] = i;
                        _pairPlot[_pairCount] = p;
                        _pairCount++;
                    }
                }
            }
        }

        // Every pair costs at most the gate plus the cap: no gated pair is dearer than a miss.
        _associator.Solve((_configuration.RadarGateNis + Q31x32.FromInteger(LogRatioCap)) >> 22);
        _counters.RadarGatedPairsDropped += _associator.DroppedPairs;
        _counters.RadarClustersSolvedGreedily += _associator.GreedyComponents;
        for (int k = 0; k < _associator.AssignmentCount; k++)
        {
            int p = _associator.AssignedPlot(k);
            int i = _associator.AssignedTrack(k);
            _geometry[p].Used = true;
            _plotTrack[p] = i;
            _trackPlot[i] = p;
            _radarUpdater.UpdateFromPlot(_tracks[i], p, false, now);
        }

        ObserveDuplicates(now);
    }

    // Bound on the pair cost's log term: a track whose innovation covariance is e^16 times the
    // plot's own is beyond any gate; the bound keeps every cost within the miss cost.
    private const int LogRatioCap = 16;

    // The generalised distance d² + ln |S| (the generalised statistical distance of Blackman,
    // Multiple-Target Tracking with Radar Applications, 1986), less the plot's own
    // ln |R| (the same for every track competing for the plot, so the assignment is unchanged,
    // and the cost never negative): NIS + ln(s_range / r_range) + ln(s_cross / r_cross). With the
    // NIS alone a track with a wide covariance (coasting, just born, in its manoeuvre mode) is
    // near every plot and takes them from the precise tracks around it: in the gulf's formation a
    // coasting bandit track took its neighbour's plot and the neighbour coasted in turn.
    private long PairCost(long nis, TrackFilter filter, long rangeVariance, long crossRangeVariance)
    {
        int saturations = 0;
        long log2 = Transcendental.Log2(filter.LastRangeInnovationVariance, ref saturations) - Transcendental.Log2(rangeVariance, ref saturations)
            + Transcendental.Log2(filter.LastCrossInnovationVariance, ref saturations) - Transcendental.Log2(crossRangeVariance, ref saturations);
        long ratio = FixedPoint.MultiplyShift(Transcendental.NaturalLogOf2, log2, Q2x61.FractionBits, ref saturations);
        long cap = Q31x32.FromInteger(LogRatioCap);
        ratio = ratio < 0 ? 0 : ratio > cap ? cap : ratio;
        _counters.Saturations += saturations;
        return nis + ratio;
    }

    // Every gated pair whose plot another track took: the track was shadowed (it took none) or
    // contested (it took its own) by that track (DuplicateTracks); then the slots' marks are cleared.
    private void ObserveDuplicates(long now)
    {
        for (int k = 0; k < _pairCount; k++)
        {
            int i = _pairTrack[k];
            int owner = _plotTrack[_pairPlot[k]];
            if (owner >= 0 && owner != i)
            {
                _duplicates.Observe(_tracks[i], _tracks[owner], _trackPlot[i] < 0, now);
            }
        }

        for (int k = 0; k < _pairCount; k++)
        {
            _trackPlot[_pairTrack[k]] = -1;
        }
    }
}
