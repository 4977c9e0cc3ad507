using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Picket.Server.Metrics;

/// <summary>
/// The server's instruments on a <see cref="Meter"/> named <c>Picket.Server</c>: the one home
/// of every count. OpenTelemetry collectors read the meter; <see cref="ToPrometheusText"/>
/// renders the same instruments through a <see cref="MeterListener"/> of this meter, so
/// <c>/metrics</c> cannot drift from what the code records.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "Picket.Server";

    private readonly Meter _meter;
    private readonly MeterListener _listener;
    private readonly List<Exported> _exported = [];
    private readonly Counter<long> _batchesAccepted;
    private readonly Counter<long> _trackUpdatesAccepted;
    private readonly Counter<long> _acksSent;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _rejects;
    private readonly Counter<long> _authFailures;
    private readonly Counter<long> _helloTimeouts;
    private readonly Counter<long> _sequenceRefusals;
    private readonly Counter<long> _storageFailures;
    private readonly UpDownCounter<long> _subscribers;
    private readonly Counter<long> _slowConsumersDropped;
    private readonly Counter<long> _feedEventsDelivered;
    private long _feedLagMicroseconds;
    private Func<int> _queueDepth = () => 0;
    private Func<bool> _storeAvailable = () => true;

    /// <summary>Creates the instruments and the listener that totals them for <c>/metrics</c>.</summary>
    public ServerMetrics()
    {
        _meter = new Meter(MeterName);
        _batchesAccepted = Counter("picket.ingest.batches", "{batch}", "Batches stored.", "picket_ingest_batches_total");
        _trackUpdatesAccepted = Counter("picket.ingest.track_updates", "{update}", "Track updates stored.", "picket_ingest_track_updates_total");
        _acksSent = Counter("picket.ingest.acks", "{ack}", "Acks sent.", "picket_ingest_acks_total");
        _duplicates = Counter("picket.ingest.duplicates", "{batch}", "Resent batches acked again without storing.", "picket_ingest_duplicates_total");
        _rejects = Counter("picket.ingest.rejects", "{message}", "Messages refused as invalid or oversized.", "picket_ingest_rejects_total");
        _helloTimeouts = Counter("picket.ingest.hello_timeouts", "{call}", "Publish streams closed for sending no Hello in time.", "picket_ingest_hello_timeouts_total");
        _sequenceRefusals = Counter("picket.ingest.sequence_refusals", "{batch}", "Batches refused for lying beyond the sequence window or the out-of-order limit.", "picket_ingest_sequence_refusals_total");
        _authFailures = Counter("picket.auth.failures", "{call}", "Calls refused for authentication or permission.", "picket_auth_failures_total");
        _storageFailures = Counter("picket.storage.failures", "{batch}", "Batches not acked because storage failed (disk full, I/O error, database file lost).", "picket_storage_failures_total");
        _subscribers = _meter.CreateUpDownCounter<long>("picket.feed.subscribers", "{subscriber}", "Connected feed subscribers.");
        Export(_subscribers, "picket_feed_subscribers", "gauge");
        _slowConsumersDropped = Counter("picket.feed.slow_consumers", "{subscriber}", "Subscribers cut off for falling behind.", "picket_feed_slow_consumers_total");
        _feedEventsDelivered = Counter("picket.feed.events", "{batch}", "Batches handed to the feed.", "picket_feed_events_total");
        Export(_meter.CreateObservableGauge("picket.feed.max_queue_depth", () => (long)_queueDepth(), "{event}", "Events queued for the slowest subscriber."), "picket_feed_max_queue_depth", "gauge");
        Export(_meter.CreateObservableGauge("picket.feed.lag", () => Volatile.Read(ref _feedLagMicroseconds) / 1e6, "s", "Time from a batch being stored to its events reaching the feed (latest)."), "picket_feed_lag_seconds", "gauge");
        Export(_meter.CreateObservableGauge("picket.storage.available", () => _storeAvailable() ? 1L : 0L, "{bool}", "1 while the store takes batches, 0 while it is recovering, unreachable or its database file was lost."), "picket_storage_available", "gauge");

        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, _meter))
                {
                    listener.EnableMeasurementEvents(instrument, _exported.Find(e => ReferenceEquals(e.Instrument, instrument)));
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, measurement, _, state) => ((Exported)state!).Record(measurement));
        _listener.SetMeasurementEventCallback<double>((_, measurement, _, state) => ((Exported)state!).Record(measurement));
        _listener.Start();
    }

    /// <summary>Batches stored.</summary>
    public long BatchesAccepted => Total(_batchesAccepted);

    /// <summary>Track updates stored.</summary>
    public long TrackUpdatesAccepted => Total(_trackUpdatesAccepted);

    /// <summary>Duplicate batches acked again.</summary>
    public long Duplicates => Total(_duplicates);

    /// <summary>Messages refused as invalid or oversized.</summary>
    public long Rejects => Total(_rejects);

    /// <summary>Calls refused for authentication or permission.</summary>
    public long AuthFailures => Total(_authFailures);

    /// <summary>Publish streams closed because no Hello came in time.</summary>
    public long HelloTimeouts => Total(_helloTimeouts);

    /// <summary>Batches refused for lying too far ahead of the acked sequence or beyond the out-of-order limit.</summary>
    public long SequenceRefusals => Total(_sequenceRefusals);

    /// <summary>Batches that got Unavailable because storage failed.</summary>
    public long StorageFailures => Total(_storageFailures);

    /// <summary>Subscribers cut off for falling behind.</summary>
    public long SlowConsumersDropped => Total(_slowConsumersDropped);

    internal void BatchStored(int trackCount)
    {
        _batchesAccepted.Add(1);
        _trackUpdatesAccepted.Add(trackCount);
    }

    internal void ObserveQueueDepth(Func<int> source) => _queueDepth = source;

    internal void ObserveStoreAvailable(Func<bool> source) => _storeAvailable = source;

    internal void AckSent() => _acksSent.Add(1);

    internal void Duplicate() => _duplicates.Add(1);

    internal void Reject() => _rejects.Add(1);

    internal void AuthFailure() => _authFailures.Add(1);

    internal void HelloTimeout() => _helloTimeouts.Add(1);

    internal void SequenceRefused() => _sequenceRefusals.Add(1);

    internal void StorageFailed() => _storageFailures.Add(1);

    internal void SubscriberAdded() => _subscribers.Add(1);

    internal void SubscriberRemoved() => _subscribers.Add(-1);

    internal void SlowConsumerDropped() => _slowConsumersDropped.Add(1);

    internal void FeedDelivered(TimeSpan lag)
    {
        _feedEventsDelivered.Add(1);
        Volatile.Write(ref _feedLagMicroseconds, (long)lag.TotalMicroseconds);
    }

    /// <summary>The meter's instruments in the Prometheus text exposition format 0.0.4.</summary>
    public string ToPrometheusText()
    {
        // Observable gauges report only when asked; their latest values land in the same totals.
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var exported in _exported)
        {
            text.Append("# HELP ").Append(exported.Name).Append(' ').Append(exported.Instrument.Description).Append('\n');
            text.Append("# TYPE ").Append(exported.Name).Append(' ').Append(exported.Type).Append('\n');
            text.Append(exported.Name).Append(' ').Append(exported.Render()).Append('\n');
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Dispose();
        _meter.Dispose();
    }

    private Counter<long> Counter(string name, string unit, string description, string prometheusName)
    {
        var counter = _meter.CreateCounter<long>(name, unit, description);
        Export(counter, prometheusName, "counter");
        return counter;
    }

    private void Export(Instrument instrument, string prometheusName, string type) => _exported.Add(new Exported(instrument, prometheusName, type));

    private long Total(Instrument instrument) => _exported.Find(e => ReferenceEquals(e.Instrument, instrument))!.Sum;

    /// <summary>One instrument as Prometheus shows it: counters and up-down counters summed, gauges the latest value.</summary>
    private sealed class Exported(Instrument instrument, string name, string type)
    {
        private long _sum;
        private long _latestBits;

        public Instrument Instrument { get; } = instrument;

        public string Name { get; } = name;

        public string Type { get; } = type;

        public long Sum => Interlocked.Read(ref _sum);

        private bool IsObservable => Instrument.IsObservable;

        public void Record(long measurement)
        {
            if (IsObservable)
            {
                Interlocked.Exchange(ref _sum, measurement);
            }
            else
            {
                Interlocked.Add(ref _sum, measurement);
            }
        }

        public void Record(double measurement) => Interlocked.Exchange(ref _latestBits, BitConverter.DoubleToInt64Bits(measurement));

        public string Render() => Instrument is ObservableGauge<double>
            ? BitConverter.Int64BitsToDouble(Interlocked.Read(ref _latestBits)).ToString("R", CultureInfo.InvariantCulture)
            : Sum.ToString(CultureInfo.InvariantCulture);
    }
}
