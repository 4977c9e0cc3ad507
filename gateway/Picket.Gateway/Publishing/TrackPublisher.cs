using Picket.Publishing;
using Picket.Tracking;

namespace Picket.Gateway.Publishing;

/// <summary>
/// The tracker's output on the gateway: thins track reports per track, packs them with alerts and
/// health into batches with the core's <see cref="UplinkBatchWriter"/> (the bytes that go on the
/// wire), and hands each closed batch to the outbox.
/// </summary>
/// <remarks>
/// <para>
/// Thinning: a track's report is published when its status changed since the last one published
/// (so confirmation, coasting and the end of a track are never thinned away), when the track has
/// just raised an alert, when <c>trackInterval</c> has passed since its last published report, or
/// when it carries a measurement and the last one published carried none (the tracker's periodic
/// prediction, whose update count was that of the report published before it): on a 4 s radar the
/// plot under a second after a periodic report is not thinned away until the next one, 3 s later.
/// Tentative tracks are published only when asked (most of them are clutter); a track whose
/// reports were never published is not announced when it is dropped.
/// </para>
/// <para>
/// Batching: a batch closes when it has been open <c>batchInterval</c> (by the reports' time or
/// by <see cref="Tick"/>), when the next item would not fit the size limit, or when health is
/// added. Called on the pipeline thread only.
/// </para>
/// </remarks>
public sealed class TrackPublisher : ITrackerOutput
{
    private readonly string _gatewayId;
    private readonly IBatchSink _sink;
    private readonly long _trackIntervalMicroseconds;
    private readonly long _batchIntervalMicroseconds;
    private readonly bool _publishTentative;
    private readonly byte[] _buffer;
    private readonly UplinkBatchWriter _writer;
    private readonly Dictionary<long, Published> _tracks = [];
    private readonly HashSet<long> _alerted = [];
    private bool _open;
    private long _openedAt;

    /// <summary>Creates the publisher.</summary>
    /// <param name="gatewayId">The gateway id every batch carries.</param>
    /// <param name="sink">The outbox.</param>
    /// <param name="trackInterval">Least time between two published reports of one track with the same status.</param>
    /// <param name="batchInterval">Longest a batch stays open.</param>
    /// <param name="maxBatchBytes">Largest message.</param>
    /// <param name="publishTentative">Whether tentative tracks are published.</param>
    public TrackPublisher(string gatewayId, IBatchSink sink, TimeSpan trackInterval, TimeSpan batchInterval, int maxBatchBytes = UplinkBatchWriter.DefaultMaxMessageLength, bool publishTentative = false)
    {
        ArgumentNullException.ThrowIfNull(gatewayId);
        ArgumentNullException.ThrowIfNull(sink);
        _gatewayId = gatewayId;
        _sink = sink;
        _trackIntervalMicroseconds = (long)(trackInterval.TotalMilliseconds * 1000);
        _batchIntervalMicroseconds = (long)(batchInterval.TotalMilliseconds * 1000);
        _publishTentative = publishTentative;
        _buffer = new byte[maxBatchBytes + 4];
        _writer = new UplinkBatchWriter(_buffer, maxBatchBytes, Math.Min(maxBatchBytes, 8 * 1024));
    }

    /// <summary>Reports the tracker produced.</summary>
    public long ReportsSeen { get; private set; }

    /// <summary>Reports published (after thinning).</summary>
    public long ReportsPublished { get; private set; }

    /// <summary>Alerts published.</summary>
    public long AlertsPublished { get; private set; }

    /// <summary>Batches closed and handed to the outbox.</summary>
    public long BatchesClosed { get; private set; }

    /// <inheritdoc />
    public void OnTrackReport(ref TrackReport report)
    {
        ReportsSeen++;
        CloseIfDue(report.TimeUnixMicroseconds);
        if (!ShouldPublish(ref report))
        {
            return;
        }

        EnsureOpen(report.TimeUnixMicroseconds);
        if (!_writer.TryAddTrack(ref report))
        {
            Close();
            EnsureOpen(report.TimeUnixMicroseconds);
            if (!_writer.TryAddTrack(ref report))
            {
                throw new InvalidOperationException($"track {report.TrackId}'s report does not fit an empty batch");
            }
        }

        ReportsPublished++;
    }

    /// <inheritdoc />
    public void OnZoneAlert(ref ZoneAlert alert)
    {
        CloseIfDue(alert.TimeUnixMicroseconds);
        _alerted.Add(alert.TrackId);
        EnsureOpen(alert.TimeUnixMicroseconds);
        if (!_writer.TryAddAlert(ref alert))
        {
            Close();
            EnsureOpen(alert.TimeUnixMicroseconds);
            if (!_writer.TryAddAlert(ref alert))
            {
                throw new InvalidOperationException($"track {alert.TrackId}'s alert does not fit an empty batch");
            }
        }

        AlertsPublished++;
    }

    /// <summary>Closes the open batch if it has been open the batch interval at <paramref name="nowUnixMicroseconds"/>.</summary>
    /// <param name="nowUnixMicroseconds">The time now.</param>
    public void Tick(long nowUnixMicroseconds) => CloseIfDue(nowUnixMicroseconds);

    /// <summary>Adds health to the open batch (or a batch of its own) and closes it.</summary>
    /// <param name="health">The report.</param>
    public void AddHealth(GatewayHealthReport health)
    {
        ArgumentNullException.ThrowIfNull(health);
        EnsureOpen(health.TimeUnixMicroseconds);
        if (!_writer.TrySetHealth(health))
        {
            Close();
            EnsureOpen(health.TimeUnixMicroseconds);
            if (!_writer.TrySetHealth(health))
            {
                throw new InvalidOperationException("the health report does not fit an empty batch");
            }
        }

        Close();
    }

    /// <summary>Closes the open batch, if any (at shutdown).</summary>
    public void Flush()
    {
        if (_open)
        {
            Close();
        }
    }

    private bool ShouldPublish(ref TrackReport report)
    {
        var known = _tracks.TryGetValue(report.TrackId, out var last);
        var alerted = _alerted.Remove(report.TrackId);
        if (report.Status == TrackStatus.Dropped)
        {
            _tracks.Remove(report.TrackId);
            return known;
        }

        if (report.Status == TrackStatus.Tentative && !_publishTentative && !known)
        {
            return false;
        }

        var publish = !known
            || last.Status != report.Status
            || alerted
            || report.TimeUnixMicroseconds - last.TimeUnixMicroseconds >= _trackIntervalMicroseconds
            || (!last.CarriedMeasurement && report.UpdateCount != last.UpdateCount);
        if (publish)
        {
            _tracks[report.TrackId] = new Published(report.Status, report.TimeUnixMicroseconds, report.UpdateCount, !known || report.UpdateCount != last.UpdateCount);
        }

        return publish;
    }

    private void CloseIfDue(long nowUnixMicroseconds)
    {
        if (_open && nowUnixMicroseconds - _openedAt >= _batchIntervalMicroseconds)
        {
            Close();
        }
    }

    private void EnsureOpen(long nowUnixMicroseconds)
    {
        if (_open)
        {
            return;
        }

        _writer.Begin(_gatewayId, (long)_sink.NextSequence, nowUnixMicroseconds);
        _open = true;
        _openedAt = nowUnixMicroseconds;
    }

    private void Close()
    {
        var length = _writer.Finish();
        _open = false;
        var sequence = _sink.NextSequence;
        _sink.Append(sequence, _buffer.AsSpan(0, length).ToArray(), _openedAt);
        BatchesClosed++;
    }

    // The last published report of a track: its status, time and update count, and whether it
    // carried a measurement the one published before it did not.
    private readonly record struct Published(TrackStatus Status, long TimeUnixMicroseconds, uint UpdateCount, bool CarriedMeasurement);
}
