using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;
using Picket.Tracking.Association;
using Picket.Tracking.Filter;

namespace Picket.Tracking;

/// <summary>
/// Radar kinematic association: every plot identity left unassigned against every track it did
/// not take, NIS-gated (<see cref="TrackerConfiguration.RadarGateNis"/>) after the coarse gate and
/// without identity conflict (<see cref="RadarIdentityGate.IdentityConflict"/>), then global
/// nearest neighbour over the gated pairs (<see cref="RadarBatchAssociator"/>, integer costs: bit
/// exact); each assigned plot is applied by the <see cref="RadarUpdater"/>, its variances widened
/// by the chosen assignment's inverse probability when another gating track could as well have
/// taken it (<see cref="TrackerConfiguration.RadarAmbiguityVarianceScaleMaximum"/>). A plot left
/// over is held from starting a track while it lies in a gate, unless every track gating it took
/// another plot of its scan (<see cref="TrackerConfiguration.SecondPlotsStartTracks"/>). The
/// <see cref="DuplicateTracks"/> role is told which tracks shared a plot, and whether each
/// primary-only track near a track updated by identity in the batch coincides with it
/// (<see cref="TrackerConfiguration.IdentityShadowGateNis"/>). Plots are addressed by
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
    private readonly bool[] _plotHeld;
    private readonly TrackFilter _scratch;
    private readonly RadarBatchAssociator _associator;
    private readonly CoarseGate _coarseGate;
    private readonly RadarUpdater _radarUpdater;
    private readonly DuplicateTracks _duplicates;
    private readonly TrackerCounters _counters;
    // The batch's gated pairs (track slot, plot), which slot took each plot and which plot each slot took.
    private readonly int[] _pairTrack;
    private readonly int[] _pairPlot;
    private readonly long[] _pairCost;
    private readonly int[] _plotTrack;
    private readonly int[] _trackPlot;
    // Per track slot: its first pair in the batch's list (a track's pairs are consecutive) and their count.
    private readonly int[] _trackPairStart;
    private readonly int[] _trackPairCount;
    // Per plot: Σ e^(-Δ/2) over the assignments that would give it to another track, Q2.61.
    private readonly long[] _plotAmbiguity;
    // Per track slot: the χ² of its estimate from the identified track being looked at, or -1;
    // and whether it is a track updated by identity in this batch's shadow (MarkIdentityShadows).
    private readonly long[] _identityChiSquare;
    private readonly bool[] _identityShadow;
    // Per plot: gated by a track that is no identity shadow (IdentityShadowsYield).
    private readonly bool[] _plotGatedByOther;
    private int _pairCount;

    /// <summary>Creates the role over the tracker's plot batch and allocates its solver.</summary>
    /// <param name="configuration">The gate, the capacities.</param>
    /// <param name="tracks">The track slots.</param>
    /// <param name="plots">The batch's plots.</param>
    /// <param name="geometry">Their geometry, same length.</param>
    /// <param name="taken">Per track slot: already updated by identity in this batch.</param>
    /// <param name="gated">Per plot: held from starting a track (inside a track's gate, unless every such track took another plot of its scan: <see cref="TrackerConfiguration.SecondPlotsStartTracks"/>).</param>
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
        _pairCost = new long[configuration.GatedPairsPerBatch];
        _plotTrack = new int[configuration.PlotsPerBatch];
        _plotAmbiguity = new long[configuration.PlotsPerBatch];
        _identityChiSquare = new long[tracks.Length];
        _identityShadow = new bool[tracks.Length];
        _plotGatedByOther = new bool[configuration.PlotsPerBatch];
        _plotHeld = new bool[configuration.PlotsPerBatch];
        _trackPairStart = new int[tracks.Length];
        _trackPairCount = new int[tracks.Length];
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
    // pair costing its generalised distance (PairCost). An identity shadow (MarkIdentityShadows)
    // is offered only the plots no other track gates: its aircraft most likely answered by
    // identity in this batch, and a radar gives a target one plot a scan (transponder-masking: the
    // masker's old track, beside its identified one, took the intruder's plots from the
    // intruder's own track, which coasted and ended).
    public void AssociateByKinematics(int count, long now)
    {
        _associator.Begin(count);
        _pairCount = 0;
        for (int p = 0; p < count; p++)
        {
            _plotTrack[p] = -1;
            _plotGatedByOther[p] = false;
        }

        bool shadows = _configuration.IdentityShadowsYield && _configuration.IdentityShadowedScans > 0 && MarkIdentityShadows(now);
        for (int i = 0; i < _tracks.Length; i++)
        {
            _trackPairStart[i] = _pairCount;
            _trackPairCount[i] = 0;
            if (!shadows || !_identityShadow[i])
            {
                GatePairs(i, count, false);
            }
        }

        if (shadows)
        {
            for (int i = 0; i < _tracks.Length; i++)
            {
                if (_identityShadow[i])
                {
                    _trackPairStart[i] = _pairCount;
                    GatePairs(i, count, true);
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
        }

        if (_configuration.SecondPlotsStartTracks)
        {
            ReleaseSecondPlots(count);
        }

        bool widen = _configuration.RadarAmbiguityVarianceScaleMaximum > Q31x32.One;
        if (widen)
        {
            WeighAmbiguity(count);
        }

        for (int k = 0; k < _associator.AssignmentCount; k++)
        {
            int p = _associator.AssignedPlot(k);
            _radarUpdater.UpdateFromPlot(_tracks[_associator.AssignedTrack(k)], p, false, now, widen ? AmbiguityScale(p) : Q31x32.One);
        }

        if (_configuration.IdentityShadowedScans > 0)
        {
            ObserveIdentityShadows(now);
        }

        ObserveDuplicates(now);
    }

    // The NIS-gated pairs of one track slot not taken by identity, added to the solver and the
    // batch's list; an identity shadow's only for plots no other track gated.
    private void GatePairs(int i, int count, bool shadow)
    {
        Track track = _tracks[i];
        if (!track.InUse || _taken[i])
        {
            return;
        }

        for (int p = 0; p < count; p++)
        {
            PlotGeometry plot = _geometry[p];
            if (!plot.Usable || plot.Used || (shadow && _plotGatedByOther[p]) || (!plot.IdentityRejected && RadarIdentityGate.IdentityConflict(track, ref _plots[p])) || !_coarseGate.RoughlyNear(track, plot.East, plot.North, _plots[p].TimeUnixMicroseconds) || _radarUpdater.BelowChosenHeight(track, p))
            {
                continue;
            }

            _scratch.CopyFrom(track.Filter);
            long nis = _radarUpdater.ApplyPlot(track, _scratch, p);
            if (nis <= _configuration.RadarGateNis)
            {
                _gated[p] = true;
                if (!shadow)
                {
                    _plotGatedByOther[p] = true;
                }

                long cost = PairCost(nis, _scratch, _radarUpdater.LastRangeVariance, plot.CrossRangeVariance);
                // Generalised distance in 1/1024 units: integer costs keep the solver bit-exact.
                _associator.AddPair(i, p, cost >> 22);
                if (_pairCount < _pairTrack.Length)
                {
                    _pairTrack[_pairCount] = i;
                    _pairPlot[_pairCount] = p;
                    _pairCost[_pairCount] = cost;
                    _pairCount++;
                    _trackPairCount[i]++;
                }
            }
        }
    }

    // For each track the radar updated by identity in this batch, marks the nearest primary-only
    // track past its tentative stage within IdentityShadowGateNis (IdentityChiSquares) as its
    // shadow; true when any is. A tentative track's wide covariance reaches neighbours kilometres
    // away, and it would yield the plots that confirm it (with tentative shadows, jet-formation
    // tuning seed 140's third fighter was first held 16 s later).
    private bool MarkIdentityShadows(long now)
    {
        bool any = false;
        for (int i = 0; i < _tracks.Length; i++)
        {
            _identityShadow[i] = false;
        }

        for (int c = 0; c < _tracks.Length; c++)
        {
            if (!IdentityChiSquares(c, now))
            {
                continue;
            }

            int nearest = -1;
            for (int i = 0; i < _tracks.Length; i++)
            {
                if (_identityChiSquare[i] >= 0 && _tracks[i].Status != TrackStatus.Tentative && (nearest < 0 || _identityChiSquare[i] < _identityChiSquare[nearest]))
                {
                    nearest = i;
                }
            }

            if (nearest >= 0 && _identityChiSquare[nearest] < _configuration.IdentityShadowGateNis)
            {
                _identityShadow[nearest] = true;
                any = true;
            }
        }

        return any;
    }

    // Every primary-only track roughly near a track updated by identity in this batch, and whether
    // its estimate, predicted to now, lies within IdentityShadowGateNis of that track's
    // (IdentityChiSquares): DuplicateTracks.ObserveIdentityShadow.
    private void ObserveIdentityShadows(long now)
    {
        for (int c = 0; c < _tracks.Length; c++)
        {
            if (!IdentityChiSquares(c, now))
            {
                continue;
            }

            for (int i = 0; i < _tracks.Length; i++)
            {
                if (_identityChiSquare[i] >= 0)
                {
                    _duplicates.ObserveIdentityShadow(_tracks[i], _tracks[c], _identityChiSquare[i] < _configuration.IdentityShadowGateNis, now);
                }
            }
        }
    }

    // For track slot c, if the radar updated it by identity in this batch (else false): the χ² of
    // every primary-only track roughly near it that the identity-shadow rule watches (its
    // estimate, predicted to now, against the identified track's: the difference of the two
    // positions against the primary track's position covariance plus the identified track's
    // variance) in _identityChiSquare, -1 for the others.
    private bool IdentityChiSquares(int c, long now)
    {
        Track identified = _tracks[c];
        if (!_taken[c] || !identified.InUse || identified.Filter.TimeMicroseconds > now)
        {
            return false;
        }

        int saturations = 0;
        TrackKinematics.PredictedPosition(identified, now, out long east, out long north, ref saturations);
        long variance = TrackKinematics.PredictedPositionVariance(identified, now);
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            _identityChiSquare[i] = -1;
            if (_taken[i] || !_duplicates.WatchesIdentityShadow(track) || track.Filter.TimeMicroseconds > now || !_coarseGate.RoughlyNear(track, east, north, now))
            {
                continue;
            }

            // The combined estimate's covariance (with the manoeuvre model, not the widest mode's gate).
            _scratch.CopyFrom(track.Filter);
            _scratch.Predict(now);
            GaussianEstimate predicted = _scratch.Horizontal;
            _identityChiSquare[i] = TrackKinematics.ChiSquare(predicted.Mean[0] - east, predicted.Mean[1] - north, predicted.CovarianceAt(0, 0) + variance, predicted.CovarianceAt(0, 1), predicted.CovarianceAt(1, 1) + variance, ref saturations);
        }

        _counters.Saturations += saturations;
        return true;
    }

    // A plot no track took, in the gates of tracks that each took another plot of this batch
    // scanned at most SecondPlotMaximumSeparationMicroseconds from it, is no longer held from
    // starting a track: those tracks' targets each have their plot of this scan, so this one is
    // another target's (or clutter's). A plot in the gate of a track left without one stays held
    // (that track's target, or its clutter, is as likely), and so does one further in time from
    // the plot the gating track took (a batch longer than the radar's scan, with its period unknown,
    // could hold one target's plots of two scans). With a gated pair left unrecorded
    // (GatedPairsPerBatch reached) every gated plot stays held.
    private void ReleaseSecondPlots(int count)
    {
        if (_pairCount == _pairTrack.Length)
        {
            return;
        }

        for (int p = 0; p < count; p++)
        {
            _plotHeld[p] = false;
        }

        for (int k = 0; k < _pairCount; k++)
        {
            int p = _pairPlot[k];
            int q = _trackPlot[_pairTrack[k]];
            long separation = q < 0 ? long.MaxValue : _plots[p].TimeUnixMicroseconds - _plots[q].TimeUnixMicroseconds;
            if (separation < 0)
            {
                separation = -separation;
            }

            if (separation > _configuration.SecondPlotMaximumSeparationMicroseconds)
            {
                _plotHeld[p] = true;
            }
        }

        for (int k = 0; k < _pairCount; k++)
        {
            int p = _pairPlot[k];
            if (_plotTrack[p] < 0 && !_plotHeld[p])
            {
                _gated[p] = false;
            }
        }
    }

    // For every gated pair whose plot another track took: the assignment that gives the plot to
    // this track instead (and this track's own plot, if any, to the owner, when the owner gated
    // it; else skipped: that alternative leaves a plot or a track unassigned) costs Δ more; the
    // owner's plot collects e^(-Δ/2), the alternative's likelihood against the chosen one's.
    private void WeighAmbiguity(int count)
    {
        for (int p = 0; p < count; p++)
        {
            _plotAmbiguity[p] = 0;
        }

        for (int k = 0; k < _pairCount; k++)
        {
            int m = _pairTrack[k];
            int p = _pairPlot[k];
            int owner = _plotTrack[p];
            if (owner < 0 || owner == m)
            {
                continue;
            }

            long chosen = PairCostOf(owner, p);
            int q = _trackPlot[m];
            long ownerTakingQ = q >= 0 ? PairCostOf(owner, q) : 0;
            long mTakingQ = q >= 0 ? PairCostOf(m, q) : 0;
            if (chosen == long.MaxValue || ownerTakingQ == long.MaxValue || mTakingQ == long.MaxValue || _plotAmbiguity[p] >= 2 * Q2x61.One)
            {
                continue;
            }

            // A negative Δ (a greedily solved cluster) counts as a tie.
            long delta = _pairCost[k] - chosen + ownerTakingQ - mTakingQ;
            _plotAmbiguity[p] += Transcendental.ExpNegative(delta / 2);
        }
    }

    // The cost of the gated pair (track slot, plot), or long.MaxValue when it was not gated.
    private long PairCostOf(int track, int plot)
    {
        int end = _trackPairStart[track] + _trackPairCount[track];
        for (int k = _trackPairStart[track]; k < end; k++)
        {
            if (_pairPlot[k] == plot)
            {
                return _pairCost[k];
            }
        }

        return long.MaxValue;
    }

    // 1 + the plot's ambiguity (the chosen assignment's probability, inverted), Q31.32, capped.
    private long AmbiguityScale(int p)
    {
        long scale = Q31x32.One + (_plotAmbiguity[p] >> (Q2x61.FractionBits - Q31x32.FractionBits));
        long cap = _configuration.RadarAmbiguityVarianceScaleMaximum;
        return scale > cap ? cap : scale;
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
