using Picket.Geodesy;
using Picket.Numerics;
using Picket.Publishing;

namespace Picket.Tracking;

/// <summary><see cref="TrackReporter"/> alone: a hand-made track state to the report's units.</summary>
public class TrackReporterTests : ITrackerOutput
{
    private readonly List<TrackReport> _reports = [];

    void ITrackerOutput.OnTrackReport(ref TrackReport report) => _reports.Add(report);

    void ITrackerOutput.OnZoneAlert(ref ZoneAlert alert)
    {
    }

    [Fact]
    public void Report_TrackAtTheMastOrigin_MastPositionSigmasVelocityAgeAndBookkeeping()
    {
        // A track at the plane's origin (the mast, 59.5° N 25.0° E) moving 10 m/s east, position
        // variance 100 m² (σ 10 m), velocity variance 4 m²/s² (σ 2 m/s), born 30 s before now.
        var (reporter, track) = ReporterAndTrack();

        reporter.Report(track, TrackStatus.Confirmed, 31_000_000);

        var report = Assert.Single(_reports);
        Assert.Equal(42, report.TrackId);
        Assert.Equal(TrackStatus.Confirmed, report.Status);
        Assert.Equal(31_000_000, report.TimeUnixMicroseconds);
        Assert.InRange(report.LatitudeE7, 594_999_999, 595_000_001);
        Assert.InRange(report.LongitudeE7, 249_999_999, 250_000_001);
        Assert.InRange(report.VelocityEastMillimetresPerSecond, 9_999, 10_001);
        Assert.InRange(report.VelocityNorthMillimetresPerSecond, -1, 1);
        Assert.Equal(10_000u, report.PositionSigmaEastMillimetres);
        Assert.Equal(10_000u, report.PositionSigmaNorthMillimetres);
        Assert.Equal(2_000u, report.VelocitySigmaEastMillimetresPerSecond);
        Assert.Equal(0, report.PositionCorrelationPpm);
        Assert.Equal(30_000, report.AgeMilliseconds);
        Assert.False(report.HasBarometricAltitude);
        Assert.Equal(31_000_000, track.LastReportMicroseconds);
        Assert.Equal(TrackStatus.Confirmed, track.ReportedStatus);
    }

    [Fact]
    public void Report_PredictedToALaterTime_ReportsTheCopyTheFilterStaysAndLaterReportsNeverGoBack()
    {
        // The same track at 31 s, 10 m/s east. A periodic report at 35 s is the estimate flown on
        // (40 m east, σ grown by the prediction); the track's filter stays at 31 s for the plot of
        // 33 s that arrives afterwards. A report right after that plot comes at 35 s, not at 33 s.
        var (reporter, track) = ReporterAndTrack();

        reporter.Report(track, TrackStatus.Coasting, 35_000_000, 35_000_000);
        track.Filter.Predict(33_000_000);
        reporter.Report(track, TrackStatus.Confirmed, 35_000_000);

        Assert.Equal([35_000_000L, 35_000_000L], _reports.Select(r => r.TimeUnixMicroseconds));
        Assert.Equal(33_000_000, track.Filter.TimeMicroseconds);
        var (east, _) = TrackerScene.ToLocal(_reports[0].LatitudeE7, _reports[0].LongitudeE7);
        Assert.InRange(east, 39.9, 40.1);
        Assert.True(_reports[0].PositionSigmaEastMillimetres > 10_000u);
        Assert.Equal(35_000_000, track.LastReportMicroseconds);
    }

    // The mast at 59.5° N 25.0° E; track 42 born at 1 s, at the origin at 31 s, 10 m/s east,
    // position variance 100 m² (σ 10 m), velocity variance 4 m²/s² (σ 2 m/s).
    private (TrackReporter Reporter, Track Track) ReporterAndTrack()
    {
        var saturations = 0;
        var plane = new MastPlane(Q2x61.FromDegreesE7(595_000_000, ref saturations), Q2x61.FromDegreesE7(250_000_000, ref saturations));
        var track = new Track(0);
        track.Reset(42, 1_000_000);
        track.Filter.Initialise(31_000_000, 0, 0, Q39x24.FromInteger(100), Q31x32.FromInteger(10), 0, Q39x24.FromInteger(4));
        return (new TrackReporter(plane, this), track);
    }
}
