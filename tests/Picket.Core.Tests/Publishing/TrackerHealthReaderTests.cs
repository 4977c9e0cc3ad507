using Picket.Tracking;

namespace Picket.Publishing;

/// <summary>The tracker's health read from a real tracker fed a small ADS-B scene.</summary>
public class TrackerHealthReaderTests
{
    [Fact]
    public void Read_TwoConfirmedAircraftAndOneTentative_CountsTracksAndCopiesCounters()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 20; t++)
        {
            scene.AdsbPosition(t, 0x461E1F, 10_000 + (200.0 * t), 5_000);
            scene.AdsbPosition(t + 0.1, 0x4CA2D6, -8_000, 20_000 - (150.0 * t));
        }

        // One position of a third aircraft: a track is started, not confirmed.
        scene.AdsbPosition(20.2, 0x3C6DD2, 15_000, -15_000);
        scene.Tracker.AdvanceTo(TrackerScene.At(21));
        var report = new TrackerHealthReport { LiveTracks = 99, Alerts = 99 };

        TrackerHealthReader.Read(scene.Tracker, ref report);

        Assert.Equal(3u, report.LiveTracks);
        Assert.Equal(2u, report.ConfirmedTracks);
        Assert.Equal(3L, report.TracksStarted);
        Assert.Equal(0L, report.TracksDropped);
        Assert.Equal(43L, report.ModeSObservations); // 21 + 21 + 1 positions
        Assert.Equal(0L, report.RadarPlots);
        Assert.Equal(0L, report.Alerts);
        Assert.Equal(scene.Tracker.Counters.Saturations, report.Saturations);
        Assert.Equal(scene.Tracker.Counters.LateMeasurements, report.LateMeasurements);
    }
}
