using Picket.Geodesy;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Tracking.Life;
using Picket.Zones;

namespace Picket.Tracking;

/// <summary>
/// The housekeeping role alone, on hand-made tracks in a table with no zones (one test: one): a round drops the
/// track deletion ends (reported <c>Dropped</c>) and reports the others when due; a confirmation
/// is counted; a report after an update only on a status change, after the minimum interval or
/// after a periodic report.
/// Times worked out by hand in the comments (default intervals: report 5 s, housekeeping 1 s,
/// minimum report 1 s; scan 4 s).
/// </summary>
public class TrackHousekeepingTests : ITrackerOutput
{
    private const long Start = 1_000_000_000_000;
    private const long Second = 1_000_000;
    private readonly List<TrackReport> _reports = new();
    private readonly List<ZoneAlert> _alerts = new();

    void ITrackerOutput.OnTrackReport(ref TrackReport report) => _reports.Add(report);

    void ITrackerOutput.OnZoneAlert(ref ZoneAlert alert) => _alerts.Add(alert);

    [Fact]
    public void CheckZones_PrimaryTrackNotYetSeenMovingSinceConfirmation_EntersNothingUntilItHasAnIdentity()
    {
        // A zone around the mast (±5 km); a confirmed primary-only track at rest at its centre whose
        // plots have not moved since its confirmation: samples 1 s apart raise nothing.
        var (housekeeping, table, _) = Role(zoneAroundTheMast: true);
        Track track = Place(table);
        track.Status = TrackStatus.Confirmed;
        track.MotionShown = false;
        housekeeping.CheckZones(track, Start, fresh: true);
        housekeeping.CheckZones(track, Start + Second, fresh: true);
        Assert.Empty(_alerts);

        // An ADS-B position makes it a track the hold is not for: the next two samples enter.
        track.LastAdsbPositionMicroseconds = Start + (2 * Second);
        housekeeping.CheckZones(track, Start + (2 * Second), fresh: true);
        housekeeping.CheckZones(track, Start + (3 * Second), fresh: true);
        Assert.Equal(ZoneAlertEvent.Enter, Assert.Single(_alerts).Event);
    }

    [Fact]
    public void ReportIfDue_SameStatusWithinTheMinimumInterval_ReportedOnlyOnceItHasPassed()
    {
        var (housekeeping, table, _) = Role();
        Track track = Place(table);
        track.ReportedStatus = TrackStatus.Tentative;
        track.LastReportMicroseconds = Start;

        // The filter 0.999 999 s after the last report: not due; 1 s after: due.
        track.Filter.Predict(Start + Second - 1);
        housekeeping.ReportIfDue(track, Start + Second - 1);
        Assert.Empty(_reports);

        track.Filter.Predict(Start + Second);
        housekeeping.ReportIfDue(track, Start + Second);
        Assert.Single(_reports);
        Assert.Equal(TrackStatus.Tentative, _reports[0].Status);
    }

    [Fact]
    public void ReportIfDue_PlotHalfASecondAfterThePeriodicReport_ReportedAtOnce()
    {
        // Reported at its plot at 0 s; the periodic report is due 3 s on (5 s less two 1 s
        // rounds) and comes at the 3.5 s round, a prediction. The next plot of a 4 s radar, at
        // 4 s, is half a second after it: within the minimum interval, but the report before it
        // carried no measurement, so this one is reported at once, not 3 s later with the next
        // periodic report.
        var (housekeeping, table, _) = Role();
        Track track = Place(table);
        track.RadarHits = 1;
        track.ReportedStatus = TrackStatus.Tentative;
        track.LastReportMicroseconds = Start;

        housekeeping.Housekeeping(Start + (3 * Second) + 500_000);
        Assert.Single(_reports);
        Assert.Equal(Start + (3 * Second) + 500_000, _reports[0].TimeUnixMicroseconds);

        track.Filter.Predict(Start + (4 * Second));
        housekeeping.ReportIfDue(track, Start + (4 * Second));

        Assert.Equal(2, _reports.Count);
        Assert.Equal(Start + (4 * Second), _reports[1].TimeUnixMicroseconds);

        // Half a second later again the last report carried the plot: the minimum interval holds.
        track.Filter.Predict(Start + (4 * Second) + 500_000);
        housekeeping.ReportIfDue(track, Start + (4 * Second) + 500_000);
        Assert.Equal(2, _reports.Count);
    }

    [Fact]
    public void ReportIfDue_StatusChanged_ReportedAtOnce()
    {
        var (housekeeping, table, _) = Role();
        Track track = Place(table);
        track.ReportedStatus = TrackStatus.Tentative;
        track.LastReportMicroseconds = Start;
        track.Status = TrackStatus.Confirmed;

        housekeeping.ReportIfDue(track, Start);

        Assert.Single(_reports);
        Assert.Equal(TrackStatus.Confirmed, _reports[0].Status);
        Assert.Equal(TrackStatus.Confirmed, track.ReportedStatus);
    }

    [Fact]
    public void Confirm_TentativeTrack_ConfirmedAndCounted()
    {
        var (housekeeping, table, counters) = Role();
        Track track = Place(table);

        housekeeping.Confirm(track, Start);

        Assert.Equal(TrackStatus.Confirmed, track.Status);
        Assert.Equal(1, counters.TracksConfirmed);
        Assert.Empty(_reports);
    }

    [Fact]
    public void Housekeeping_TentativeTrackThatCanNoLongerConfirm_DroppedAndReportedDropped()
    {
        var (housekeeping, table, counters) = Role();
        Track track = Place(table);
        track.RadarHits = 1;

        // Three 4 s scans passed at 10.1 s (idle 10.1 - 2 = 8.1 s: two missed): 1 hit + 3 scans
        // left of six < 5, M-of-N can no longer confirm it.
        housekeeping.Housekeeping(Start + (10 * Second) + 100_000);

        Assert.False(track.InUse);
        Assert.Equal(1, counters.TracksDropped);
        Assert.Single(_reports);
        Assert.Equal(TrackStatus.Dropped, _reports[0].Status);
    }

    [Fact]
    public void Housekeeping_LiveTrackNeverReported_ReportedWithItsStatus()
    {
        var (housekeeping, table, _) = Role();
        Track track = Place(table);
        track.RadarHits = 1;

        // 2.1 s: one scan passed, none missed (1 + 5 ≥ 5); never reported, so reported now.
        housekeeping.Housekeeping(Start + (2 * Second) + 100_000);

        Assert.True(track.InUse);
        Assert.Single(_reports);
        Assert.Equal(TrackStatus.Tentative, _reports[0].Status);
        Assert.Equal(Start + (2 * Second) + 100_000, track.LastReportMicroseconds);
    }

    private (TrackHousekeeping Housekeeping, TrackTable Table, TrackerCounters Counters) Role(bool zoneAroundTheMast = false)
    {
        int saturations = 0;
        var configuration = new TrackerConfiguration { LifeRule = TrackLifeRule.MOfN, TrackCapacity = 2 };
        var plane = new MastPlane(Q2x61.FromDegreesE7(595_000_000, ref saturations), Q2x61.FromDegreesE7(250_000_000, ref saturations));
        var counters = new TrackerCounters();
        var reporter = new TrackReporter(plane, this);
        ZoneGeometry[] geometry = zoneAroundTheMast ? [new ZoneGeometry([-5_000_000, 5_000_000, 5_000_000, -5_000_000], [-5_000_000, -5_000_000, 5_000_000, 5_000_000], [0])] : [];
        var zones = new ZoneMonitor(geometry, geometry.Select(_ => "around the mast").ToArray(), 100_000, 2, 10_000, 2, 500, 500_000, this, counters);
        var table = new TrackTable(configuration, geometry.Length, zones, reporter, counters);
        var confirmation = new TrackConfirmation(configuration, counters);
        var sites = new RadarSiteTable(configuration.RadarCapacity);
        var deletion = new TrackDeletion(configuration, sites, confirmation);
        return (new TrackHousekeeping(configuration, table, confirmation, deletion, sites, zones, reporter, new TargetClassifier(configuration), counters), table, counters);
    }

    // A tentative track started at Start at the mast, σ 100 m per position axis, at rest.
    private static Track Place(TrackTable table)
    {
        Track track = table.Allocate(Start, Start);
        track.Filter.Initialise(Start, 0, 0, Q39x24.FromInteger(10_000), 0, 0, Q39x24.FromInteger(1));
        return track;
    }
}
