using Picket.Asterix;
using Picket.Publishing;
using Picket.Tracking;

namespace Picket.Gateway.Tracking;

/// <summary>The gateway's tracking pipeline wiring between decoded service messages and the tracker.</summary>
public sealed class TrackingPipelineTests
{
    [Fact]
    public void AddCat034_AntennaRotationPeriod_BecomesTheTrackerScanPeriod()
    {
        var pipeline = new TrackingPipeline(new GeoSite(59.52, 26.54, 60), null, [], new TrackerConfiguration(), new DiscardingOutput());

        // I034/041: antenna rotation period, LSB 1/128 s (EUROCONTROL ASTERIX Part 2b, CAT034): 640 = 5 s.
        var record = new Cat034Record { HasDataSource = true, Sac = 25, Sic = 14, HasAntennaRotationPeriod = true, AntennaRotationPeriod128 = 640 };
        pipeline.AddCat034(ref record);

        Assert.Equal(5_000_000, pipeline.Tracker.Configuration.ScanPeriodMicroseconds);
    }

    [Fact]
    public void AddCat034_NoRotationPeriod_KeepsTheConfiguredScanPeriod()
    {
        var pipeline = new TrackingPipeline(new GeoSite(59.52, 26.54, 60), null, [], new TrackerConfiguration { ScanPeriodMicroseconds = 12_000_000 }, new DiscardingOutput());
        var record = new Cat034Record { HasDataSource = true, Sac = 25, Sic = 14 };

        pipeline.AddCat034(ref record);

        Assert.Equal(12_000_000, pipeline.Tracker.Configuration.ScanPeriodMicroseconds);
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
