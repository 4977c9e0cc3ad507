namespace Picket.Simulation.Evaluation;

/// <summary>Scores of one tracker run against the truth (written as JSON per scenario).</summary>
public sealed record EvaluationReport
{
    /// <summary>Scenario name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Evaluation instants (one per truth sample time).</summary>
    public required int Instants { get; init; }

    /// <summary>Mean GOSPA (p = 2, alpha = 2), metres.</summary>
    public required double MeanGospaMetres { get; init; }

    /// <summary>The GOSPA cut-off used, metres.</summary>
    public required double GospaCutoffMetres { get; init; }

    /// <summary>Horizontal position RMSE over assigned pairs, metres.</summary>
    public required double PositionRmseMetres { get; init; }

    /// <summary>Horizontal velocity RMSE over assigned pairs, metres per second.</summary>
    public required double VelocityRmseMetresPerSecond { get; init; }

    /// <summary>Mean normalised estimation error squared of the 2-D position (2 when consistent), or NaN.</summary>
    public required double MeanPositionNees { get; init; }

    /// <summary>SIAP completeness: trackable truths with a track / trackable truths.</summary>
    public required double Completeness { get; init; }

    /// <summary>SIAP ambiguity: tracks on truths / truths with a track (1 is ideal).</summary>
    public required double Ambiguity { get; init; }

    /// <summary>SIAP spuriousness: tracks on no truth / all confirmed tracks.</summary>
    public required double Spuriousness { get; init; }

    /// <summary>Track-id changes per target, summed over targets.</summary>
    public required int TrackIdChanges { get; init; }

    /// <summary>Each of <see cref="TrackIdChanges"/>: which target, from which track to which, when.</summary>
    public IReadOnlyList<TrackIdChange> TrackIdChangeList { get; init; } = [];

    /// <summary>Confirmed tracks never associated with a truth.</summary>
    public required int FalseConfirmedTracks { get; init; }

    /// <summary>False confirmed tracks per hour of scenario time.</summary>
    public required double FalseConfirmedTracksPerHour { get; init; }

    /// <summary>Mean time from first detection to a confirmed track, seconds (targets that got one).</summary>
    public required double MeanTimeToConfirmSeconds { get; init; }

    /// <summary>Targets that were detected but never got a confirmed track.</summary>
    public required int TargetsNeverConfirmed { get; init; }

    /// <summary>Every truth zone entry and when (if) it was alerted.</summary>
    public required IReadOnlyList<IncursionScore> Incursions { get; init; }

    /// <summary>
    /// False alerts: enter alerts with no truth crossing of that zone by the target the track
    /// follows (or with the wrong cooperative flag), exit alerts where that target did not leave,
    /// and lost alerts on a target that was never in the zone.
    /// </summary>
    public required int FalseAlerts { get; init; }

    /// <summary>Lost alerts (a track dropped inside a zone), counted apart from exits.</summary>
    public int LostAlerts { get; init; }

    /// <summary>Lost alerts on a target that was never in the zone (also counted in <see cref="FalseAlerts"/>).</summary>
    public int FalseLostAlerts { get; init; }

    /// <summary>Horizontal position RMSE over assigned pairs on non-cooperative targets, metres, or NaN.</summary>
    public double NonCooperativePositionRmseMetres { get; init; } = double.NaN;

    /// <summary>The longest time to alert over the non-cooperative incursions, seconds (infinite when one was never alerted; NaN when there were none).</summary>
    public double WorstNonCooperativeTimeToAlertSeconds =>
        Incursions.Where(i => !i.Cooperative).Select(i => double.IsNaN(i.AlertSeconds) ? double.PositiveInfinity : i.TimeToAlertSeconds).DefaultIfEmpty(double.NaN).Max();

    /// <summary>Targets whose assigned track ever carried another ICAO address than theirs, or none when they had one.</summary>
    public required int CooperativeTargetsWithoutTheirIcao { get; init; }
}

/// <summary>One target entering one zone, and the alert for it.</summary>
/// <param name="Target">Target name.</param>
/// <param name="Zone">Zone name.</param>
/// <param name="Cooperative">True for a target that identifies itself.</param>
/// <param name="EntrySeconds">When the truth entered, seconds after the start.</param>
/// <param name="AlertSeconds">When the gateway alerted, or NaN if it never did.</param>
/// <param name="ExitSeconds">When the truth left (or the scenario ended), seconds.</param>
public sealed record IncursionScore(string Target, string Zone, bool Cooperative, double EntrySeconds, double AlertSeconds, double ExitSeconds)
{
    /// <summary>Alert latency, seconds (NaN when not alerted).</summary>
    public double TimeToAlertSeconds => AlertSeconds - EntrySeconds;
}

/// <summary>A target's assigned track changed (an id switch, or a re-acquisition after a loss).</summary>
/// <param name="TargetIndex">The target's index in the scenario.</param>
/// <param name="FromTrackId">The track it was assigned to.</param>
/// <param name="ToTrackId">The track it is assigned to now.</param>
/// <param name="Seconds">When, seconds after the start.</param>
public sealed record TrackIdChange(int TargetIndex, long FromTrackId, long ToTrackId, double Seconds);
