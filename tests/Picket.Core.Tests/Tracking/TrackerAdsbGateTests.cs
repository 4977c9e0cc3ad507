namespace Picket.Tracking;

/// <summary>
/// ADS-B positions gated against the track, and radar plots judged against ADS-B (issue 9).
/// Truth is the scene's double-precision sky.
/// </summary>
public class TrackerAdsbGateTests
{
    [Fact]
    public void AddModeS_OneBadPositionAmidAStraightTrack_RejectedAndCounted()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 30; t++)
        {
            var east = 10_000 + (200.0 * t);
            // Second 15: a position 2 km off (an undetected CPR error).
            scene.AdsbPosition(t, 0x400004, east, t == 15 ? 7_000 : 5_000);
            scene.AdsbVelocity(t + 0.5, 0x400004, 200, 0);
            if (t == 15)
            {
                var report = scene.Reports.Last(r => r.IcaoAddress == 0x400004);
                var seconds = (report.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
                Assert.True(TrackerScene.Distance(report, 10_000 + (200 * seconds), 5_000) < 30, "the bad position did not move the track");
            }
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(31));

        Assert.Equal(1, scene.Tracker.Counters.AdsbPositionsRejected);
        Assert.Equal(0, scene.Tracker.Counters.AdsbTrackRestarts);
        var last = scene.Reports.Last(r => r.IcaoAddress == 0x400004);
        var lastSeconds = (last.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
        Assert.True(TrackerScene.Distance(last, 10_000 + (200 * lastSeconds), 5_000) < 30);
        Assert.Equal(30, Assert.Single(scene.Tracker.Tracks, x => x.InUse).AdsbPositions);
    }


    [Fact]
    public void AddModeS_AnOutlierAfterTwoRejectsBesideTheTrack_NoRestartThere()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 30; t++)
        {
            // Seconds 15 and 16: 150 m north of the aircraft (late or noisy, outside the gate);
            // second 17: 5 km off (a bad position). The three rejects do not show one place.
            var north = t is 15 or 16 ? 5_150 : t == 17 ? 10_000 : 5_000;
            scene.AdsbPosition(t, 0x400006, 10_000 + (200.0 * t), north);
            scene.AdsbVelocity(t + 0.5, 0x400006, 200, 0);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(31));

        Assert.Equal(3, scene.Tracker.Counters.AdsbPositionsRejected);
        Assert.Equal(0, scene.Tracker.Counters.AdsbTrackRestarts);
        foreach (var report in scene.Reports.Where(r => r.IcaoAddress == 0x400006))
        {
            var seconds = (report.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
            Assert.True(TrackerScene.Distance(report, 10_000 + (200 * seconds), 5_000) < 200, $"the track stays on the aircraft at {seconds} s");
        }
    }

    // Six jets at 250 m/s whose transponders stamp positions 0-0.5 s late (uniform; the lateness
    // unknown to the tracker: no radar teaches the mean), with 10 m of noise and NACp-like 10 m
    // sigmas, two positions a second each for 10 min, on six headings 60° apart, each from 80 km
    // before its closest approach to the mast (5-30 km abeam) to 70 km after it; no velocity
    // messages (the velocity is the filter's own). The positions lie up to 125 m behind the jets.
    // Rejects are counted over the last 5 min, once the spread is learned.
    private static (long Rejected, double SpreadSquareSeconds) LatePositions(bool learnSpread)
    {
        var configuration = new TrackerConfiguration { AdsbTimingSpreadEstimate = learnSpread };
        var scene = new TrackerScene(configuration);
        var random = new Random(11);
        long rejectedBefore = 0;
        for (var i = 0; i < 1_200; i++)
        {
            var t = i * 0.5;
            if (i == 600)
            {
                rejectedBefore = scene.Tracker.Counters.AdsbPositionsRejected;
            }

            for (var jet = 0; jet < 6; jet++)
            {
                var heading = jet * Math.PI / 3;
                var along = -80_000 + (250.0 * (t - (random.NextDouble() * 0.5)));
                var abeam = 5_000 * (jet + 1);
                var east = (along * Math.Sin(heading)) + (abeam * Math.Cos(heading)) + (10 * TrackerScene.Gaussian(random));
                var north = (along * Math.Cos(heading)) - (abeam * Math.Sin(heading)) + (10 * TrackerScene.Gaussian(random));
                var position = AdsbObservations.Position(t + (jet * 0.01), 0x400010 + jet, east, north);
                position.PositionSigmaMillimetres = 10_000;
                scene.Tracker.AddModeS(ref position);
            }
        }

        Assert.Equal(6, scene.Tracker.LiveTrackCount);
        return (scene.Tracker.Counters.AdsbPositionsRejected - rejectedBefore, scene.Tracker.AdsbTimingSpread.VarianceSquareSeconds / 4_294_967_296.0);
    }

    [Fact]
    public void AddModeS_PositionsUpToHalfASecondLate_TheLearnedSpreadKeepsThemInTheGate()
    {
        var learned = LatePositions(learnSpread: true);
        var fixedNoise = LatePositions(learnSpread: false);

        // The gate (χ² 14, 2 degrees of freedom) rejects 0.1 % of positions its noise model fits:
        // about 4 of the last 3,600. Without the spread, 36 m of along-track lateness against 10 m
        // of sigma: many rejected.
        Assert.True(fixedNoise.Rejected > 360, $"without the spread {fixedNoise.Rejected} of 3,600 rejected");
        Assert.True(learned.Rejected < 36, $"with it {learned.Rejected} of 3,600 rejected");

        // The lateness is uniform on 0-0.5 s: σ² = 0.25 / 12 = 0.0208 s².
        Assert.InRange(learned.SpreadSquareSeconds, 0.0208 * 0.7, 0.0208 * 1.3);
    }

    [Fact]
    public void AddModeS_GenuineJump_RestartsAtTheNewPositionAfterConsecutiveRejects()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 30; t++)
        {
            // From second 15 the aircraft really is 3 km further north (a corrected navigator).
            var north = t < 15 ? 5_000 : 8_000;
            scene.AdsbPosition(t, 0x400005, 10_000 + (200.0 * t), north);
            scene.AdsbVelocity(t + 0.5, 0x400005, 200, 0);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(31));

        Assert.Equal(1, scene.Tracker.Counters.AdsbTrackRestarts);
        Assert.Equal(3, scene.Tracker.Counters.AdsbPositionsRejected);
        Assert.Equal(1, scene.Tracker.LiveTrackCount);
        var last = scene.Reports.Last(r => r.IcaoAddress == 0x400005);
        var seconds = (last.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
        Assert.True(TrackerScene.Distance(last, 10_000 + (200 * seconds), 8_000) < 30, "the track follows the aircraft");
    }


    [Fact]
    public void AddRadar_PrimaryPlotsSystematicallyOffAnAdsbTrack_DisagreementCounted()
    {
        // The plots are noise-free: learnt from their differences (7 samples by 60 s, 5 are
        // enough), the radar's noise falls to the registration's floor, a plot 200 m off no
        // longer gates and starts a track of its own (at 38 s). The test is of the disagreement
        // count at the sigmas the plots claim, so nothing is learnt.
        var scene = new TrackerScene(new TrackerConfiguration { RadarRegistration = false });
        for (var t = 0; t <= 60; t++)
        {
            // ADS-B claims a position 200 m south of where the radar sees the aircraft: every
            // plot gates (about 3 σ of the 56-73 m cross-range), but all on one side.
            scene.AdsbPosition(t, 0x400009, 30_000 + (200.0 * t), 9_800);
            scene.AdsbVelocity(t + 0.5, 0x400009, 200, 0);
            if (t % 4 == 2)
            {
                scene.RadarPlot(t + 0.3, 30_000 + (200.0 * (t + 0.3)), 10_000, 30_000 * 0.3048);
            }
        }

        scene.Tracker.FlushRadar();

        var track = Assert.Single(scene.Tracker.Tracks, x => x.InUse);
        Assert.True(track.RadarUpdateCount >= 8);
        Assert.True(track.AdsbRadarDisagreementCount > 0);
        Assert.True(scene.Reports[^1].AdsbRadarDisagreementCount > 0);
    }

}
