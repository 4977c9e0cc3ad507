using Picket.Contract.V1;
using Picket.Publishing;
using TrackStatus = Picket.Publishing.TrackStatus;
using Picket.Tracking;

namespace Picket.Gateway.Publishing;

public sealed class TrackPublisherTests
{
    private const long Start = 1_764_000_000_000_000;
    private const long Second = 1_000_000;

    [Fact]
    public void AConfirmedTrackIsPublishedOncePerIntervalAndOnEveryStatusChange()
    {
        var sink = new ListSink();
        var publisher = new TrackPublisher("mast-1", sink, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        // 4 reports a second for 10 s: tentative for 2 s, confirmed, coasting from 8 s, dropped at 10 s.
        for (var t = 0L; t < 10 * Second; t += Second / 4)
        {
            var status = t < 2 * Second ? TrackStatus.Tentative : t < 8 * Second ? TrackStatus.Confirmed : TrackStatus.Coasting;
            Report(publisher, 7, status, Start + t);
        }

        Report(publisher, 7, TrackStatus.Dropped, Start + (10 * Second));
        publisher.Flush();

        var updates = sink.Parsed.SelectMany(b => b.Tracks).ToList();
        var times = updates.Select(u => (u.TimeUnixUs - Start) / (double)Second).ToArray();
        // Confirmed at 2.0 s (status change), then 3, 4, ..., 7; coasting at 8.0 (change), 9.0; dropped at 10.
        Assert.Equal([2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], times);
        Assert.Equal(Contract.V1.TrackStatus.Dropped, updates[^1].Status);
        Assert.Equal(41, publisher.ReportsSeen);
        Assert.Equal(9, publisher.ReportsPublished);
    }

    [Fact]
    public void APlotAfterAPeriodicPredictionIsPublishedWithinTheInterval()
    {
        // A 4 s radar's track: its plot at 0 s (update 1), the tracker's periodic prediction at
        // 3.5 s (still update 1), the next plot at 4 s (update 2), half a second after the last
        // published report. It carries a measurement and the report before it did not: published.
        // An ADS-B track updated at every report four times a second: once a second, as before.
        var sink = new ListSink();
        var publisher = new TrackPublisher("mast-1", sink, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Report(publisher, 3, TrackStatus.Confirmed, Start, updates: 1);
        Report(publisher, 3, TrackStatus.Confirmed, Start + (Second * 7 / 2), updates: 1);
        Report(publisher, 3, TrackStatus.Confirmed, Start + (4 * Second), updates: 2);
        Report(publisher, 3, TrackStatus.Confirmed, Start + (Second * 9 / 2), updates: 3);
        for (var t = 0L; t < 3 * Second; t += Second / 4)
        {
            Report(publisher, 4, TrackStatus.Confirmed, Start + t, updates: (uint)(1 + (t / (Second / 4))));
        }

        publisher.Flush();

        var updates = sink.Parsed.SelectMany(b => b.Tracks).ToList();
        Assert.Equal([0.0, 3.5, 4.0], updates.Where(u => u.TrackId == 3).Select(u => (u.TimeUnixUs - Start) / (double)Second));
        Assert.Equal([0.0, 1.0, 2.0], updates.Where(u => u.TrackId == 4).Select(u => (u.TimeUnixUs - Start) / (double)Second));
    }

    [Fact]
    public void ATrackNeverPublishedIsNotAnnouncedWhenDropped()
    {
        var sink = new ListSink();
        var publisher = new TrackPublisher("mast-1", sink, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Report(publisher, 3, TrackStatus.Tentative, Start);
        Report(publisher, 3, TrackStatus.Dropped, Start + Second);
        publisher.Flush();
        Assert.Empty(sink.Batches);

        var withTentative = new TrackPublisher("mast-1", sink, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), publishTentative: true);
        Report(withTentative, 3, TrackStatus.Tentative, Start);
        Report(withTentative, 3, TrackStatus.Dropped, Start + Second);
        withTentative.Flush();
        Assert.Equal([Contract.V1.TrackStatus.Tentative, Contract.V1.TrackStatus.Dropped], sink.Parsed.SelectMany(b => b.Tracks).Select(u => u.Status));
    }

    [Fact]
    public void AnAlertIsPublishedAndTheTracksNextReportIsNotThinned()
    {
        var sink = new ListSink();
        var publisher = new TrackPublisher("mast-1", sink, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5));
        Report(publisher, 5, TrackStatus.Confirmed, Start);
        Report(publisher, 5, TrackStatus.Confirmed, Start + Second);
        var alert = new ZoneAlert { TrackId = 5, ZoneName = "EE border", Event = ZoneAlertEvent.Enter, TimeUnixMicroseconds = Start + (Second * 3 / 2) };
        publisher.OnZoneAlert(ref alert);
        Report(publisher, 5, TrackStatus.Confirmed, Start + (2 * Second));
        Report(publisher, 5, TrackStatus.Confirmed, Start + (3 * Second));
        publisher.Flush();

        var batch = Assert.Single(sink.Parsed);
        Assert.Equal([0L, 2 * Second], batch.Tracks.Select(u => u.TimeUnixUs - Start));
        var published = Assert.Single(batch.Alerts);
        Assert.Equal("EE border", published.ZoneName);
        Assert.Equal(ZoneEvent.Enter, published.Event);
        Assert.Equal(5UL, published.TrackId);
    }

    [Fact]
    public void BatchesCloseOnTimeAndSizeStayUnderTheLimitAndCarryContiguousSequences()
    {
        var sink = new ListSink();
        const int limit = 4096;
        var publisher = new TrackPublisher("mast-1", sink, TimeSpan.Zero, TimeSpan.FromSeconds(1), limit);
        // 300 tracks reported every second for 10 s: 3,000 updates, far more than one 4 KB batch holds.
        for (var t = 0L; t < 10; t++)
        {
            for (var id = 1; id <= 300; id++)
            {
                Report(publisher, id, TrackStatus.Confirmed, Start + (t * Second) + id);
            }
        }

        publisher.Tick(Start + (11 * Second));
        Assert.All(sink.Batches, b => Assert.True(b.Bytes.Length <= limit, $"{b.Bytes.Length} bytes"));
        Assert.Equal(Enumerable.Range(41, sink.Batches.Count).Select(i => (ulong)i), sink.Batches.Select(b => b.Sequence));
        var parsed = sink.Parsed.ToList();
        Assert.All(parsed, b => Assert.Equal("mast-1", b.GatewayId));
        Assert.Equal(sink.Batches.Select(b => b.Sequence), parsed.Select(b => b.Sequence));
        Assert.Equal(3000, parsed.Sum(b => b.Tracks.Count));
        // No batch spans more than the batch interval of report time.
        Assert.All(parsed, b => Assert.True(b.Tracks.Max(u => u.TimeUnixUs) - b.CreatedUnixUs < Second));
    }

    [Fact]
    public void HealthClosesTheBatchItJoins()
    {
        var sink = new ListSink();
        var publisher = new TrackPublisher("mast-1", sink, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Report(publisher, 1, TrackStatus.Confirmed, Start);
        var health = new GatewayHealthReport(2) { GatewayId = "mast-1", SoftwareVersion = "t", TimeUnixMicroseconds = Start + Second, UptimeSeconds = 9 };
        publisher.AddHealth(health);
        publisher.AddHealth(health);
        var parsed = sink.Parsed.ToList();
        Assert.Equal(2, parsed.Count);
        Assert.Single(parsed[0].Tracks);
        Assert.Equal(9UL, parsed[0].Health.UptimeS);
        Assert.Empty(parsed[1].Tracks);
        Assert.NotNull(parsed[1].Health);
    }

    private static void Report(TrackPublisher publisher, long trackId, TrackStatus status, long time, uint updates = 0)
    {
        var report = new TrackReport { TrackId = trackId, Status = status, TimeUnixMicroseconds = time, LatitudeE7 = 595_000_000, LongitudeE7 = 248_000_000, Callsign = "", UpdateCount = updates };
        publisher.OnTrackReport(ref report);
    }
}
