using Picket.Radar;

namespace Picket.Tracking;

/// <summary>Radar position measurements (NMEA TLL) in the tracker, and the saturation count.</summary>
public class TrackerPositionMeasurementTests
{
    [Fact]
    public void AddRadar_PositionMeasurements_TrackOnThePositions()
    {
        var scene = new TrackerScene();
        // A vessel-speed target moving east at 10 m/s, 5 km north-east of the mast, one position every 3 s.
        for (var k = 0; k < 8; k++)
        {
            var t = k * 3.0;
            var (latitude, longitude) = TrackerScene.ToGeodetic(3_000 + (10 * t), 4_000);
            var measurement = new RadarMeasurement
            {
                SensorId = 0x10000,
                Source = RadarMeasurementSource.ArpaTrackedTarget,
                TimeUnixMicroseconds = TrackerScene.At(t),
                HasPosition = true,
                LatitudeE7 = (int)Math.Round(latitude * 1e7),
                LongitudeE7 = (int)Math.Round(longitude * 1e7),
                SigmaPositionMillimetres = 20_000,
            };
            scene.Tracker.AddRadar(ref measurement);
        }

        scene.Tracker.FlushRadar();

        var track = Assert.Single(scene.Tracker.Tracks, t => t.InUse);
        Assert.Equal(8u, track.RadarUpdateCount);
        var last = scene.Reports[^1];
        var seconds = (last.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
        Assert.True(TrackerScene.Distance(last, 3_000 + (10 * seconds), 4_000) < 10, "track within 10 m of the positions");
    }

    [Fact]
    public void SetRadarSite_SiteOnTheFarSideOfTheEarth_SaturationCounted()
    {
        var scene = new TrackerScene();

        // The mast is at 59.5°N 25°E; the antipode is 20,000 km away, beyond Q31.32's ±2^31 m.
        scene.Tracker.SetRadarSite(9, -595_000_000, -1_550_000_000, 0);

        Assert.True(scene.Tracker.Counters.Saturations > 0);
    }
}
