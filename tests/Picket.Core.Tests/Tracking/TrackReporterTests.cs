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
        var saturations = 0;
        var plane = new MastPlane(Q2x61.FromDegreesE7(595_000_000, ref saturations), Q2x61.FromDegreesE7(250_000_000, ref saturations));
        var reporter = new TrackReporter(plane, this);
        var track = new Track(0);
        track.Reset(42, 1_000_000);
        track.Filter.Initialise(31_000_000, 0, 0, Q39x24.FromInteger(100), Q31x32.FromInteger(10), 0, Q39x24.FromInteger(4));

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
}
