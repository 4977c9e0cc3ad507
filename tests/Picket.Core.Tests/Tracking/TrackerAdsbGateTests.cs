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
        var scene = new TrackerScene();
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
