using Picket.Asterix;
using Picket.Publishing;
using Picket.Radar;
using Picket.Tracking;

namespace Picket.Gateway.Tracking;

/// <summary>The gateway's tracking pipeline wiring between decoded service messages and the tracker.</summary>
public sealed class TrackingPipelineTests
{
    [Fact]
    public void AddCat034_AntennaRotationPeriod_BecomesThatRadarsScanPeriodOnly()
    {
        var pipeline = new TrackingPipeline(new GeoSite(59.52, 26.54, 60), null, [], new TrackerConfiguration(), new DiscardingOutput());

        // I034/041: antenna rotation period, LSB 1/128 s (EUROCONTROL ASTERIX Part 2b, CAT034): 640 = 5 s.
        var record = new Cat034Record { HasDataSource = true, Sac = 25, Sic = 14, HasAntennaRotationPeriod = true, AntennaRotationPeriod128 = 640 };
        pipeline.AddCat034(ref record);

        Assert.Equal(5_000_000, pipeline.Tracker.RadarSites.ScanPeriodOf((25 * 256) + 14, 0));
        // The configuration's period stays the default of every other radar.
        Assert.Equal(4_000_000, pipeline.Tracker.Configuration.ScanPeriodMicroseconds);
        Assert.Equal(4_000_000, pipeline.Tracker.RadarSites.ScanPeriodOf((25 * 256) + 15, pipeline.Tracker.Configuration.ScanPeriodMicroseconds));
    }

    [Fact]
    public void AddCat034_NoRotationPeriod_KeepsTheConfiguredScanPeriod()
    {
        var pipeline = new TrackingPipeline(new GeoSite(59.52, 26.54, 60), null, [], new TrackerConfiguration { ScanPeriodMicroseconds = 12_000_000 }, new DiscardingOutput());
        var record = new Cat034Record { HasDataSource = true, Sac = 25, Sic = 14 };

        pipeline.AddCat034(ref record);

        Assert.Equal(12_000_000, pipeline.Tracker.Configuration.ScanPeriodMicroseconds);
    }

    [Fact]
    public void AddCat034_TwoRadarsOfDifferentPeriods_EachConfirmsItsOwnPrimaryTarget()
    {
        var pipeline = new TrackingPipeline(new GeoSite(59.52, 26.54, 60), null, [], new TrackerConfiguration(), new DiscardingOutput());
        // Radar A turns in 4 s (512/128), radar B in 12 s (1536/128); B's announcement comes last.
        var fast = new Cat034Record { HasDataSource = true, Sac = 25, Sic = 14, HasAntennaRotationPeriod = true, AntennaRotationPeriod128 = 512 };
        var slow = new Cat034Record { HasDataSource = true, Sac = 25, Sic = 15, HasAntennaRotationPeriod = true, AntennaRotationPeriod128 = 1536 };
        pipeline.AddCat034(ref fast);
        pipeline.AddCat034(ref slow);

        // Primary-only targets (5 hits of 6 scans to confirm): A sees one at 20 km every 4 s,
        // B another at 40 km every 12 s. Both radars at the mast.
        var start = 1_780_000_000_000_000L;
        for (var second = 0; second <= 72; second += 4)
        {
            var a = Plot((25 * 256) + 14, start + (second * 1_000_000L), 20_000 + (150.0 * second), 5_000, 3_000);
            pipeline.AddRadar(ref a);
            if (second % 12 == 0)
            {
                var b = Plot((25 * 256) + 15, start + (second * 1_000_000L) + 300_000, -10_000, 40_000 - (100.0 * second), 6_000);
                pipeline.AddRadar(ref b);
            }
        }

        pipeline.Tracker.FlushRadar();
        pipeline.Tracker.AdvanceTo(start + 73_000_000);

        var live = pipeline.Tracker.Tracks.Where(t => t.InUse).ToList();
        Assert.Equal(2, live.Count);
        Assert.All(live, t => Assert.Equal(TrackStatus.Confirmed, t.Status));
    }

    // A primary plot from a radar at the mast (60 m) of a target at (east, north, height), flat Earth.
    // The plot carries no height, so the tracker places it in its assumed height band either way;
    // what these tests need is plots consistent from scan to scan.
    private static RadarMeasurement Plot(int sensorId, long time, double east, double north, double height)
    {
        var ground = Math.Sqrt((east * east) + (north * north));
        var slant = Math.Sqrt((ground * ground) + ((height - 60) * (height - 60)));
        return new RadarMeasurement
        {
            SensorId = sensorId,
            TimeUnixMicroseconds = time,
            RangeMillimetres = (long)Math.Round(slant * 1000),
            AzimuthMicrodegrees = (int)Math.Round(((Math.Atan2(east, north) * 180 / Math.PI) + 360) % 360 * 1e6),
            ReportType = TargetReportType.Psr,
            SigmaRangeMillimetres = 70_000,
            SigmaAzimuthMicrodegrees = 80_000,
        };
    }

    private sealed class DiscardingOutput : ITrackerOutput
    {
        public void OnTrackReport(ref TrackReport report)
        {
        }

        public void OnZoneAlert(ref ZoneAlert alert)
        {
        }
    }
}
