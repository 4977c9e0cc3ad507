using System.Globalization;
using Google.Protobuf;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Picket.Contract.V1;
using Picket.Server.Configuration;
using Picket.Server.Feed;
using Picket.Server.Ingest;
using Picket.Server.Metrics;

namespace Picket.Server.Storage.JetStream;

/// <summary>
/// The scale-out store: accepted batches are published to a JetStream stream (file storage)
/// with <c>Nats-Msg-Id = gateway/sequence</c>, so JetStream itself drops a resend within its
/// duplicate window; an ack means JetStream has stored the batch. Every node replays the stream
/// with an ordered consumer into its own ledger and feed, so any node can take any gateway's
/// stream and serve any subscriber.
/// </summary>
public sealed class JetStreamBatchStore : IBatchStore, IAsyncDisposable
{
    private const string RejectedHeader = "Picket-Rejected";
    private const int MessageOverheadBytes = 4096;
    private static readonly TimeSpan LocalApplyTimeout = TimeSpan.FromSeconds(2);

    // Everything durable in the stream, from any node: the ack ledger.
    private readonly SequenceLedger _durable = new();

    // What this node has applied to its feed, so that a batch reaches subscribers once.
    private readonly SequenceLedger _applied = new();
    private readonly AppliedSequence _appliedStreamSequence = new();
    private readonly ServerSettings _settings;
    private readonly FeedHub _feed;
    private readonly ServerMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly NatsConnection _connection;
    private readonly NatsJSContext _jetStream;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _replay;
    private readonly Task _checkpoints;
    private readonly JetStreamLedgerCheckpoints _ledgerCheckpoints;

    /// <summary>Connects to NATS and starts replaying the stream; <see cref="WaitUntilReadyAsync"/> completes once caught up.</summary>
    public JetStreamBatchStore(ServerSettings settings, FeedHub feed, ServerMetrics metrics, TimeProvider clock, ILogger<JetStreamBatchStore> logger)
    {
        _clock = clock;
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _feed = feed;
        _metrics = metrics;
        _logger = logger;
        _connection = new NatsConnection(new NatsOpts { Url = settings.NatsUrl.ToString(), Name = "picket-server", RetryOnInitialConnect = true });
        _jetStream = new NatsJSContext(_connection);
        _ledgerCheckpoints = new JetStreamLedgerCheckpoints(_jetStream, settings);
        _replay = Task.Run(ReplayAsync);
        _checkpoints = Task.Run(CheckpointLoopAsync);
    }

    /// <inheritdoc />
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<bool> StoreAsync(string gatewayId, UplinkBatch batch, string? rejectionReason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_durable.Contains(gatewayId, batch.Sequence))
        {
            _metrics.Duplicate();
            return false;
        }

        batch.GatewayId = gatewayId;
        NatsHeaders? headers = null;
        if (rejectionReason is not null)
        {
            headers = new NatsHeaders { [RejectedHeader] = HeaderSafe(rejectionReason) };
        }

        var pubAck = await _jetStream.PublishAsync(
            Subject(gatewayId),
            batch.ToByteArray(),
            NatsRawSerializer<byte[]>.Default,
            new NatsJSPubOpts { MsgId = MessageId(gatewayId, batch.Sequence) },
            headers,
            cancellationToken).ConfigureAwait(false);
        pubAck.EnsureSuccess();
        // The replay may have recorded this message already (it can see it before the PubAck
        // arrives), so "new" is JetStream's word, not the ledger's.
        _durable.Record(gatewayId, batch.Sequence, out _);
        try
        {
            // Durable already; this wait only gives read-your-writes on this node's feed.
            await _appliedStreamSequence.WaitAsync(pubAck.Seq, LocalApplyTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The local replay is behind (reconnecting); the batch is stored and will be applied.
        }

        if (pubAck.Duplicate)
        {
            _metrics.Duplicate();
            return false;
        }

        if (rejectionReason is null)
        {
            _metrics.BatchStored(batch.Tracks.Count);
        }

        return true;
    }

    /// <inheritdoc />
    public Ack CurrentAck(string gatewayId) => _durable.Current(gatewayId);

    /// <inheritdoc />
    public SequenceState SequenceState(string gatewayId) => _durable.State(gatewayId);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var task in new[] { _replay, _checkpoints })
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private static string MessageId(string gatewayId, ulong sequence) => gatewayId + "/" + sequence.ToString(CultureInfo.InvariantCulture);

    // NATS headers are single-line ASCII.
    private static string HeaderSafe(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] < ' ' || chars[i] > '~')
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }

    private string Subject(string gatewayId) => _settings.SubjectPrefix + "." + gatewayId;

    private async Task CheckpointLoopAsync()
    {
        var token = _stop.Token;
        await _ready.Task.WaitAsync(token).ConfigureAwait(false);
        using var timer = new PeriodicTimer(_settings.LedgerCheckpointInterval, _clock);
        while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
        {
            try
            {
                await _ledgerCheckpoints.WriteAsync(_durable.ContiguousByGateway(), token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NatsException or NatsJSException)
            {
                // The next tick tries again; the batch stream still holds everything within retention.
                Log.JetStreamConsumerFailed(_logger, e);
            }
        }
    }

    private async Task ReplayAsync()
    {
        var token = _stop.Token;
        var restored = false;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _jetStream.CreateOrUpdateStreamAsync(
                    new StreamConfig(_settings.StreamName, [_settings.SubjectPrefix + ".>"])
                    {
                        Storage = StreamConfigStorage.File,
                        MaxAge = _settings.Retention,
                        // Resends after a reconnect arrive within minutes; the node ledgers catch older ones.
                        DuplicateWindow = TimeSpan.FromMinutes(10),
                        // Room for the gateway id added to the batch and the headers.
                        MaxMsgSize = _settings.MaxBatchBytes + MessageOverheadBytes,
                    },
                    token).ConfigureAwait(false);
                await _ledgerCheckpoints.EnsureStreamAsync(token).ConfigureAwait(false);
                if (!restored)
                {
                    // Once, before the first replay: later retries must not move the ledger back.
                    foreach (var (gatewayId, contiguous) in await _ledgerCheckpoints.ReadAsync(token).ConfigureAwait(false))
                    {
                        _durable.Restore(gatewayId, contiguous, []);
                        _applied.Restore(gatewayId, contiguous, []);
                    }

                    restored = true;
                }

                var stream = await _jetStream.GetStreamAsync(_settings.StreamName, cancellationToken: token).ConfigureAwait(false);
                var lastAtStart = stream.Info.State.LastSeq;
                if (stream.Info.State.Messages == 0)
                {
                    _ready.TrySetResult();
                }

                var consumer = await _jetStream.CreateOrderedConsumerAsync(
                    _settings.StreamName,
                    new NatsJSOrderedConsumerOpts { DeliverPolicy = ConsumerConfigDeliverPolicy.All },
                    token).ConfigureAwait(false);
                await foreach (var message in consumer.ConsumeAsync(NatsRawSerializer<byte[]>.Default, cancellationToken: token).ConfigureAwait(false))
                {
                    Apply(message);
                    if (message.Metadata is { } metadata)
                    {
                        _appliedStreamSequence.Advance(metadata.Sequence.Stream);
                        if (metadata.Sequence.Stream >= lastAtStart)
                        {
                            _ready.TrySetResult();
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NatsException or NatsJSException or InvalidProtocolBufferException)
            {
                Log.JetStreamConsumerFailed(_logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), token).ConfigureAwait(false);
            }
        }
    }

    private void Apply(INatsJSMsg<byte[]> message)
    {
        if (message.Headers is null || !message.Headers.TryGetValue("Nats-Msg-Id", out var id))
        {
            return;
        }

        var text = id.ToString();
        var slash = text.LastIndexOf('/');
        if (slash <= 0 || !ulong.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence == 0)
        {
            return;
        }

        var gatewayId = text[..slash];
        _durable.Record(gatewayId, sequence, out _);
        _applied.Record(gatewayId, sequence, out var isNew);
        if (!isNew || message.Headers.ContainsKey(RejectedHeader) || message.Data is null)
        {
            return;
        }

        var storedAt = message.Metadata?.Timestamp ?? _clock.GetUtcNow();
        if (storedAt < _clock.GetUtcNow() - _settings.SnapshotHorizon)
        {
            // Replaying history at start: the ledger needs every message, the feed only tracks
            // recent enough for a snapshot.
            return;
        }

        _feed.Publish(gatewayId, UplinkBatch.Parser.ParseFrom(message.Data), storedAt);
    }
}
