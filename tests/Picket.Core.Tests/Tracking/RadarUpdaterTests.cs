using Picket.Asterix;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;

namespace Picket.Tracking;

/// <summary>
/// The radar updater's rules alone, on hand-made plot geometry (no radar geometry computed): a
/// track started at a plot (its position, the larger of the plot's variances, the first hit, the
/// identity), a plot the identity gate rejected gives no codes, and when a track counts as
/// ADS-B-fed (a position within the last 10 s, default).
/// </summary>
public class RadarUpdaterTests : ITrackerOutput
{
    private const long Start = RadarRoleRig.Start;
    private readonly List<TrackReport> _reports = new();

    void ITrackerOutput.OnTrackReport(ref TrackReport report) => _reports.Add(report);

    void ITrackerOutput.OnZoneAlert(ref ZoneAlert alert)
    {
    }

    [Theory]
    [InlineData(false, 0, false)] // never fed
    [InlineData(true, 9_999_999, true)] // 9.999 999 s ago
    [InlineData(true, 10_000_000, false)] // 10 s ago: no longer
    public void IsAdsbFed_LastAdsbPosition_FedWithinTenSeconds(bool fed, long ago, bool expected)
    {
        var role = new RadarRoleRig(2, this);
        var track = new Track(0);
        track.LastAdsbPositionMicroseconds = fed ? Start - ago : Track.NeverMicroseconds;

        Assert.Equal(expected, role.Updater.IsAdsbFed(track, Start));
    }

    [Fact]
    public void StartFromPlot_PlotWithMode3A_TentativeTrackAtThePlotWithItsFirstHit()
    {
        var role = new RadarRoleRig(2, this);
        // 1 km east, 2 km north; σ range 50 m (2,500 m²), σ cross-range 120 m (14,400 m²).
        PlotGeometry plot = Place(role, 1_000, 2_000, 2_500, 14_400);
        role.Plots[0].HasMode3A = true;
        role.Plots[0].Mode3A = 0x7000;

        role.Updater.StartFromPlot(0, Start);

        Track track = role.Tracks[0];
        Assert.True(track.InUse);
        Assert.True(plot.Used);
        Assert.Equal(TrackStatus.Tentative, track.Status);
        Assert.Equal(Q31x32.FromInteger(1_000), track.Filter.Horizontal.Mean[0]);
        Assert.Equal(Q31x32.FromInteger(2_000), track.Filter.Horizontal.Mean[1]);
        Assert.Equal(Q31x32.FromInteger(1_000), track.BirthEast);
        // A plot with its own height: its larger variance on both axes.
        Assert.Equal(Q39x24.FromInteger(14_400), track.Filter.Horizontal.CovarianceAt(0, 0));
        Assert.Equal(Q39x24.FromInteger(14_400), track.Filter.Horizontal.CovarianceAt(1, 1));
        Assert.Equal(0, track.Filter.Horizontal.CovarianceAt(0, 1));
        Assert.Equal(Q39x24.FromInteger(14_400), track.BirthVariance);
        Assert.Equal(1, track.RadarHits);
        Assert.Equal(1u, track.UpdateCount);
        Assert.Equal(Start, track.LastRadarMicroseconds);
        Assert.Equal(TrackSources.RadarSsr, track.Sources);
        Assert.True(track.HasRadarSensor);
        Assert.Equal(7, track.RadarSensorId);
        Assert.True(track.HasMode3A);
        Assert.Equal(0x7000, track.Mode3A);
        Assert.False(track.IdentityRelayedOnly);
        // A first plot reports the new track at once (status change).
        Assert.Single(_reports);
    }

    [Fact]
    public void StartFromPlot_HeightlessPlot_TrackStartsWithThePlotsOwnCovariance()
    {
        var role = new RadarRoleRig(2, this);
        // 1 km east, 2 km north, no height: its band spreads the ground range (σ 1 km along the
        // ray, 1,000,000 m²), the azimuth 50 m across it (2,500 m²).
        PlotGeometry plot = Place(role, 1_000, 2_000, 1_000_000, 2_500);
        plot.HasOwnHeight = false;

        role.Updater.StartFromPlot(0, Start);

        // Along the ray u = (1, 2)/√5 the range variance, across it w = (2, −1)/√5 the
        // cross-range one: P = σr² u uᵀ + σc² w wᵀ, not 1,000,000 m² on both axes.
        Track track = role.Tracks[0];
        Assert.Equal((1_000_000 * 0.2) + (2_500 * 0.8), track.Filter.Horizontal.CovarianceAt(0, 0) / (double)Q39x24.One, 0.01);
        Assert.Equal((1_000_000 * 0.8) + (2_500 * 0.2), track.Filter.Horizontal.CovarianceAt(1, 1) / (double)Q39x24.One, 0.01);
        Assert.Equal((1_000_000 - 2_500) * 0.4, track.Filter.Horizontal.CovarianceAt(0, 1) / (double)Q39x24.One, 0.01);
        Assert.Equal(track.Filter.Horizontal.CovarianceAt(0, 1), track.Filter.Horizontal.CovarianceAt(1, 0));
        // The displacement rule's scale stays the plot's larger variance.
        Assert.Equal(Q39x24.FromInteger(1_000_000), track.BirthVariance);
    }

    [Fact]
    public void StartFromPlot_IdentityRejectedPlot_NoCodesOnTheTrack()
    {
        var role = new RadarRoleRig(2, this);
        PlotGeometry plot = Place(role, 1_000, 2_000, 2_500, 2_500);
        plot.IdentityRejected = true;
        role.Plots[0].HasMode3A = true;
        role.Plots[0].Mode3A = 0x7000;

        role.Updater.StartFromPlot(0, Start);

        Track track = role.Tracks[0];
        Assert.True(track.InUse);
        Assert.False(track.HasMode3A);
    }

    // Plot 0: a Mode A/C (SSR) plot of sensor 7 at Start with its own height (so no assumed
    // height), placed by hand at (east, north) m with the given variances, m².
    private static PlotGeometry Place(RadarRoleRig role, int east, int north, long rangeVariance, long crossRangeVariance)
    {
        role.Plots[0] = new RadarMeasurement { SensorId = 7, TimeUnixMicroseconds = Start, ReportType = TargetReportType.Ssr, RangeMillimetres = 2_236_068 };
        PlotGeometry plot = role.Geometry[0];
        plot.Usable = true;
        plot.HasOwnHeight = true;
        plot.East = Q31x32.FromInteger(east);
        plot.North = Q31x32.FromInteger(north);
        // The plot's azimuth from the radar at the origin: sin θ = east / ground range.
        var ground = Math.Sqrt(((double)east * east) + ((double)north * north));
        plot.Sine = (long)Math.Round(east / ground * Q2x61.One);
        plot.Cosine = (long)Math.Round(north / ground * Q2x61.One);
        plot.RangeVariance = Q39x24.FromInteger(rangeVariance);
        plot.CrossRangeVariance = Q39x24.FromInteger(crossRangeVariance);
        return plot;
    }
}
