using Picket.Numerics;

namespace Picket.Tracking;

/// <summary>
/// The tracker's settings: capacities (fixed at construction), life-cycle rules, gates and noise.
/// Defaults suit a 4 s en-route radar plus ADS-B. Times are microseconds; gates are NIS values in
/// Q31.32 (χ² with the measurement's degrees of freedom).
/// </summary>
public sealed class TrackerConfiguration
{
    /// <summary>Track slots (tentative, confirmed and coasting together), 1 to 65,536.</summary>
    public int TrackCapacity = 512;

    /// <summary>Radar plots held for one global-nearest-neighbour batch, 1 to 1,024.</summary>
    public int PlotsPerBatch = 128;

    /// <summary>Radar sensors whose sites the tracker keeps, 1 to 64.</summary>
    public int RadarCapacity = 8;

    /// <summary>The radar's scan period (one detection opportunity per track per scan).</summary>
    public long ScanPeriodMicroseconds = 4_000_000;

    /// <summary>Longest span of radar plots associated together as one batch (a sector of the scan).</summary>
    public long BatchSpanMicroseconds = 1_000_000;

    /// <summary>For a track without radar, the interval counted as one missed ADS-B opportunity.</summary>
    public long AdsbOpportunityMicroseconds = 5_000_000;

    /// <summary>Radar hits needed to confirm a track with identity (SSR/Mode S), M of M-of-N.</summary>
    public int CooperativeConfirmHits = 2;

    /// <summary>Scans in which the cooperative M hits must fall, N of M-of-N.</summary>
    public int CooperativeConfirmScans = 3;

    /// <summary>
    /// Radar hits needed to confirm a primary-only track (stricter: clutter). Measured on
    /// drones-in-clutter (20 false plots per scan): 4 of 5 confirmed 13 clutter tracks in 15 min,
    /// 5 of 6 one, at 2.5 s more time to confirm.
    /// </summary>
    public int PrimaryConfirmHits = 5;

    /// <summary>Scans in which the primary-only hits must fall.</summary>
    public int PrimaryConfirmScans = 6;

    /// <summary>
    /// ADS-B positions needed to confirm an ADS-B track. One suffices by default: a position
    /// reaches the tracker only after parity, a CPR even/odd pair and the range and speed
    /// checks (DO-260B A.1.7), which is already the persistence M-of-N gives a radar track.
    /// </summary>
    public int AdsbConfirmPositions = 1;

    /// <summary>Missed opportunities after which a tentative track is dropped.</summary>
    public int TentativeMaxMisses = 2;

    /// <summary>Missed opportunities after which a confirmed (coasting) track is dropped.</summary>
    public int ConfirmedMaxMisses = 5;

    /// <summary>
    /// …and this many more for a confirmed track last fed by radar while it is inside a zone,
    /// which the track score does not delete meanwhile (the uncertainty limit,
    /// <see cref="MaxPositionSigmaMetres"/>, still does). A track that ends inside raises `lost`,
    /// the message an operator acts on: in drones-in-clutter (Pd 0.8, 20 clutter plots per scan)
    /// a drone missed five 2 s scans running, its track was dropped 65 m from it, and its next
    /// plot 0.2 s later started a new track (`lost`, then `enter`, for one drone); a bandit's
    /// track in the gulf's final turn went the same way after three missed 5 s scans. The held
    /// track's coasting reports carry their growing covariance. 0: off.
    /// </summary>
    public int ZoneHoldMisses = 3;

    /// <summary>
    /// …and a track whose latest position came from ADS-B (no radar plot since): it coasts only
    /// this many missed ADS-B opportunities (<see cref="AdsbOpportunityMicroseconds"/>), so it is
    /// dropped 12.5 s after its last ADS-B position or velocity instead of 32.5 s. Positions and
    /// velocities come four times a second: 12.5 s of silence at a reception of 0.35 per message
    /// does not happen (0.65⁵⁰), at 0.1 once in 200 such windows. It means the aircraft has left the
    /// receiver's coverage, and a track coasting on is a track on nothing anyone can check: with
    /// 2 (17.5 s) a busy-sky probe's departing aircraft held about one stale track at every instant.
    /// Real reception comes in bursts: the ulss7 capture (60 s, 11 aircraft) holds silences of
    /// 8.1 s (bridged) and 28.2 s (the track ends either way).
    /// </summary>
    public int AdsbConfirmedMaxMisses = 1;

    /// <summary>
    /// Half-width of the coarse gate, metres per axis: a measurement farther than this from a
    /// track's position moved along its velocity is not scored against it.
    /// </summary>
    public int CoarseGateMetres = 10_000;

    /// <summary>Position one-sigma (per axis) beyond which a track is dropped, metres.</summary>
    public int MaxPositionSigmaMetres = 5_000;

    /// <summary>Radar scans without any identity after which a confirmed track is non-cooperative.</summary>
    public int NonCooperativeAfterScans = 3;

    /// <summary>Kinematic gate for a radar plot, NIS with 2 degrees of freedom (13.8: 99.9 %).</summary>
    public long RadarGateNis = Q31x32.FromInteger(14);

    /// <summary>
    /// Largest widening of an ambiguous radar plot's variances, Q31.32 (<see cref="Q31x32.One"/>
    /// or less: off). A plot the batch's assignment gave one track that another track in its gate
    /// could as well have taken (the cost of the alternative assignment Δ above the chosen one)
    /// updates its track with its variances times 1 + Σ e^(-Δ/2), the inverse of the chosen
    /// assignment's probability, at most this: at a tie between two close tracks the variances
    /// double, and a wrong choice pulls its track less far towards the other (half as far where
    /// the plot's noise dominates the track's).
    /// </summary>
    public long RadarAmbiguityVarianceScaleMaximum = Q31x32.FromInteger(3);

    /// <summary>
    /// A radar plot left over in the gates of tracks that each took another plot of the same scan
    /// (<see cref="SecondPlotMaximumSeparationMicroseconds"/>) starts a track (true), as a plot in
    /// no gate does: a radar gives a target one plot a scan, so it is a second target's, or
    /// clutter's. A plot in the gate of a track left without a plot stays held from starting one.
    /// False: a plot in any track's gate starts no track, and a target flying
    /// within a gate's width of another (two fighters 350 m apart at 100 km, 1.5 σ across the ray)
    /// never gets a track of its own while the other's track holds both (transponder-masking,
    /// 580 tuning runs with the noise told ±30 % off: mean GOSPA 215 → 203 m, completeness
    /// 0.968 → 0.978).
    /// </summary>
    public bool SecondPlotsStartTracks = true;

    /// <summary>
    /// A second plot (<see cref="SecondPlotsStartTracks"/>) must have been scanned within this of
    /// the plot its gating track took, µs: two targets in one gate are scanned milliseconds apart
    /// (0.2° on a 4 s radar: 2 ms; 10° on a 1 s radar: 28 ms), a target's own next plot a scan
    /// later. A batch spans at most half the radar's scan, but with the scan period unknown (no
    /// CAT034 and the 4 s default) a 1 s radar's batch could hold one target's plots of two scans.
    /// </summary>
    public long SecondPlotMaximumSeparationMicroseconds = 100_000;

    /// <summary>Gate for an ADS-B position against a track it could join or a radar-held track, 2 degrees of freedom.</summary>
    public long AdsbGateNis = Q31x32.FromInteger(14);

    /// <summary>An identity-associated radar plot this far from an ADS-B-fed track contradicts the ADS-B position.</summary>
    public long DisagreementNis = Q31x32.FromInteger(40);

    /// <summary>After a contradiction, ADS-B positions are gated against the radar-held state for this long.</summary>
    public long DistrustMicroseconds = 60_000_000;

    /// <summary>An identity-associated plot's Mode C may differ from the track's altitude by this much, feet.</summary>
    public int ModeCToleranceFeet = 500;

    /// <summary>Bottom of the height band assumed for a plot with no height at all, metres above the ellipsoid (default 0).</summary>
    public int AssumedLowestHeightMetres;

    /// <summary>Top of the assumed height band, metres.</summary>
    public int AssumedHighestHeightMetres = 12_000;

    /// <summary>
    /// Highest elevation the radar sees, 1e-7 degree (default 20°): caps the assumed height band
    /// at slant range × sin(elevation), so close plots without height are not spread over
    /// kilometres of ground range (at 10 km: 600 m instead of 10 km).
    /// </summary>
    public int MaxElevationDegreesE7 = 200_000_000;

    /// <summary>One-sigma of the unknown initial velocity of a radar-started track, per axis, m/s.</summary>
    public int InitialVelocitySigmaMetresPerSecond = 200;

    /// <summary>ADS-B position one-sigma per axis when the message says nothing better, millimetres.</summary>
    public int AdsbPositionSigmaMillimetres = 25_000;

    /// <summary>ADS-B velocity one-sigma per axis, millimetres per second.</summary>
    public int AdsbVelocitySigmaMillimetresPerSecond = 2_000;

    /// <summary>Altitude (Mode C, ADS-B) one-sigma, millimetres (25 ft quantisation and more).</summary>
    public int AltitudeSigmaMillimetres = 30_000;

    /// <summary>Longest time between two reports of a live track (the 5 s).</summary>
    public long ReportIntervalMicroseconds = 5_000_000;

    /// <summary>Shortest time between two reports of an updated track.</summary>
    public long MinimumReportIntervalMicroseconds = 1_000_000;

    /// <summary>
    /// A track's update is reported at once when its last report was the periodic one (a
    /// prediction, <see cref="ReportIntervalMicroseconds"/>), whatever the minimum report
    /// interval. On a 4 s radar the periodic report falls 3-4 s after a plot's report, under a
    /// second before the next plot: with the minimum interval alone that plot went unreported
    /// until the next periodic report, 3 s later, on every other scan. False: the minimum
    /// interval alone.
    /// </summary>
    public bool ReportUpdateAfterPeriodicReport = true;

    /// <summary>
    /// The first track id this tracker gives (then one more per track). A gateway that restarts
    /// starts from a new value (its start time in seconds × 2^24) so the server never sees one id
    /// for two targets; replays keep 1 and stay reproducible.
    /// </summary>
    public long FirstTrackId = 1;

    /// <summary>How often life cycle, zones and periodic reports are checked, data time.</summary>
    public long HousekeepingIntervalMicroseconds = 1_000_000;

    /// <summary>A measurement this much older than a track's estimate is still used (shifted along the velocity).</summary>
    public long MaxLatenessMicroseconds = 2_000_000;

    /// <summary>Zone boundary margin for the enter/exit hysteresis, millimetres.</summary>
    public long ZoneMarginMillimetres = 100_000;

    /// <summary>Consecutive housekeeping samples beyond the margin that change a zone state.</summary>
    public int ZoneDwellSamples = 2;

    /// <summary>
    /// An entry counts a sample this many position sigmas inside the zone (at least
    /// <see cref="ZoneMinimumEnterMarginMillimetres"/>, at most <see cref="ZoneMarginMillimetres"/>):
    /// an accurate track (a 30 m/s drone on a 1 s radar) is declared inside in about a second, an
    /// uncertain one only once it is clearly in. Exits always need the full margin.
    /// </summary>
    public int ZoneEnterMarginSigmas = 2;

    /// <summary>
    /// An exit needs the estimate this many of its position sigmas outside when that is beyond
    /// <see cref="ZoneMarginMillimetres"/> (0: the fixed margin alone). Asymmetric with the entry
    /// on purpose: a late exit costs the operator little, a false "the intruder left" is the worst
    /// thing the product can say.
    /// </summary>
    public int ZoneExitMarginSigmas = 2;

    /// <summary>Smallest entry margin, millimetres.</summary>
    public long ZoneMinimumEnterMarginMillimetres = 10_000;

    /// <summary>
    /// …and at most the distance the track flies in this time, milliseconds (a 30 m/s drone:
    /// 15 m in 500 ms), so a slow target's wide sigma does not hold its alert for seconds.
    /// </summary>
    public int ZoneEnterMarginTravelMilliseconds = 500;

    /// <summary>
    /// A track heading into a zone: a sample counts towards its entry at the smallest entry
    /// margin (<see cref="ZoneMinimumEnterMarginMillimetres"/>) when its estimate moved along its
    /// velocity for this long is inside by the whole entry margin, milliseconds (0: off). A jet
    /// crossing a boundary at 13° (45 m/s across it) otherwise needs 2-3 s to be 100 m in; one
    /// turning back before the boundary keeps the whole margin. On the non-held-out runs:
    /// jet-formation's late alerts 16 → 6 of about 300 and its missed re-entry 1 → 0, no scene
    /// gained a false alert, but border-skim's false alerts 618 → 676 in 34 runs (4 s: 706).
    /// </summary>
    public int ZoneEnterLeadMilliseconds = 2_000;

    /// <summary>
    /// A radar-fed track's entry lead is at least this many scans of its radar, when that is
    /// longer than <see cref="ZoneEnterLeadMilliseconds"/> (0: the fixed lead alone): on a 4 s
    /// radar the next evidence is a scan away, and a jet crossing at 10° (43 m/s across the
    /// boundary) flown on for 2 s is 87 m further in, short of a 125 m entry margin, so it still
    /// waited for its estimate to be about 40 m in. On the 580 tuning runs (`TuningSweepTests`,
    /// seeds 120-159 beside the tuning seeds): jet-formation's alerts later than a scan + 1 s
    /// 9 → 3 of about 300 and its mean worst alert per run 3.27 → 2.59 s (42 of 51 runs
    /// sooner, none later); the cost, border-skim's false alerts 842 → 868 in 44 runs; every
    /// other column of every scene unchanged. 1.5 scans: jet-formation the same, border-skim 888.
    /// </summary>
    public int ZoneEnterLeadRadarScans = 1;

    /// <summary>
    /// A track whose radar plot has just put its estimate inside a zone beyond the entry margin,
    /// and which flown on for the entry lead is still inside by that margin (a radar-fed track no
    /// ADS-B position has fed), enters at once, without the dwell
    /// (<see cref="ZoneDwellSamples"/>): the dwell's second sample would be the same estimate
    /// flown on, still inside, with no new evidence before the next plot, and would only hold the
    /// alert back by <see cref="ZoneSampleMinimumIntervalMicroseconds"/> and a round. Exits keep
    /// the dwell, and so does an entry first sampled between plots (a prediction, which the next
    /// plot may pull back). On the 580 tuning runs (`TuningSweepTests`, seeds 120-159 beside the
    /// tuning seeds, noise told ±30 %): no false alert, id change or GOSPA moved in any run
    /// (border-skim 878 false alerts either way); the mean worst non-cooperative alert per run
    /// went 1.14 → 0.93 s on drones-in-clutter, 0.88 → 0.61 on midnight-crossings, 0.46 → 0.26 on
    /// transponder-masking, 2.42 → 2.34 on jet-formation (late alerts 2 → 1) and 1.35 → 1.30 on
    /// weaving-drones. On weaving-drones rebuilt without its radar's azimuth bias (a probe,
    /// seeds 1000-1009), 3 → 0 of 10 runs alerted later than a scan + 1 s.
    /// </summary>
    public bool ZoneEnterHeadingInAtPlot = true;

    /// <summary>
    /// Zone states are sampled on every measurement update of a confirmed track and at every
    /// housekeeping round, but a sample counts towards the dwell (<see cref="ZoneDwellSamples"/>)
    /// only this long after the track's previous counted one, µs: the hysteresis still asks the
    /// state to persist (a housekeeping prediction just after a plot adds nothing to it), while
    /// a 1 s radar's track no longer waits for two housekeeping rounds after its plot.
    /// 300 ms, not 500: on the non-held-out runs weaving-drones' late alerts (beyond a scan + 1 s)
    /// went 2 → 0 and gulf's 1 → 0, at the cost of 16 more false alerts on border-skim's 34 runs
    /// (602 → 618); 100 ms gave 642 there.
    /// </summary>
    public long ZoneSampleMinimumIntervalMicroseconds = 300_000;

    /// <summary>
    /// Between housekeeping rounds, a track part-way through its zone dwell is sampled again this
    /// often (as data arrives), µs; 0 leaves it to the next housekeeping round or update. The
    /// second sample of an entry then comes <see cref="ZoneSampleMinimumIntervalMicroseconds"/>
    /// after the first (plus at most this interval), not up to a housekeeping interval later.
    /// </summary>
    public long ZoneDwellRoundIntervalMicroseconds = 100_000;

    /// <summary>
    /// In the same rounds, a confirmed track outside every zone is sampled too while its last
    /// update is at most this old, or one scan of its radar if that is longer (and it has missed
    /// nothing since), µs: its predicted estimate may enter a zone between plots. Two seconds: a
    /// 1 s radar's plot reaches the track up to half a scan after its time (the batch), so its
    /// estimate is up to 1.5 s old when the next comes. Not beyond the next plot's due time: an
    /// estimate predicted further has no new evidence in it, and a target turning back at the
    /// boundary would be predicted in. 0: off.
    /// </summary>
    public long ZoneApproachPredictionMicroseconds = 2_000_000;

    /// <summary>
    /// Process noise of tentative radar tracks. A quiet model makes clutter (uniformly random
    /// plots) fail the gates of later scans, while a real target in straight flight passes;
    /// the class is chosen from speed and identity on confirmation.
    /// </summary>
    public Filter.TargetClass TentativeTargetClass = Filter.TargetClass.Drone;

    /// <summary>Speed below which a confirmed track without identity is treated as a drone, m/s.</summary>
    public int DroneSpeedMetresPerSecond = 60;

    /// <summary>
    /// Confirmed tracks of every class but the ADS-B airliner run the IMM (quiet and manoeuvre
    /// modes, <see cref="Filter.TrackFilter.Manoeuvring"/>, and the turn modes of
    /// <see cref="TurnRateMillidegreesPerSecond"/>) instead of one nearly-constant-velocity model.
    /// </summary>
    public bool ManoeuvreModel = true;

    /// <summary>
    /// With <see cref="ManoeuvreModel"/>, confirmed aircraft tracks (every class but the ADS-B
    /// airliner and the drone) also run coordinated-turn modes in their IMM: a left and a right
    /// turn at this rate, millidegrees per second (1,500: 1.5°/s), and another pair at
    /// <see cref="WideTurnRateMillidegreesPerSecond"/>. A 2°/s turn at 250 m/s bends away from
    /// a straight line by 70 m in a 4 s scan, a third of a 0.12° radar's cross-range σ at 100 km:
    /// the quiet mode lags it and the manoeuvre mode follows it noisily, a turn mode follows it.
    /// 0 turns them off. On the
    /// tuning sweep's 454 runs against the two-mode IMM (`TuningSweepTests`): jet-formation
    /// −10.8 m of mean GOSPA (51 of 51 runs better), midnight-crossings −2.6 (54 of 56),
    /// crossing-targets +0.6, gulf +0.3 (one `lost` alert more, seed 125: a bandit's track that
    /// lost it in its final turn coasted on inside the zone, with or without the turn modes),
    /// transponder-masking +0.3, manoeuvres +0.1 (its 5 g s-turns are beyond any of these
    /// rates); border-skim's 34 runs −8.4 m and 676 → 652 false alerts. One pair at 2°/s or at
    /// 3°/s helped some scenes and cost others (gulf and jet-formation like 2°/s,
    /// midnight-crossings and manoeuvres 3°/s).
    /// </summary>
    public int TurnRateMillidegreesPerSecond = 1_500;

    /// <summary>Turn rate of the second pair of turn modes, millidegrees per second (3,000: a standard-rate turn); 0 for none.</summary>
    public int WideTurnRateMillidegreesPerSecond = 3_000;

    /// <summary>
    /// How radar tracks are confirmed and deleted (issue 9): the track score by default;
    /// <see cref="Life.TrackLifeRule.MOfN"/> keeps the fixed M-of-N and miss counts above, for comparison.
    /// ADS-B tracks are confirmed by <see cref="AdsbConfirmPositions"/> either way.
    /// </summary>
    public Life.TrackLifeRule LifeRule = Life.TrackLifeRule.Score;

    /// <summary>Detection probability the track score assumes, percent (1 to 99); the tracker's own assumption, not a sensor's truth.</summary>
    public int ScoreDetectionProbabilityPercent = 85;

    /// <summary>
    /// Lowest false-plot density the score assumes, plots per scan per million km² (100: one plot
    /// per scan in a 56 km-radius disc). The <see cref="Life.ClutterMap"/> raises it where it learns more.
    /// </summary>
    public int ScoreFalsePlotsPerScanPerMillionSquareKilometres = 100;

    /// <summary>
    /// Density of new targets the score's prior assumes, per scan per million km²: its ratio to the
    /// false-plot density at a plot is the prior odds of that plot (1,000: 10 to 1 at the floor,
    /// 1 to 4 in 20 plots per scan over a 40 km disc). With <see cref="ScoreFalseConfirmationPerMillion"/>
    /// tuned on the test-side clutter scenes, seeds 101-103 (tests/Picket.Core.Tests/Tracking/Life).
    /// </summary>
    public int ScoreNewTargetsPerScanPerMillionSquareKilometres = 1_000;

    /// <summary>Prior odds factor for a first plot that carries an identity (SSR Mode 3/A or Mode S address): clutter does not reply.</summary>
    public int ScoreIdentityPriorFactor = 1_000;

    /// <summary>
    /// α of the sequential test: probability that a false track is confirmed, per million, for a
    /// radar scanning every <see cref="ScoreReferenceScanPeriodMicroseconds"/>.
    /// </summary>
    public int ScoreFalseConfirmationPerMillion = 100;

    /// <summary>
    /// The scan period <see cref="ScoreFalseConfirmationPerMillion"/> is stated for, µs. α is a
    /// probability per tentative track, and a radar's clutter starts about one tentative track per
    /// false plot per scan: a 1 s radar with the clutter per scan of a 4 s one starts four times as
    /// many in an hour. A radar faster than this one has its α scaled by its own scan period over
    /// this one (<see cref="Life.TrackScore.ConfirmThresholdFor"/>), so the false tracks it may
    /// confirm per hour stay the same: the 1 s radar's threshold is ln 4 (1.4 nats) higher. A slower
    /// radar keeps α. 0: every radar takes α as configured.
    /// </summary>
    public long ScoreReferenceScanPeriodMicroseconds = 4_000_000;

    /// <summary>β of the sequential test: probability that a real target's tentative track is deleted, per thousand.</summary>
    public int ScoreMissedTargetPerThousand = 10;

    /// <summary>A confirmed track is deleted when its score falls this far below its peak, nats.</summary>
    public int ScoreDeletionDropNats = 9;

    /// <summary>Track scores are held within ± this, nats (so a long-lived track's peak stays reachable).</summary>
    public int ScoreCeilingNats = 20;

    /// <summary>Range cells of each radar's clutter map (with <see cref="ClutterRangeCellMetres"/>: its reach).</summary>
    public int ClutterRangeCells = 48;

    /// <summary>Depth of one clutter-map range cell, metres.</summary>
    public int ClutterRangeCellMetres = 4_000;

    /// <summary>Azimuth cells of each radar's clutter map (32: 11.25° each).</summary>
    public int ClutterAzimuthCells = 32;

    /// <summary>The clutter map forgets a factor 1 − 2^-shift per scan period (6: a memory of about 64 scans).</summary>
    public int ClutterMemoryShift = 6;

    /// <summary>
    /// Remembered plots (after forgetting) a clutter-map cell needs before its own density counts;
    /// below it the radar's global density stands (one plot that started a real target's track is no clutter).
    /// </summary>
    public int ClutterCellMinimumPlots = 3;

    /// <summary>
    /// Identity gate for a radar plot associated by identity (Mode S address, Mode 3/A, callsign),
    /// NIS with 2 degrees of freedom: wider than <see cref="RadarGateNis"/> (an identity is strong
    /// evidence, and a manoeuvre may have begun), but a plot beyond it is not applied: one garbled
    /// address or code must not teleport a track. 100 is 10 σ of the combined uncertainty.
    /// </summary>
    public long RadarIdentityGateNis = Q31x32.FromInteger(100);

    /// <summary>Gated plot-track pairs considered per radar batch (pairs beyond are dropped, counted), 1 to 65,536.</summary>
    public int GatedPairsPerBatch = 2_048;

    /// <summary>
    /// One-sigma of a 3-D radar's measured height (I048/110) when the sensor states none,
    /// millimetres: an elevation error of about 0.15° at 100 km.
    /// </summary>
    public int RadarHeightSigmaMillimetres = 250_000;

    /// <summary>
    /// One-sigma per axis of a radar position measurement (NMEA TLL) when the sensor states none,
    /// millimetres: a marine radar's 1° bearing error at 6 km, plus own ship's GNSS.
    /// </summary>
    public int PositionMeasurementSigmaMillimetres = 100_000;

    /// <summary>
    /// Range one-sigma added to a height-less plot of a track that has no height, on top of the
    /// radar's own, millimetres. The track keeps one assumed height (the band's middle ground range
    /// at its first plot), so the height error is a slowly varying ground-range bias that the
    /// initial covariance carries once, not fresh noise every plot; with no bias state in the
    /// filter this term stands for the part of the bias the covariance no longer holds. 100 m was
    /// better than 30 m on both crossing-targets and gulf-of-finland-incursion (RMSE, GOSPA, NEES
    /// nearer 2): measured on those scenarios' own seeds, to be checked on held-out ones.
    /// </summary>
    public int AssumedHeightRangeSigmaMillimetres = 100_000;

    /// <summary>
    /// One-sigma of a track's held height (assumed or estimated, no height measured anywhere),
    /// millimetres, carried through the geometry into a height-less plot's ground range where
    /// that exceeds <see cref="AssumedHeightRangeSigmaMillimetres"/>: near the radar, at high
    /// elevation, where ground range is most sensitive to height. 0: the fixed range sigma only.
    /// </summary>
    public int AssumedHeightSigmaMillimetres = 300_000;

    /// <summary>
    /// Scans in which one of two primary-only tracks was left without the plot the other took
    /// (and neither scan showed two plots for them) before the younger is merged into the older
    /// (<see cref="DuplicateTracks"/>); 0 never merges. Two targets in company with Pd 0.8 go
    /// five scans in a row without both being detected in one of them with probability 0.36⁵, 0.6 %.
    /// </summary>
    public int DuplicateShadowedScans = 5;

    /// <summary>Duplicate evidence lapses when the pair has not shared a plot for this long, µs.</summary>
    public long DuplicateEvidenceMemoryMicroseconds = 12_000_000;

    /// <summary>
    /// Scans in a row in which a primary-only track outside every zone coincides
    /// (<see cref="IdentityShadowGateNis"/>) with a track the radar updated by identity (a Mode S
    /// address, callsign or Mode 3/A), before it ends (<see cref="DuplicateTracks"/>): its aircraft
    /// has switched its transponder on and is now followed under that identity. Left coasting, it
    /// takes the plots of a primary-only neighbour (transponder-masking: the masker's old track
    /// beside the intruder). 0: off.
    /// </summary>
    public int IdentityShadowedScans = 3;

    /// <summary>Track-to-track gate for <see cref="IdentityShadowedScans"/>: the primary-only track's prediction against the identified track's position, NIS with 2 degrees of freedom.</summary>
    public long IdentityShadowGateNis = Q31x32.FromInteger(4);

    /// <summary>
    /// The nearest primary-only track past its tentative stage to a track the radar updated by
    /// identity in the batch, within <see cref="IdentityShadowGateNis"/> (outside every zone), is offered only the plots no other
    /// track gates: its aircraft most likely answered by identity, and a radar gives a target one
    /// plot a scan (transponder-masking: the masker's old track took the intruder's plots from the
    /// intruder's own track). Off: it competes for every plot in its gate.
    /// </summary>
    public bool IdentityShadowsYield = true;

    /// <summary>
    /// True: a track with no height keeps one assumed height for its height-less plots (see
    /// <see cref="AssumedHeightRangeSigmaMillimetres"/>). False: every height-less plot carries the
    /// whole height band's range variance afresh (the behaviour before issue 9).
    /// </summary>
    public bool HoldAssumedHeight = true;

    /// <summary>
    /// True: the held height of a track with no height is estimated from its plot sequence
    /// (<see cref="Height.HeightHypotheses"/>): candidates across the band, each with its own
    /// trajectory, the held height moved to the most consistent one by a likelihood-ratio test and
    /// the track shifted by the ground-range difference. Its cap is then the geometric one (the
    /// slant range), not <see cref="MaxElevationDegreesE7"/>. False: the height stays the one
    /// assumed at the first plot (the behaviour before).
    /// </summary>
    public bool EstimateAssumedHeight = true;

    /// <summary>
    /// A height-less plot whose slant range is shorter than a track's chosen height above the
    /// radar by more than this many candidate spacings cannot be that target and is not gated
    /// with it (near the zenith the held height's ground-range uncertainty opens the gate to the
    /// mast's own clutter: transponder-masking tuning seed 70). 0 turns the rule off.
    /// </summary>
    public int BelowChosenHeightSpacings = 1;

    /// <summary>Candidate heights per track, evenly from <see cref="AssumedLowestHeightMetres"/> to <see cref="AssumedHighestHeightMetres"/> (at most <see cref="Height.HeightHypotheses.Capacity"/>; 13: every kilometre of 0-12 km).</summary>
    public int HeightCandidateCount = 13;

    /// <summary>Position gain of each candidate's alpha-beta trajectory, per mille.</summary>
    public int HeightAlphaPerMille = 400;

    /// <summary>Velocity gain (β, times 1/Δt) of each candidate's trajectory, per mille.</summary>
    public int HeightBetaPerMille = 100;

    /// <summary>Factor per plot by which a candidate's cost forgets, per mille (850: about seven plots of memory, so a climb is followed).</summary>
    public int HeightCostDecayPerMille = 850;

    /// <summary>Largest normalised squared innovation one plot adds to a candidate's cost (a misassociated plot or a turn costs every candidate alike, no more).</summary>
    public int HeightNisCap = 16;

    /// <summary>Cost difference (−2 ln of the likelihood ratio) by which the best candidate must beat the held height before the track moves to it.</summary>
    public int HeightSwitchMargin = 4;

    /// <summary>
    /// A track's height does not move while its manoeuvre mode is more probable than this, per
    /// mille. 1000, the default: it may always move; the test still needs the best candidate to
    /// fit (<see cref="HeightConsistentCost"/>, <see cref="HeightRecentConsistentCost"/>), and a
    /// turn costs every candidate alike. At 500 (before 2026-12-05) a height held through a long
    /// turn (manoeuvres' zoom-climb descends in a 2°/s turn) stayed kilometres off: on the 454
    /// runs of `TuningSweepTests` 500 cost manoeuvres 3.5 m and midnight-crossings 4.9 m of mean
    /// GOSPA, 800 cost manoeuvres 2.9 m.
    /// </summary>
    public int HeightFrozenManoeuvreProbabilityPerMille = 1000;

    /// <summary>
    /// Largest cost of the best candidate for the height to move: a consistent trajectory's
    /// decayed sum of two-degree-of-freedom NIS averages 2 / (1 − decay), 13 at the default
    /// decay; twice that means no height explains the plots (a turn, a misassociated plot).
    /// </summary>
    public int HeightConsistentCost = 13;

    /// <summary>Factor per plot by which a candidate's recent cost forgets, per mille (500: the last two or three plots).</summary>
    public int HeightRecentDecayPerMille = 500;

    /// <summary>
    /// Largest recent cost of the best candidate that also lets the height move when its decayed
    /// cost is above <see cref="HeightConsistentCost"/>: after a climb, a descent or an
    /// overflight no candidate explained, the decayed costs carry those plots for tens of seconds
    /// (alike for every candidate, so the likelihood ratio is unharmed), while the last plots
    /// already fit one height. 0 turns it off.
    /// </summary>
    public int HeightRecentConsistentCost = 12;

    /// <summary>Consecutive plots on which the same candidate must pass the test before the height moves to it (1: the first; 2 was tried on the tuning seeds and lost the overflight of transponder-masking 53).</summary>
    public int HeightSwitchTests = 1;

    /// <summary>Cost difference beyond which the height moves on the first test (one plot's cap: near the radar the held height is refuted outright).</summary>
    public int HeightImmediateMargin = 16;

    /// <summary>Plots a track's candidates must have seen before its height may move.</summary>
    public int HeightMinimumPlots = 8;

    /// <summary>
    /// A track's address or callsign seen outside its identity gate again within this many of its
    /// radar's scans (plus half a scan of grace), with no plot inside the gate in between, restarts
    /// the track at the plot: a garble is a one-off, a repeated identity means the track is wrong.
    /// </summary>
    public int RadarIdentityRestartScans = 2;

    /// <summary>
    /// A radar track about to be confirmed this close (metres) to a coasting radar track of the
    /// same kind, predicted to the same time, continues that track (its id and zone state)
    /// instead of starting a new one. A backstop behind the turn and sigma gates below: a 2°/s
    /// turn at 250 m/s through three missed scans of a 5 s radar and the three plots that confirm
    /// the new track (a 36 s coast) ends 5.4 km off the straight coast; at 5 km such a bandit's
    /// track was dropped inside the zone (`lost`) and a new one started (gulf, 2 of 50 runs).
    /// </summary>
    public int ResumeCoastingWithinMetres = 10_000;

    /// <summary>…and moving within this speed difference, m/s.</summary>
    public int ResumeCoastingSpeedDifferenceMetresPerSecond = 150;

    /// <summary>
    /// …plus the coasting track's speed times this turn rate times the time since its last
    /// update (at most twice its speed), degrees per second: a target that turned at this rate
    /// while its track coasted straight on changed its velocity by that much (a formation's 2°/s
    /// turn at 250 m/s is 9 m/s²). Proportional to speed, so a slow track (a persistent
    /// scatterer's) is found again only by a track moving as it did. 0 turns it off.
    /// </summary>
    public int ResumeCoastingTurnRateDegreesPerSecond = 3;

    /// <summary>
    /// A hard turn a coasting track may also be found again after, degrees per second, judged at
    /// the new track's first plot (<see cref="ResumeHardTurnBirthWithinMicroseconds"/>): 15°/s is
    /// a fighter's sustained turn at 250 m/s (65 m/s², 6.7 g). A 5 g turn breaks the IMM's
    /// track at its first scan and a new track starts on the plots; with the formation's 3°/s
    /// alone, manoeuvres' s-turns made 6.2 id changes per run. 0 turns it off.
    /// </summary>
    public int ResumeHardTurnRateDegreesPerSecond = 15;

    /// <summary>
    /// The hard-turn resume needs the new track's first plot within this long after the coasting
    /// track's last update, µs (two scans of a 5 s radar): a track that broke on a turn has its
    /// successor born at once; a target crossing near a track coasting off has not.
    /// </summary>
    public long ResumeHardTurnBirthWithinMicroseconds = 10_000_000;

    /// <summary>…and within this many sigmas of the two tracks' combined position uncertainty.</summary>
    public int ResumeGateSigmas = 6;

    /// <summary>
    /// A tentative radar track with this many plots (the last the first of a new scan) may already
    /// continue a coasting track, before its own confirmation, by the hard-turn rule alone
    /// (<see cref="ResumeHardTurnRateDegreesPerSecond"/>: born soon after the track's last update,
    /// where the turn reaches) and when its velocity shows the turn
    /// (<see cref="ResumeTentativeTurnChiSquare"/>): the coasting track's existence is the
    /// evidence the score would otherwise gather over more scans. Manoeuvres' s-turns were
    /// followed by no track for 12-16 s after each break (the successor's birth and its
    /// confirmation); with 2 the gap is one scan shorter. Not for drones (a drone's turn stays
    /// within its gate; in clutter two plots near its coasting track are often clutter's), and
    /// not by the rule that compares the tracks now (in `TrackLifeSceneTests`' clutter it let a
    /// crossing target's two-plot track take a coasting one's id). 0: continuity only at
    /// confirmation.
    /// </summary>
    public int ResumeTentativeFromPlots = 2;

    /// <summary>
    /// The velocity difference between a tentative track and the coasting track it would continue
    /// early, against their summed velocity covariances, must reach this χ² (2 degrees of freedom;
    /// 6 is the 95 % point): evidence of the turn that broke the track. A wingman born beside its
    /// leader's coasting track flies the leader's velocity (gulf seed 122: a bandit's coasting
    /// track taken by its wingman's two-plot track). 0: no such test.
    /// </summary>
    public int ResumeTentativeTurnChiSquare = 6;

    /// <summary>
    /// One-sigma per axis of the CPR quantisation of an airborne position, millimetres, added in
    /// quadrature to the NACp/NIC sigma (the 17-bit airborne CPR step is about 5.1 m: 5.1/√12).
    /// </summary>
    public int AdsbCprQuantisationSigmaMillimetres = 1_500;

    /// <summary>
    /// An ADS-B address may adopt an unidentified radar track younger than this (or tentative),
    /// unless the track is already non-cooperative: older tracks are never adopted (masking).
    /// </summary>
    public long AdsbAdoptionMaxTrackAgeMicroseconds = 20_000_000;

    /// <summary>An ADS-B track's positions are gated once it has used this many.</summary>
    public int AdsbGateAfterPositions = 2;

    /// <summary>Consecutive gate rejects after which an ADS-B track restarts at the new position.</summary>
    public int AdsbRejectsBeforeRestart = 3;

    /// <summary>
    /// A track counts as fed by ADS-B while its last ADS-B position is more recent than this:
    /// a radar plot's contradiction is then the ADS-B's (possible spoofing) and identity-associated
    /// plots skip the identity gate, µs.
    /// </summary>
    public long AdsbFedWithinMicroseconds = 10_000_000;

    /// <summary>Kinematically associated radar plots of an ADS-B-fed track judged together for agreement.</summary>
    public int KinematicDisagreementWindowPlots = 8;

    /// <summary>
    /// Mean NIS (Q31.32, 2 degrees of freedom: 2 expected) of a window of kinematic plots beyond
    /// which radar systematically disagrees with the track's ADS-B (counted as a disagreement).
    /// </summary>
    public long KinematicDisagreementMeanNis = Q31x32.FromInteger(6);

    /// <summary>
    /// One-sigma of the pressure-altitude-to-geometric-height conversion at sea level when the
    /// aircraft does not send its GNSS-baro difference: the surface pressure's departure from
    /// the standard atmosphere (about 10 hPa, 8.4 m/hPa), millimetres.
    /// </summary>
    public int IsaSurfaceSigmaMillimetres = 80_000;

    /// <summary>
    /// Growth of that one-sigma with altitude, parts per thousand of the altitude: a column
    /// about 6 K off the standard temperature (6/288 = 2 %); with the surface term about 200 m at FL300.
    /// </summary>
    public int IsaSigmaPartsPerThousand = 20;

    /// <summary>One-sigma of the aircraft's own GNSS-baro difference (25 ft steps, GNSS vertical error), millimetres.</summary>
    public int GeometricMinusBarometricSigmaMillimetres = 15_000;

    /// <summary>One-sigma of an ADS-B GNSS height (TC 20-22), millimetres.</summary>
    public int GnssHeightSigmaMillimetres = 15_000;

    /// <summary>One-sigma of an ADS-B vertical rate (64 ft/min steps and more), millimetres per second.</summary>
    public int AdsbVerticalRateSigmaMillimetresPerSecond = 1_000;

    /// <summary>One-sigma of the unknown vertical rate when a track's first height arrives, millimetres per second.</summary>
    public int InitialVerticalRateSigmaMillimetresPerSecond = 20_000;

    /// <summary>
    /// Lowest one-sigma given to an ADS-B velocity whatever its NACv says, millimetres per second
    /// (0: the NACv sigma as is). With the single constant-velocity model a velocity trusted more
    /// than the model deserves makes the track lag in turns: on the recorded civil-only scenario
    /// (NACv 2, 1.23 m/s) a floor of 0 gave position RMSE 6.9 m and NEES 2.6, this 2 m/s 5.5 m and
    /// 1.0 (busy-sky 7.8 m / 3.0 against 6.5 m / 1.3). Lower it once turns are modelled (IMM).
    /// </summary>
    public int AdsbVelocitySigmaFloorMillimetresPerSecond = 2_000;

    /// <summary>
    /// Radar registration against ADS-B (<see cref="Registration.RadarRegistration"/>): plots of
    /// ADS-B-fed aircraft teach each radar its bias and noise, which then correct its plots and
    /// replace the configured sigmas.
    /// </summary>
    public bool RadarRegistration = true;

    /// <summary>Residuals a radar needs before its learned bias and noise are used.</summary>
    public int RegistrationMinimumSamples = 30;

    /// <summary>Registration forgets with weight 2^-shift per residual once that many are in (8: 256 residuals).</summary>
    public int RegistrationForgettingShift = 8;

    /// <summary>A plot learns only while the track's last ADS-B position is this close in time, µs.</summary>
    public long RegistrationAdsbFreshnessMicroseconds = 2_000_000;

    /// <summary>A range residual beyond this is a mis-association, ignored, millimetres.</summary>
    public long RegistrationMaximumRangeResidualMillimetres = 1_500_000;

    /// <summary>An azimuth residual beyond this is a mis-association, ignored, µdeg.</summary>
    public long RegistrationMaximumAzimuthResidualMicrodegrees = 1_000_000;

    /// <summary>Smallest learned range sigma used, millimetres.</summary>
    public long RegistrationMinimumRangeSigmaMillimetres = 10_000;

    /// <summary>Smallest learned azimuth sigma used, µdeg.</summary>
    public long RegistrationMinimumAzimuthSigmaMicrodegrees = 10_000;

    /// <summary>
    /// Learn how late ADS-B positions are from radar plots of ADS-B-fed aircraft
    /// (<see cref="Registration.AdsbLatency"/>) and move each ADS-B position forward along the
    /// track's velocity by it. Without a radar nothing is learned and nothing moves.
    /// </summary>
    public bool AdsbLatencyEstimate = true;

    /// <summary>
    /// When the applied latency changes, move each ADS-B-fed track forward along its velocity by
    /// the change at its next ADS-B position: its estimate was built from positions taken as that
    /// much earlier than they were, and would otherwise take its filter's time constant to catch
    /// up (lossy-busy-sky's first minute, while the latency is learned).
    /// </summary>
    public bool AdsbLatencyMovesTracks = true;

    /// <summary>The latency estimate forgets with weight 2^-shift per plot once that many are in (10: 1,024 plots).</summary>
    public int AdsbLatencyForgettingShift = 10;

    /// <summary>
    /// The latency is applied once its estimate's sigma is at most this, µs. With tracks moved
    /// when it changes (<see cref="AdsbLatencyMovesTracks"/>) an early, rougher estimate costs
    /// little and every second sooner counts: on the lossy-busy-sky, jet-formation and border-skim
    /// tuning seeds 40-80 ms all gained 3-5 m GOSPA over 20 ms, at every seed.
    /// </summary>
    public long AdsbLatencyMaximumSigmaMicroseconds = 50_000;

    /// <summary>
    /// A learned latency below this is taken as none, µs: a radar's plot times are themselves
    /// quantised (I048/140 to 1/128 s) and offsets that small cannot be told from its timing
    /// (busy-sky, whose ADS-B has no latency, read 9 ms and lost 3 % of its GOSPA to it).
    /// </summary>
    public long AdsbLatencyMinimumMicroseconds = 20_000;

    /// <summary>
    /// …and below this many of its own sigmas (a significance test: a receiver with no latency
    /// must not apply the noise of an estimate still converging; busy-sky's held-out seeds did).
    /// </summary>
    public int AdsbLatencySignificanceSigmas = 3;

    /// <summary>Largest ADS-B latency believed, µs (the estimate is clamped to 0 … this).</summary>
    public long AdsbLatencyMaximumMicroseconds = 1_000_000;

    /// <summary>
    /// Learn how much the lateness of ADS-B positions varies (<see cref="Registration.AdsbTimingSpread"/>)
    /// and give each position of a moving track that much more variance along its velocity: a
    /// transponder whose positions are 0-0.5 s late puts them up to 125 m behind a jet, while its
    /// NACp says 15 m. Without it the gate threw out a quarter of such positions (lossy-busy-sky).
    /// </summary>
    public bool AdsbTimingSpreadEstimate = true;

    /// <summary>The spread estimate forgets with weight 2^-shift per position once that many are in (12: 4,096 positions).</summary>
    public int AdsbTimingSpreadForgettingShift = 12;

    /// <summary>Positions the spread estimate needs before it is used.</summary>
    public int AdsbTimingSpreadMinimumSamples = 256;

    /// <summary>Largest spread (one sigma) of ADS-B lateness believed, µs.</summary>
    public long AdsbTimingSpreadMaximumMicroseconds = 500_000;

    /// <summary>Tracks slower than this learn nothing of the spread and get no along-track variance, m/s.</summary>
    public int AdsbTimingSpreadMinimumSpeedMetresPerSecond = 30;

    /// <summary>
    /// A primary-only radar track (no identity, no ADS-B) is confirmed only once its estimate has
    /// moved this far (metres) from the plot that started it, and beyond two sigmas of the two
    /// positions' uncertainty: a persistent stationary reflector (a ship, a buoy, sea or ground
    /// clutter that returns scan after scan) scores like a target but never goes anywhere. A
    /// drone at 15 m/s covers 200 m in 13 s. 0 switches the rule off.
    /// </summary>
    public int ConfirmMinimumDisplacementMetres = 200;

    /// <summary>
    /// Sigmas the displacement of a primary-only track must also exceed before it is confirmed:
    /// d² ≥ k² (σ_birth² + σ_now²), the larger position variance of the birth plot and of the
    /// estimate now.
    /// </summary>
    public int ConfirmDisplacementSigmas = 2;

    /// <summary>
    /// The plot that completes a primary-only track's displacement (<see cref="ConfirmMinimumDisplacementMetres"/>)
    /// confirms it only with a normalised innovation squared up to this (Q31.32, 2 degrees of
    /// freedom; 9: a real target exceeds it once in 90 plots and is confirmed a scan later): a
    /// track held on one persistent reflector that jumps onto another nearby has moved by one
    /// improbable step, not by a motion.
    /// </summary>
    public long ConfirmMaximumNis = Q31x32.FromInteger(9);

    /// <summary>
    /// A primary-only radar track is confirmed only when its estimated horizontal velocity is
    /// clearly not zero given its own covariance: vᵀ P_vv⁻¹ v at least this (Q31.32, chi-square
    /// with 2 degrees of freedom; 8: a stationary target's estimate passes one check in 55; twice
    /// in a row, see <see cref="ConfirmVelocityChiSquareAtOnce"/>). Sea
    /// clutter that jitters 200 m in a few scans seems to move at 8-27 m/s from 3-6 plots whose
    /// velocity sigma is as large. Not higher: the drone's process noise (q = 4 m²/s³) keeps a
    /// 1 s radar's velocity sigma at 3-4 m/s per axis however many plots come, so a 15 m/s drone
    /// reaches about 15 and a threshold of 13.8 (99.9 %) would never confirm it. 0 switches the
    /// rule off.
    /// </summary>
    public long ConfirmMinimumVelocityChiSquare = Q31x32.FromInteger(8);

    /// <summary>
    /// <see cref="ConfirmMinimumVelocityChiSquare"/> must hold after two scans in a row (a sea
    /// scatterer's plots spread wider than the radar's noise and one check can pass), unless the
    /// statistic reaches this at once (Q31.32; 20: a stationary target passes one check in
    /// 22,000, about what two checks in a row at 8 allow): a 150 m/s target three plots old
    /// reaches 34 and is not held a scan.
    /// </summary>
    public long ConfirmVelocityChiSquareAtOnce = Q31x32.FromInteger(20);

    /// <summary>
    /// A primary-only track raises no zone entry until a plot after the one that confirmed it is
    /// this many standard deviations of the two plots' difference (and at least
    /// <see cref="ConfirmMinimumDisplacementMetres"/>) from it: motion shown after confirmation,
    /// not only by the plots that confirmed it (one of which may be a jump onto a reflector).
    /// 0: no wait. Four: a stationary reflector's plot passes it about once in 3,000 plots.
    /// </summary>
    public int AlertMotionSigmas = 4;

    /// <summary>
    /// Radar hits a confirmed radar-only track needs before its innovations teach the
    /// registration the radar's noise (when no ADS-B-fed aircraft give a reference).
    /// </summary>
    public int RegistrationInnovationMinimumHits = 6;

    /// <summary>
    /// Samples per radar of its noise from plot differences (Registration.PlotDifferenceNoise):
    /// a trimmed mean square of the last this many (PlotDifferenceNoise).
    /// </summary>
    public int RegistrationDifferenceWindow = 127;

    /// <summary>
    /// Samples from plot differences before their sigma replaces the plots' own. Five, not 15: a
    /// trimmed estimate of five draws is about a third off (one sigma), and early samples read
    /// low (a gate too tight keeps the plots near the prediction), yet both are nearer than a
    /// data sheet written for another radar (the CLI's 0.08° then, 0.16° now, against a drone radar's 0.3°); the
    /// window refines it. Measured with the tentative tracks that teach
    /// (<see cref="RegistrationDifferenceMinimumHits"/>), below.
    /// </summary>
    public int RegistrationDifferenceMinimumSamples = 5;

    /// <summary>
    /// Radar hits a track needs before its plots' differences teach the radar's noise. A
    /// tentative track teaches it too while its velocity is significant, or once its estimate
    /// has stood half the confirmation displacement from its first plot at two scans in a row
    /// (<see cref="ConfirmMinimumDisplacementMetres"/>; a persistent reflector's track seldom does
    /// either: a stationary target passes the velocity check about once in 55 scans, and its
    /// jitter is not the radar's noise on a target): with an assumed noise far from the radar's,
    /// tracks take long to be confirmed, and learning only from confirmed ones came too late
    /// (weaving-drones on the CLI's data sheet, tuning seeds: 5 false tracks per run against 1).
    /// A slow drone seen with an azimuth sigma 3.75 times too tight (the CLI's 0.08° then) breaks its tentative tracks
    /// before their velocity is significant; the displacement lets them teach
    /// (one scan: a stationary reflector's track sometimes did). With five samples enough
    /// (<see cref="RegistrationDifferenceMinimumSamples"/>), against neither change, on the CLI's
    /// data sheet (`TuningSweepTests` with `PICKET_SWEEP_DATASHEET=1`, tuning seeds and 120-139):
    /// drones-in-clutter −3.3 m mean GOSPA (16 of 22 runs better, none worse; completeness
    /// 0.957 → 0.966), weaving-drones −2.2 (16 of 26 better, 2 worse; false tracks 5 → 3),
    /// midnight-crossings +0.3. Every tentative track teaching (no movement asked):
    /// midnight-crossings +28.4 m, its clutter's tracks teaching.
    /// </summary>
    public int RegistrationDifferenceMinimumHits = 4;

    /// <summary>
    /// Scans a track's plot history for the plot differences may skip (missed plots) before it
    /// starts again: longer spans let a manoeuvre into the samples.
    /// </summary>
    public int RegistrationDifferenceMaximumGapScans = 2;

    /// <summary>
    /// Ground range from the radar below which an established track's innovation teaches the
    /// registration nothing (the azimuth of a position error is meaningless that close),
    /// millimetres.
    /// </summary>
    public long RegistrationInnovationMinimumRangeMillimetres = 1_000_000;
}
