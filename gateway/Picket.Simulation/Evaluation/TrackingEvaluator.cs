using Picket.Simulation.Events;
using Picket.Simulation.Geodesy;
using Picket.Simulation.Truth;

namespace Picket.Simulation.Evaluation;

/// <summary>
/// Scores a tracker's output against the simulation's truth: GOSPA, RMSE, NEES, SIAP
/// completeness/ambiguity/spuriousness, track-id changes, time to confirmation, false tracks,
/// and time-to-alert per zone incursion. Feed it everything, then call <see cref="Finish"/>.
/// </summary>
/// <remarks>
/// At each truth sample time the latest report of every confirmed, live track (not older than
/// <see cref="EvaluationOptions.MaximumReportAgeMicroseconds"/>) is moved to that time along its
/// reported velocity and compared with the truths that are trackable then (detected at least
/// once and not long out of sight). Distances are horizontal, in the site's east/north plane.
/// </remarks>
public sealed class TrackingEvaluator
{
    private readonly EvaluationOptions _options;
    private readonly IReadOnlyList<SimulatedTarget> _targets;
    private readonly GeoPosition _site;
    private readonly List<TruthEvent> _truths = [];
    private readonly List<TrackEstimate> _estimates = [];
    private readonly List<(long Time, long TrackId, string Zone)> _enterAlerts = [];
    private readonly List<bool?> _enterCooperative = [];
    private readonly List<(long Time, long TrackId, string Zone, bool? Cooperative)> _exitAlerts = [];
    private readonly List<(long Time, long TrackId, string Zone)> _lostAlerts = [];
    private readonly Dictionary<long, int> _trackIcao = [];
    private readonly long[] _firstDetection;
    private readonly long[] _lastDetection;
    private readonly List<EvaluationZone> _zones = [];

    /// <summary>Creates an evaluator for a run of <paramref name="targets"/> seen from <paramref name="site"/>.</summary>
    public TrackingEvaluator(EvaluationOptions options, IReadOnlyList<SimulatedTarget> targets, GeoPosition site)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _targets = targets ?? throw new ArgumentNullException(nameof(targets));
        _site = site;
        _firstDetection = Enumerable.Repeat(long.MaxValue, targets.Count).ToArray();
        _lastDetection = Enumerable.Repeat(long.MinValue, targets.Count).ToArray();
    }

    /// <summary>Adds the zones whose incursions are scored.</summary>
    public void AddZones(IEnumerable<EvaluationZone> zones) => _zones.AddRange(zones);

    /// <summary>Adds a truth sample.</summary>
    public void AddTruth(TruthEvent truth) => _truths.Add(truth ?? throw new ArgumentNullException(nameof(truth)));

    /// <summary>Records that a sensor measured target <paramref name="targetIndex"/> at <paramref name="timeMicroseconds"/>.</summary>
    public void AddDetection(int targetIndex, long timeMicroseconds)
    {
        _firstDetection[targetIndex] = Math.Min(_firstDetection[targetIndex], timeMicroseconds);
        _lastDetection[targetIndex] = Math.Max(_lastDetection[targetIndex], timeMicroseconds);
    }

    /// <summary>Adds a track report; <paramref name="icao"/> is the ICAO address it carries, or 0.</summary>
    public void AddEstimate(TrackEstimate estimate, int icao = 0)
    {
        _estimates.Add(estimate);
        if (icao != 0)
        {
            _trackIcao[estimate.TrackId] = icao;
        }
    }

    /// <summary>Adds an enter or exit alert raised by the tracker.</summary>
    /// <param name="timeMicroseconds">Alert time, microseconds after the start.</param>
    /// <param name="trackId">The alerting track.</param>
    /// <param name="zone">Zone name.</param>
    /// <param name="enter">True for enter, false for exit.</param>
    /// <param name="cooperative">The track's cooperative flag as the alert reports it, or null when unknown (not checked).</param>
    public void AddAlert(long timeMicroseconds, long trackId, string zone, bool enter, bool? cooperative = null)
    {
        if (enter)
        {
            _enterAlerts.Add((timeMicroseconds, trackId, zone));
            _enterCooperative.Add(cooperative);
        }
        else
        {
            _exitAlerts.Add((timeMicroseconds, trackId, zone, cooperative));
        }
    }

    /// <summary>
    /// Adds a lost alert (a track dropped inside a zone): scored apart, neither an exit nor a
    /// false alert unless the target it followed was never in the zone.
    /// </summary>
    public void AddLostAlert(long timeMicroseconds, long trackId, string zone) => _lostAlerts.Add((timeMicroseconds, trackId, zone));

    /// <summary>Scores everything added so far.</summary>
    public EvaluationReport Finish(string scenarioName)
    {
        // Stable: two reports of one time keep the order the tracker emitted them in, the later
        // the newer estimate (a coasting report, then the same track found again by a plot).
        var ordered = _estimates.OrderBy(e => e.TimeMicroseconds).ToArray();
        _estimates.Clear();
        _estimates.AddRange(ordered);
        var truthTimes = _truths.GroupBy(t => t.TimeMicroseconds).OrderBy(g => g.Key).ToArray();
        var latest = new Dictionary<long, TrackEstimate>();
        var next = 0;
        var score = new Accumulator(_targets.Count);
        var associatedTracks = new HashSet<long>();
        var confirmedTracks = new HashSet<long>();
        var trackTruthAt = new Dictionary<(long Time, long Track), int>();

        foreach (var group in truthTimes)
        {
            var time = group.Key;
            for (; next < _estimates.Count && _estimates[next].TimeMicroseconds <= time; next++)
            {
                var estimate = _estimates[next];
                if (estimate.Dropped)
                {
                    latest.Remove(estimate.TrackId);
                }
                else
                {
                    latest[estimate.TrackId] = estimate;
                }
            }

            var truths = group.Where(t => IsTrackable(t.TargetIndex, time)).ToArray();
            var tracks = latest.Values.Where(e => e.Confirmed && time - e.TimeMicroseconds <= _options.MaximumReportAgeMicroseconds).ToArray();
            confirmedTracks.UnionWith(tracks.Select(t => t.TrackId));
            var truthPlane = truths.Select(t => Wgs84.ToEnu(_site, t.State.Position)).ToArray();
            var trackPlane = tracks.Select(t => Extrapolate(Wgs84.ToEnu(_site, t.Position), t, time)).ToArray();
            var distances = new double[truths.Length * tracks.Length];
            for (var i = 0; i < truths.Length; i++)
            {
                for (var j = 0; j < tracks.Length; j++)
                {
                    var dx = truthPlane[i].X - trackPlane[j].X;
                    var dy = truthPlane[i].Y - trackPlane[j].Y;
                    distances[(i * tracks.Length) + j] = Math.Sqrt((dx * dx) + (dy * dy));
                }
            }

            var gospa = Gospa.Compute(distances, truths.Length, tracks.Length, _options.CutoffMetres);
            score.Instants++;
            score.GospaSum += gospa.Value;
            for (var i = 0; i < truths.Length; i++)
            {
                var target = truths[i].TargetIndex;
                score.TruthInstants++;
                var j = gospa.Assignment[i];
                if (j < 0)
                {
                    continue;
                }

                var track = tracks[j];
                var d = distances[(i * tracks.Length) + j];
                score.PositionSquared += d * d;
                if (!_targets[target].Cooperative)
                {
                    score.NonCooperativePositionSquared += d * d;
                    score.NonCooperativePairs++;
                }

                var dve = track.VelocityEast - truths[i].State.VelocityEast;
                var dvn = track.VelocityNorth - truths[i].State.VelocityNorth;
                score.VelocitySquared += (dve * dve) + (dvn * dvn);
                score.Pairs++;
                if (track.SigmaEast > 0 && track.SigmaNorth > 0)
                {
                    score.Nees += Nees(truthPlane[i].X - trackPlane[j].X, truthPlane[i].Y - trackPlane[j].Y, track);
                    score.NeesCount++;
                }

                score.NoteAssignment(target, track.TrackId, time, _firstDetection[target]);
                if (_targets[target].Icao != 0 && _trackIcao.TryGetValue(track.TrackId, out var icao) && icao != _targets[target].Icao)
                {
                    score.WrongIcao.Add(target);
                }
            }

            // SIAP: every track goes to its nearest truth within the cut-off (many-to-one allowed).
            var tracksOnTruth = new int[truths.Length];
            for (var j = 0; j < tracks.Length; j++)
            {
                var best = -1;
                for (var i = 0; i < truths.Length; i++)
                {
                    if (distances[(i * tracks.Length) + j] < _options.CutoffMetres && (best < 0 || distances[(i * tracks.Length) + j] < distances[(best * tracks.Length) + j]))
                    {
                        best = i;
                    }
                }

                if (best < 0)
                {
                    score.SpuriousTrackInstants++;
                }
                else
                {
                    tracksOnTruth[best]++;
                    associatedTracks.Add(tracks[j].TrackId);
                    trackTruthAt[(time, tracks[j].TrackId)] = truths[best].TargetIndex;
                }
            }

            score.TrackInstants += tracks.Length;
            score.TrackedTruthInstants += tracksOnTruth.Count(n => n > 0);
            score.TracksOnTruthInstants += tracksOnTruth.Sum();
        }

        foreach (var target in Enumerable.Range(0, _targets.Count))
        {
            if (_targets[target].Icao != 0 && score.AssignedTracks[target].Count > 0 && !score.AssignedTracks[target].Any(t => _trackIcao.TryGetValue(t, out var icao) && icao == _targets[target].Icao))
            {
                score.WrongIcao.Add(target);
            }
        }

        var incursions = ScoreIncursions(truthTimes.Select(g => g.Key).ToArray(), trackTruthAt, out var falseAlerts);
        var hours = truthTimes.Length == 0 ? 0 : (truthTimes[^1].Key - truthTimes[0].Key) / 3.6e9;
        var falseTracks = confirmedTracks.Count(t => !associatedTracks.Contains(t));
        var detected = Enumerable.Range(0, _targets.Count).Where(t => _firstDetection[t] != long.MaxValue).ToArray();
        var confirmTimes = detected.Where(t => score.FirstAssigned[t] != long.MaxValue).Select(t => (score.FirstAssigned[t] - _firstDetection[t]) / 1e6).ToArray();
        return new EvaluationReport
        {
            Scenario = scenarioName,
            Instants = score.Instants,
            MeanGospaMetres = score.Instants == 0 ? 0 : score.GospaSum / score.Instants,
            GospaCutoffMetres = _options.CutoffMetres,
            PositionRmseMetres = score.Pairs == 0 ? double.NaN : Math.Sqrt(score.PositionSquared / score.Pairs),
            VelocityRmseMetresPerSecond = score.Pairs == 0 ? double.NaN : Math.Sqrt(score.VelocitySquared / score.Pairs),
            MeanPositionNees = score.NeesCount == 0 ? double.NaN : score.Nees / score.NeesCount,
            Completeness = score.TruthInstants == 0 ? 1 : (double)score.TrackedTruthInstants / score.TruthInstants,
            Ambiguity = score.TrackedTruthInstants == 0 ? 1 : (double)score.TracksOnTruthInstants / score.TrackedTruthInstants,
            Spuriousness = score.TrackInstants == 0 ? 0 : (double)score.SpuriousTrackInstants / score.TrackInstants,
            TrackIdChanges = score.IdChanges,
            TrackIdChangeList = score.IdChangeList,
            FalseConfirmedTracks = falseTracks,
            FalseConfirmedTracksPerHour = hours > 0 ? falseTracks / hours : 0,
            MeanTimeToConfirmSeconds = confirmTimes.Length == 0 ? double.NaN : confirmTimes.Average(),
            TargetsNeverConfirmed = detected.Count(t => score.FirstAssigned[t] == long.MaxValue),
            Incursions = incursions,
            FalseAlerts = falseAlerts,
            LostAlerts = LostAlerts,
            FalseLostAlerts = FalseLostAlerts,
            NonCooperativePositionRmseMetres = score.NonCooperativePairs == 0 ? double.NaN : Math.Sqrt(score.NonCooperativePositionSquared / score.NonCooperativePairs),
            CooperativeTargetsWithoutTheirIcao = score.WrongIcao.Count,
        };
    }

    private int LostAlerts { get; set; }

    private int FalseLostAlerts { get; set; }

    private bool IsTrackable(int target, long time) =>
        _firstDetection[target] <= time && time <= _lastDetection[target] + _options.TrackableAfterLastDetectionMicroseconds;

    private List<IncursionScore> ScoreIncursions(long[] instants, Dictionary<(long Time, long Track), int> trackTruthAt, out int falseAlerts)
    {
        // Which truth each enter alert's track was on, decided once per alert.
        var alertTruths = _enterAlerts.Select(a => TruthOf(a.Time, a.TrackId, instants, trackTruthAt)).ToArray();
        var truthsByTarget = _truths.GroupBy(t => t.TargetIndex).Select(g => (Target: g.Key, Samples: g.OrderBy(t => t.TimeMicroseconds).ToArray())).ToArray();
        // Per target and zone, the spans it was inside; Left: the span ended with a sample outside
        // (it really left), not with the end of the truth (the scene ended with it inside).
        var inside = new Dictionary<(int Target, string Zone), List<(long From, long To, bool Left)>>();
        // Incursions listed zone by zone, each zone's in target order.
        var incursionsByZone = _zones.Select(_ => new List<IncursionScore>()).ToArray();
        foreach (var (targetIndex, samples) in truthsByTarget)
        {
            // The target's truth between its samples, built once for every zone.
            var timeline = ZoneTimeline(samples).ToArray();
            var target = _targets[targetIndex];
            for (var z = 0; z < _zones.Count; z++)
            {
                var zone = _zones[z];
                long entered = -1;
                var spans = new List<(long, long, bool)>();
                foreach (var (time, position) in timeline)
                {
                    var isInside = zone.Contains(position.LatitudeDegrees, position.LongitudeDegrees);
                    if (isInside && entered < 0)
                    {
                        entered = time;
                    }
                    else if (!isInside && entered >= 0)
                    {
                        spans.Add((entered, time, true));
                        entered = -1;
                    }
                }

                if (entered >= 0)
                {
                    spans.Add((entered, samples[^1].TimeMicroseconds, false));
                }

                inside[(targetIndex, zone.Name)] = spans;
                foreach (var (from, to, _) in spans)
                {
                    // The first enter alert for this zone from a track on this target, around the span.
                    var alert = long.MinValue;
                    for (var i = 0; i < _enterAlerts.Count; i++)
                    {
                        var (time, _, alertZone) = _enterAlerts[i];
                        if (alertZone == zone.Name && alertTruths[i] == targetIndex
                            && (_enterCooperative[i] is not { } flag || flag == target.Cooperative)
                            && time >= from - _options.AlertToleranceMicroseconds && time <= to + _options.AlertToleranceMicroseconds
                            && (alert == long.MinValue || time < alert))
                        {
                            alert = time;
                        }
                    }

                    incursionsByZone[z].Add(new IncursionScore(target.Name, zone.Name, target.Cooperative, from / 1e6, alert == long.MinValue ? double.NaN : alert / 1e6, to / 1e6));
                }
            }
        }

        var incursions = incursionsByZone.SelectMany(list => list).ToList();

        falseAlerts = 0;
        for (var i = 0; i < _enterAlerts.Count; i++)
        {
            var (time, _, zone) = _enterAlerts[i];
            var genuine = alertTruths[i] >= 0 && inside.TryGetValue((alertTruths[i], zone), out var spans)
                && spans.Any(s => time >= s.From - _options.AlertToleranceMicroseconds && time <= s.To + _options.AlertToleranceMicroseconds);

            // The alert's cooperative flag must be the target's: a non-cooperative intruder
            // announced as cooperative (or a civil aircraft as an intruder) is a false alert.
            if (!genuine || (_enterCooperative[i] is { } cooperative && cooperative != _targets[alertTruths[i]].Cooperative))
            {
                falseAlerts++;
            }
        }

        foreach (var (time, trackId, zone, cooperative) in _exitAlerts)
        {
            // An exit is genuine only where the target it followed really left the zone then
            // (a span the end of the truth closed is no exit, however near the alert).
            var truth = TruthOf(time, trackId, instants, trackTruthAt);
            var genuine = truth >= 0 && inside.TryGetValue((truth, zone), out var spans)
                && spans.Any(s => s.Left && Math.Abs(time - s.To) <= _options.AlertToleranceMicroseconds)
                && (cooperative is not { } flag || flag == _targets[truth].Cooperative);
            falseAlerts += genuine ? 0 : 1;
        }

        LostAlerts = _lostAlerts.Count;
        FalseLostAlerts = 0;
        foreach (var (time, trackId, zone) in _lostAlerts)
        {
            // A lost track has drifted from its target by definition: the target is the last one
            // it was associated with, however long before the alert.
            var truth = LastTruthOf(time, trackId, instants, trackTruthAt);
            if (truth < 0 || !inside.TryGetValue((truth, zone), out var spans) || spans.Count == 0)
            {
                FalseLostAlerts++;
            }
        }

        falseAlerts += FalseLostAlerts;
        return incursions;
    }

    // One target's truth for the zone spans: every sample and, every ZoneSampleIntervalMicroseconds
    // between two samples, the blend of the earlier one flown forward and the later one flown back
    // (a turn's curve within a few metres); after the last sample, that one flown on for one more
    // sample interval less a step (the unsampled end of the scene).
    private IEnumerable<(long Time, GeoPosition Position)> ZoneTimeline(TruthEvent[] samples)
    {
        var step = _options.ZoneSampleIntervalMicroseconds;
        for (var i = 0; i < samples.Length; i++)
        {
            var current = samples[i];
            if (i > 0 && step > 0)
            {
                var previous = samples[i - 1];
                var gap = current.TimeMicroseconds - previous.TimeMicroseconds;
                for (var offset = step; offset < gap; offset += step)
                {
                    var forward = previous.State.Extrapolate(offset).Position;
                    var back = current.State.Extrapolate(offset - gap).Position;
                    var weight = offset / (double)gap;
                    yield return (previous.TimeMicroseconds + offset, new GeoPosition(
                        forward.LatitudeDegrees + ((back.LatitudeDegrees - forward.LatitudeDegrees) * weight),
                        forward.LongitudeDegrees + ((back.LongitudeDegrees - forward.LongitudeDegrees) * weight),
                        forward.HeightMetres + ((back.HeightMetres - forward.HeightMetres) * weight)));
                }
            }

            yield return (current.TimeMicroseconds, current.State.Position);
        }

        if (samples.Length > 1 && step > 0)
        {
            var last = samples[^1];
            var interval = last.TimeMicroseconds - samples[^2].TimeMicroseconds;
            for (var offset = step; offset < interval; offset += step)
            {
                yield return (last.TimeMicroseconds + offset, last.State.Extrapolate(offset).Position);
            }
        }
    }

    private static int TruthOf(long time, long trackId, long[] instants, Dictionary<(long Time, long Track), int> trackTruthAt)
    {
        // The truth the track was associated with at the evaluation instants nearest the alert.
        var index = Array.BinarySearch(instants, time);
        var at = index >= 0 ? index : ~index;
        for (var offset = 0; offset < 15; offset++)
        {
            foreach (var i in (ReadOnlySpan<int>)[at + offset, at - offset - 1])
            {
                if (i >= 0 && i < instants.Length && trackTruthAt.TryGetValue((instants[i], trackId), out var truth))
                {
                    return truth;
                }
            }
        }

        return -1;
    }

    private static int LastTruthOf(long time, long trackId, long[] instants, Dictionary<(long Time, long Track), int> trackTruthAt)
    {
        // The truth the track was associated with at the latest evaluation instant up to the alert.
        var index = Array.BinarySearch(instants, time);
        for (var i = index >= 0 ? index : ~index - 1; i >= 0; i--)
        {
            if (trackTruthAt.TryGetValue((instants[i], trackId), out var truth))
            {
                return truth;
            }
        }

        return -1;
    }

    // A report's velocity is east/north at the track; carried forward in the site's plane, it is
    // first turned into the site's frame (3.8° of meridian convergence at 250 km east or west).
    private Vector3 Extrapolate(Vector3 plane, TrackEstimate estimate, long time)
    {
        var dt = (time - estimate.TimeMicroseconds) / 1e6;
        if (dt == 0)
        {
            return plane;
        }

        var velocity = Wgs84.RotateEnu(estimate.Position, _site, new Vector3(estimate.VelocityEast, estimate.VelocityNorth, 0));
        return plane with { X = plane.X + (velocity.X * dt), Y = plane.Y + (velocity.Y * dt) };
    }

    private static double Nees(double de, double dn, TrackEstimate estimate)
    {
        var see = estimate.SigmaEast * estimate.SigmaEast;
        var snn = estimate.SigmaNorth * estimate.SigmaNorth;
        var sen = estimate.Correlation * estimate.SigmaEast * estimate.SigmaNorth;
        var determinant = (see * snn) - (sen * sen);
        return ((snn * de * de) - (2 * sen * de * dn) + (see * dn * dn)) / determinant;
    }

    private sealed class Accumulator(int targets)
    {
        private readonly long[] _lastTrack = Enumerable.Repeat(-1L, targets).ToArray();

        public int Instants { get; set; }

        public double GospaSum { get; set; }

        public double PositionSquared { get; set; }

        public double NonCooperativePositionSquared { get; set; }

        public int NonCooperativePairs { get; set; }

        public double VelocitySquared { get; set; }

        public int Pairs { get; set; }

        public double Nees { get; set; }

        public int NeesCount { get; set; }

        public long TruthInstants { get; set; }

        public long TrackedTruthInstants { get; set; }

        public long TracksOnTruthInstants { get; set; }

        public long TrackInstants { get; set; }

        public long SpuriousTrackInstants { get; set; }

        public int IdChanges => IdChangeList.Count;

        public List<TrackIdChange> IdChangeList { get; } = [];

        public long[] FirstAssigned { get; } = Enumerable.Repeat(long.MaxValue, targets).ToArray();

        public List<HashSet<long>> AssignedTracks { get; } = Enumerable.Range(0, targets).Select(_ => new HashSet<long>()).ToList();

        public HashSet<int> WrongIcao { get; } = [];

        public void NoteAssignment(int target, long trackId, long time, long firstDetection)
        {
            if (_lastTrack[target] >= 0 && _lastTrack[target] != trackId)
            {
                IdChangeList.Add(new TrackIdChange(target, _lastTrack[target], trackId, time / 1e6));
            }

            _lastTrack[target] = trackId;
            AssignedTracks[target].Add(trackId);
            if (FirstAssigned[target] == long.MaxValue && time >= firstDetection)
            {
                FirstAssigned[target] = time;
            }
        }
    }
}
