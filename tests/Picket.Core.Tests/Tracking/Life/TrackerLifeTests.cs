using Picket.Publishing;

namespace Picket.Tracking.Life;

/// <summary>
/// The score wired into the tracker, on noiseless plots whose score is worked out by hand in the
/// comments (densities per m² per scan; the clutter map learns each track-starting plot).
/// </summary>
public class TrackerLifeTests
{
    // A primary-only target 20 km north-east of the mast at 3 km height, 150 m/s east, one plot per 4 s scan.
    private static void Plot(TrackerScene scene, int scan, int icao = 0) =>
        scene.RadarPlot(scan * 4.0, 14_000 + (600.0 * scan), 14_000, 3_000, icao);

    private static TrackStatus StatusAfter(TrackerScene scene, int scan)
    {
        scene.Tracker.AdvanceTo(TrackerScene.At((scan * 4.0) + 2));
        return Assert.Single(scene.Tracker.Tracks, t => t.InUse).Status;
    }

    [Fact]
    public void AddRadar_PrimaryTargetInAQuietSky_ConfirmedOnItsThirdScan()
    {
        // β = max(floor 1e-10, 1 plot over the 24 km disc = 5.5e-10); L₀ = ln(0.85 × 1e-9 / 5.5e-10) = 0.4.
        // Second plot: σ ≈ 800 m per axis (200 m/s × 4 s), ΔL ≈ ln(0.85 / (5.5e-10 × 2π × 6.4e5)) = 6.0 → 6.4 < 9.2.
        // Third plot: |S|^½ ≈ 1e4 m² or less, ΔL ≥ 10 → confirmed (M-of-N waited for the fifth).
        var scene = new TrackerScene();
        Plot(scene, 0);
        Assert.Equal(TrackStatus.Tentative, StatusAfter(scene, 0));
        Plot(scene, 1);
        Assert.Equal(TrackStatus.Tentative, StatusAfter(scene, 1));
        Plot(scene, 2);
        Assert.Equal(TrackStatus.Confirmed, StatusAfter(scene, 2));
    }

    [Fact]
    public void AddRadar_ModeSPlots_IdentityPriorConfirmsOnTheSecondScan()
    {
        // L₀ gains ln 1000 = 6.9 for a plot that replies with an address: 7.3 + 6.0 ≥ 9.2.
        var scene = new TrackerScene();
        Plot(scene, 0, icao: 0x4CA123);
        Assert.Equal(TrackStatus.Tentative, StatusAfter(scene, 0));
        Plot(scene, 1, icao: 0x4CA123);
        Assert.Equal(TrackStatus.Confirmed, StatusAfter(scene, 1));
    }

    [Fact]
    public void AddRadar_MOfNSelected_PrimaryTargetWaitsForFiveHits()
    {
        var scene = new TrackerScene(new TrackerConfiguration { LifeRule = TrackLifeRule.MOfN });
        for (var scan = 0; scan < 4; scan++)
        {
            Plot(scene, scan);
            Assert.Equal(TrackStatus.Tentative, StatusAfter(scene, scan));
        }

        Plot(scene, 4);
        Assert.Equal(TrackStatus.Confirmed, StatusAfter(scene, 4));
    }

    [Theory]
    [InlineData(85, 5)] // 9 / ln(1 / 0.15) = 4.7: the fifth miss.
    [InlineData(95, 4)] // 9 / ln(1 / 0.05) = 3.004: the fourth miss.
    public void AdvanceTo_ConfirmedTargetNoLongerSeen_DroppedWhenTheScoreFallsNineNatsBelowItsPeak(int detectionPercent, int missesToDrop)
    {
        var scene = new TrackerScene(new TrackerConfiguration { ScoreDetectionProbabilityPercent = detectionPercent });
        for (var scan = 0; scan < 8; scan++)
        {
            Plot(scene, scan);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(29));
        var track = Assert.Single(scene.Tracker.Tracks, t => t.InUse);
        Assert.Equal(20.0, track.Score / (double)Numerics.Q31x32.One, 1e-9); // at the ceiling: the peak.

        // Last plot at 28 s; a miss is counted half a scan after each expected plot, 30 s + 4 s k.
        for (var second = 30; second <= 30 + (4 * missesToDrop) + 2; second++)
        {
            scene.Tracker.AdvanceTo(TrackerScene.At(second + 0.5));
            var dropAt = 30 + (4 * missesToDrop);
            Assert.Equal(second < dropAt, track.InUse);
        }
    }
}
