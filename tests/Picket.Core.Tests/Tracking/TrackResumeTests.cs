using Picket.Publishing;
using Picket.Zones;

namespace Picket.Tracking;

/// <summary>
/// Track continuity (TrackContinuity): plots that drift out of a confirmed radar track's gate
/// start a new track; when that one is about to be confirmed next to the coasting old one,
/// moving the same way, the old track continues (same id, same zone state).
/// </summary>
public class TrackResumeTests
{
    [Fact]
    public void AddRadar_PlotsJumpOutOfTheGate_TheCoastingTrackIsResumedWithItsIdAndNoZoneAlerts()
    {
        // Zone: everything from 0 to 200 km east, 20 to 60 km north; the target flies east at
        // 250 m/s along 40 km north, inside it all the time, seen every 4 s. At 120 s its plots
        // jump 1.2 km north (a bias change the filter cannot follow in one scan).
        var zone = new ZoneGeometry([0, 200_000_000, 200_000_000, 0], [20_000_000, 20_000_000, 60_000_000, 60_000_000], [0]);
        var scene = new TrackerScene(zones: [zone]);
        for (var scan = 0; scan <= 60; scan++)
        {
            var seconds = scan * 4.0;
            var north = seconds < 120 ? 40_000.0 : 41_200.0;
            scene.RadarPlot(seconds, -30_000 + (250.0 * seconds), north, 3_000, withModeC: false);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(242));

        var confirmedIds = scene.Reports.Where(r => r.Status is TrackStatus.Confirmed or TrackStatus.Coasting).Select(r => r.TrackId).Distinct().ToList();
        Assert.Single(confirmedIds);
        Assert.Equal(1, scene.Tracker.Counters.TracksResumed);
        Assert.Equal([ZoneAlertEvent.Enter], scene.Alerts.Select(a => a.Event));
        var last = scene.Reports.Last(r => r.TrackId == confirmedIds[0]);
        Assert.Equal(TrackStatus.Confirmed, last.Status);

        // The resumed track follows the plots: it moved north by the jump (its ground range
        // carries the same height-less bias before and after, so compare the two).
        var before = scene.Reports.Last(r => r.TrackId == confirmedIds[0] && r.TimeUnixMicroseconds <= TrackerScene.At(116));
        var shift = TrackerScene.ToLocal(last.LatitudeE7, last.LongitudeE7).North - TrackerScene.ToLocal(before.LatitudeE7, before.LongitudeE7).North;
        Assert.InRange(shift, 900, 1_800);
    }

    [Fact]
    public void AddRadar_HardTurnBreaksTheTrack_EachSuccessorContinuesItAtItsSecondPlot()
    {
        // A 250 m/s target east along 30 km north at 6 km (no height measured), seen every 4 s
        // (σ 50 m, 0.1°, seeded noise), into an 11°/s turn at 60 s (5 g, a reversal in 16 s), then
        // straight west. Its plot of 68 s, 1.8 km off the track's prediction, starts a successor.
        // That successor's velocity from its two plots (68 and 72 s) is a chord of the turn:
        // flown on to 76 s it is 730 m from where the reversal ends, 610 m of it across the ray,
        // ten sigmas of the azimuth's noise there for a track started with its plot's own
        // covariance, so the plot of 76 s starts a second successor. Each continues the track at
        // its second plot (ResumeTentativeFromPlots, 2 by default): 72 s and 80 s.
        const double Rate = 11 * Math.PI / 180;
        const double Radius = 250 / Rate;
        static (double East, double North) Truth(double seconds) =>
            seconds <= 60 ? (-20_000 + (250 * seconds), 30_000.0)
            : seconds <= 76 ? (-5_000 + (Radius * Math.Sin((seconds - 60) * Rate)), 30_000 + (Radius * (1 - Math.Cos((seconds - 60) * Rate))))
            : (-5_000 - (250 * (seconds - 76)), 30_000 + (2 * Radius));

        // The premise, from the truth alone: the chord's miss at 76 s across the ray, in sigmas of 0.1°.
        var (e68, n68) = Truth(68);
        var (e72, n72) = Truth(72);
        var (e76, n76) = Truth(76);
        var range76 = Math.Sqrt((e76 * e76) + (n76 * n76));
        var across = ((((2 * e72) - e68 - e76) * n76) - (((2 * n72) - n68 - n76) * e76)) / range76;
        Assert.True(Math.Abs(across) > 6 * range76 * 0.1 * Math.PI / 180);

        // The plots carry the noise they claim, and the premise's sigmas are theirs: the radar's
        // noise is not learnt here (that is TrackerRegistrationTests'). Learnt from this one
        // track's plots, the turn among them, it read 0.13° and 39 m by the end, and the track
        // was broken once instead of twice, under the same id.
        var scene = new TrackerScene(new TrackerConfiguration { RadarRegistration = false });
        var random = new Random(7);
        for (var scan = 0; scan <= 40; scan++)
        {
            var seconds = scan * 4.0;
            var (east, north) = Truth(seconds);
            scene.RadarPlot(seconds, east, north, 6_000, 50 * TrackerScene.Gaussian(random), 0.1 * TrackerScene.Gaussian(random), 50_000, 100_000, withModeC: false);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(162));

        // One id throughout; the successors' ends (each dropped into the old id) tell when.
        Assert.Single(scene.Reports.Where(r => r.Status is TrackStatus.Confirmed or TrackStatus.Coasting).Select(r => r.TrackId).Distinct());
        Assert.Equal(2, scene.Tracker.Counters.TracksResumed);
        Assert.Equal([TrackerScene.At(72), TrackerScene.At(80)], scene.Reports.Where(r => r.Status == TrackStatus.Dropped).Select(r => r.TimeUnixMicroseconds));
    }

    [Fact]
    public void AddRadar_NewTargetFarFromACoastingTrack_NotResumed()
    {
        // Two unrelated targets: one seen until 60 s then lost (coasting), another appearing
        // 20 km away at 64 s. The second is a track of its own.
        var scene = new TrackerScene();
        for (var scan = 0; scan <= 15; scan++)
        {
            scene.RadarPlot(scan * 4.0, -30_000 + (250.0 * scan * 4.0), 40_000, 3_000, withModeC: false);
        }

        for (var scan = 16; scan <= 30; scan++)
        {
            scene.RadarPlot(scan * 4.0, -30_000 + (250.0 * scan * 4.0), 60_000, 3_000, withModeC: false);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(122));

        Assert.Equal(0, scene.Tracker.Counters.TracksResumed);
        Assert.Equal(2, scene.Reports.Where(r => r.Status == TrackStatus.Confirmed).Select(r => r.TrackId).Distinct().Count());
    }
}
