using Picket.Publishing;

namespace Picket.Tracking.Life;

/// <summary>
/// The score wired into the tracker, on noiseless plots whose score is worked out by hand in the
/// comments (densities per m² per scan; the clutter map learns each track-starting plot).
/// </summary>
public class TrackerLifeTests
{
    // The radar noise the jet-formation comparison tells the tracker: 60 m and 0.12° × 1.3.
    private const int SeaSigmaRangeMillimetres = 78_000;
    private const int SeaSigmaAzimuthMicrodegrees = 156_000;

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
    [Fact]
    public void AddRadar_StationaryReflectorThenAPlotOnAnotherOneNearby_NeverConfirmed()
    {
        // Sea clutter (jet-formation tuning seed 38, the plots as drawn): one scatterer 31 km
        // north returning four scans within 90 m of its place, a scan without it, then a plot on
        // another scatterer 450 m away. The 450 m are one jump, not motion: the displacement rule
        // counts only when the estimate was already half the distance away at the scan before.
        var scene = QuietWideSky();
        (double East, double North)[] plots = [(-1_840, 31_286), (-1_672, 31_248), (-1_763, 31_269), (-1_760, 31_328), (double.NaN, 0), (-2_057, 30_939)];
        for (var scan = 0; scan < plots.Length; scan++)
        {
            if (!double.IsNaN(plots[scan].East))
            {
                scene.RadarPlot(scan * 4.0, plots[scan].East, plots[scan].North, 0, 0, 0, SeaSigmaRangeMillimetres, SeaSigmaAzimuthMicrodegrees, withModeC: false, measuresHeight: true);
            }

            scene.Tracker.AdvanceTo(TrackerScene.At((scan * 4.0) + 2));
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(40));
        Assert.DoesNotContain(scene.Reports, r => r.Status is TrackStatus.Confirmed or TrackStatus.Coasting);
    }

    [Fact]
    public void AddRadar_TwoPlotsAJumpApartThenStationary_NeverConfirmed()
    {
        // Jet-formation tuning seed 39 (the plots as drawn): a plot, then 4 s later one 770 m away
        // on a sea scatterer that returns for two more scans and dies. Two plots fit any velocity;
        // before the fix the second confirmed the track at once (its zone raised a false enter
        // alert, then a lost one). The third plot misses the two plots' velocity (NIS above 9).
        var scene = QuietWideSky();
        scene.RadarPlot(0, -22_394, 25_992, 0, 0, 0, SeaSigmaRangeMillimetres, SeaSigmaAzimuthMicrodegrees, withModeC: false, measuresHeight: true);
        scene.Tracker.AdvanceTo(TrackerScene.At(2));
        (double East, double North)[] scatterer = [(-21_670, 25_734), (-21_642, 25_740), (-21_681, 25_730)];
        for (var scan = 0; scan < scatterer.Length; scan++)
        {
            scene.RadarPlot((scan + 1) * 4.0, scatterer[scan].East, scatterer[scan].North, 0, 0, 0, SeaSigmaRangeMillimetres, SeaSigmaAzimuthMicrodegrees, withModeC: false, measuresHeight: true);
            scene.Tracker.AdvanceTo(TrackerScene.At(((scan + 1) * 4.0) + 2));
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(40));
        Assert.DoesNotContain(scene.Reports, r => r.Status is TrackStatus.Confirmed or TrackStatus.Coasting);
    }

    [Theory]
    [InlineData(SeaSigmaRangeMillimetres, SeaSigmaAzimuthMicrodegrees)]
    [InlineData(67_600, 115_000)] // What the registration learns on jet-formation (the README).
    public void AddRadar_SeaScattererJitteringTwoHundredMetres_NeverConfirmed(int sigmaRangeMillimetres, int sigmaAzimuthMicrodegrees)
    {
        // Jet-formation tuning seed 48 (the plots as drawn): a sea scatterer 6.5 km north-east of
        // the mast whose plots wander 200 m in 8 s and come back. Three plots moved the estimate
        // 214 m at about 27 m/s, and the track was confirmed and raised a false enter. The motion
        // is along the range axis, where the velocity's sigma is as large: by hand 78 m / √32 s
        // ≈ 14 m/s from three plots 4 s apart by least squares, more with process noise, so
        // vᵀ P_vv⁻¹ v ≈ (27 / 14)² ≈ 4, below the threshold of 8.
        var scene = QuietWideSky();
        (double East, double North)[] plots = [(4_409, 4_810), (4_313, 4_714), (4_315, 4_634), (4_380, 4_782)];
        for (var scan = 0; scan < plots.Length; scan++)
        {
            scene.RadarPlot(52.5 + (scan * 4.0), plots[scan].East, plots[scan].North, 0, 0, 0, sigmaRangeMillimetres, sigmaAzimuthMicrodegrees, withModeC: false, measuresHeight: true);
            scene.Tracker.AdvanceTo(TrackerScene.At(52.5 + (scan * 4.0) + 2));
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(100));
        Assert.DoesNotContain(scene.Reports, r => r.Status is TrackStatus.Confirmed or TrackStatus.Coasting);
    }

    [Fact]
    public void AddRadar_DroneAtFifteenMetresPerSecondOnAOneSecondRadar_ConfirmedOnceItHasMoved()
    {
        // A 15 m/s drone 5 km out on a 1 s radar (drone radar noise: 10 m, 0.3°), noiseless plots.
        // The displacement rule alone confirms it once its estimate is 200 m from its first plot,
        // about 13-15 s. By hand (the Kalman variance recursion, q = 4 m²/s³, σ 26 m cross-range
        // and 10 m range, 1 s) the velocity sigma settles at 4.3 and 3.3 m/s within 8 plots; the
        // velocity (9 m/s radial, 12 m/s across) gives vᵀ P_vv⁻¹ v ≈ 7.8 + 7.4 ≈ 15 ≥ 8: the
        // velocity rule must not delay it.
        var configuration = new TrackerConfiguration { ScanPeriodMicroseconds = 1_000_000 };
        var scene = new TrackerScene(configuration);
        double confirmedAt = double.NaN;
        for (var second = 0; second <= 30; second++)
        {
            scene.RadarPlot(second, 3_000 + (15.0 * second), 4_000, 150, 0, 0, 10_000, 300_000, withModeC: false);
            scene.Tracker.AdvanceTo(TrackerScene.At(second + 0.5));
            if (double.IsNaN(confirmedAt) && scene.Reports.Exists(r => r.Status == TrackStatus.Confirmed))
            {
                confirmedAt = second;
            }
        }

        Assert.InRange(confirmedAt, 12, 16);
    }

    // A wide, quiet sky as in jet-formation (5 false plots a scan over 180 km): one plot 170 km
    // out teaches the clutter map the disc, so the density near the mast is the floor, 1e-10.
    private static TrackerScene QuietWideSky()
    {
        var scene = new TrackerScene();
        scene.RadarPlot(0, 120_000, -120_000, 0, 0, 0, SeaSigmaRangeMillimetres, SeaSigmaAzimuthMicrodegrees, withModeC: false, measuresHeight: true);
        return scene;
    }
}
