using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Picket.Server.Metrics;

/// <summary>
/// The server's counters, published both as a <see cref="Meter"/> named <c>Picket.Server</c>
/// (for OpenTelemetry collectors) and as Prometheus text at <c>/metrics</c>.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "Picket.Server";

    private readonly Meter _meter;
    private long _batchesAccepted;
    private long _trackUpdatesAccepted;
    private long _acksSent;
    private long _duplicates;
    private long _rejects;
    private long _authFailures;
    private long _subscribers;
    private long _slowConsumersDropped;
    private long _feedEventsDelivered;
    private long _feedLagMicroseconds;
    private Func<int> _queueDepth = () => 0;

    /// <summary>Creates the counters.</summary>
    public ServerMetrics()
    {
        _meter = new Meter(MeterName);
        _meter.CreateObservableCounter("picket.ingest.batches", () => Volatile.Read(ref _batchesAccepted), "{batch}", "Batches stored");
        _meter.CreateObservableCounter("picket.ingest.track_updates", () => Volatile.Read(ref _trackUpdatesAccepted), "{update}", "Track updates stored");
        _meter.CreateObservableCounter("picket.ingest.acks", () => Volatile.Read(ref _acksSent), "{ack}", "Acks sent");
        _meter.CreateObservableCounter("picket.ingest.duplicates", () => Volatile.Read(ref _duplicates), "{batch}", "Resent batches acked again");
        _meter.CreateObservableCounter("picket.ingest.rejects", () => Volatile.Read(ref _rejects), "{message}", "Messages refused as invalid or oversized");
        _meter.CreateObservableCounter("picket.auth.failures", () => Volatile.Read(ref _authFailures), "{call}", "Calls refused for authentication or permission");
        _meter.CreateObservableUpDownCounter("picket.feed.subscribers", () => Volatile.Read(ref _subscribers), "{subscriber}", "Connected feed subscribers");
        _meter.CreateObservableCounter("picket.feed.slow_consumers", () => Volatile.Read(ref _slowConsumersDropped), "{subscriber}", "Subscribers cut off for falling behind");
        _meter.CreateObservableGauge("picket.feed.max_queue_depth", () => _queueDepth(), "{event}", "Events queued for the slowest subscriber");
        _meter.CreateObservableGauge("picket.feed.lag", () => Volatile.Read(ref _feedLagMicroseconds) / 1e6, "s", "Time from a batch being stored to its events reaching the feed (latest)");
    }

    /// <summary>Batches stored.</summary>
    public long BatchesAccepted => Volatile.Read(ref _batchesAccepted);

    /// <summary>Track updates stored.</summary>
    public long TrackUpdatesAccepted => Volatile.Read(ref _trackUpdatesAccepted);

    /// <summary>Duplicate batches acked again.</summary>
    public long Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Messages refused as invalid or oversized.</summary>
    public long Rejects => Volatile.Read(ref _rejects);

    /// <summary>Calls refused for authentication or permission.</summary>
    public long AuthFailures => Volatile.Read(ref _authFailures);

    /// <summary>Subscribers cut off for falling behind.</summary>
    public long SlowConsumersDropped => Volatile.Read(ref _slowConsumersDropped);

    internal void BatchStored(int trackCount)
    {
        Interlocked.Increment(ref _batchesAccepted);
        Interlocked.Add(ref _trackUpdatesAccepted, trackCount);
    }

    internal void ObserveQueueDepth(Func<int> source) => _queueDepth = source;

    internal void AckSent() => Interlocked.Increment(ref _acksSent);

    internal void Duplicate() => Interlocked.Increment(ref _duplicates);

    internal void Reject() => Interlocked.Increment(ref _rejects);

    internal void AuthFailure() => Interlocked.Increment(ref _authFailures);

    internal void SubscriberAdded() => Interlocked.Increment(ref _subscribers);

    internal void SubscriberRemoved() => Interlocked.Decrement(ref _subscribers);

    internal void SlowConsumerDropped() => Interlocked.Increment(ref _slowConsumersDropped);

    internal void FeedDelivered(TimeSpan lag)
    {
        Interlocked.Increment(ref _feedEventsDelivered);
        Volatile.Write(ref _feedLagMicroseconds, (long)lag.TotalMicroseconds);
    }

    /// <summary>The counters in the Prometheus text exposition format 0.0.4.</summary>
    public string ToPrometheusText()
    {
        var text = new StringBuilder();
        Append(text, "picket_ingest_batches_total", "counter", "Batches stored.", BatchesAccepted);
        Append(text, "picket_ingest_track_updates_total", "counter", "Track updates stored.", TrackUpdatesAccepted);
        Append(text, "picket_ingest_acks_total", "counter", "Acks sent.", Volatile.Read(ref _acksSent));
        Append(text, "picket_ingest_duplicates_total", "counter", "Resent batches acked again without storing.", Duplicates);
        Append(text, "picket_ingest_rejects_total", "counter", "Messages refused as invalid or oversized.", Rejects);
        Append(text, "picket_auth_failures_total", "counter", "Calls refused for authentication or permission.", AuthFailures);
        Append(text, "picket_feed_subscribers", "gauge", "Connected feed subscribers.", Volatile.Read(ref _subscribers));
        Append(text, "picket_feed_slow_consumers_total", "counter", "Subscribers cut off for falling behind.", SlowConsumersDropped);
        Append(text, "picket_feed_max_queue_depth", "gauge", "Events queued for the slowest subscriber.", _queueDepth());
        Append(text, "picket_feed_events_total", "counter", "Batches handed to the feed.", Volatile.Read(ref _feedEventsDelivered));
        text.Append("# HELP picket_feed_lag_seconds Time from a batch being stored to its events reaching the feed (latest).\n# TYPE picket_feed_lag_seconds gauge\n");
        text.Append("picket_feed_lag_seconds ").Append((Volatile.Read(ref _feedLagMicroseconds) / 1e6).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString();
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private static void Append(StringBuilder text, string name, string type, string help, long value)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        text.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }
}
