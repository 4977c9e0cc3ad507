using Grpc.Core;
using Picket.Contract.V1;
using Picket.Server.Feed;

namespace Picket.Server.Ingest;

/// <summary>
/// <c>picket.v1.TrackIngest</c>: a thin adapter from gRPC to the sequence ledger and the feed.
/// A batch is acked only after it has been handed to storage.
/// </summary>
public sealed class TrackIngestService(SequenceLedger ledger, FeedHub feed, ILogger<TrackIngestService> logger) : TrackIngest.TrackIngestBase
{
    /// <inheritdoc />
    public override async Task Publish(IAsyncStreamReader<UplinkMessage> requestStream, IServerStreamWriter<Ack> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);

        if (!await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (requestStream.Current.MessageCase != UplinkMessage.MessageOneofCase.Hello)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The first message of Publish must be a Hello."));
        }

        var hello = requestStream.Current.Hello;
        if (string.IsNullOrEmpty(hello.GatewayId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Hello.gateway_id is empty."));
        }

        Log.GatewayConnected(logger, hello.GatewayId, hello.SoftwareVersion);

        // Tell the gateway where the server stands, so it can resend what is missing at once.
        await responseStream.WriteAsync(new Ack { AckedSequence = ledger.AckedSequence(hello.GatewayId) }).ConfigureAwait(false);

        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var message = requestStream.Current;
            if (message.MessageCase != UplinkMessage.MessageOneofCase.Batch)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "Only batches may follow the Hello."));
            }

            var batch = message.Batch;
            if (batch.GatewayId.Length != 0 && batch.GatewayId != hello.GatewayId)
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, "A batch names another gateway than the Hello."));
            }

            await responseStream.WriteAsync(Store(hello.GatewayId, batch)).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override Task<Ack> PublishBatch(UplinkBatch request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.GatewayId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "UplinkBatch.gateway_id is required on PublishBatch."));
        }

        return Task.FromResult(Store(request.GatewayId, request));
    }

    private Ack Store(string gatewayId, UplinkBatch batch)
    {
        if (batch.Sequence == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "UplinkBatch.sequence starts at 1."));
        }

        var alreadyStored = ledger.Contains(gatewayId, batch.Sequence);
        if (!alreadyStored)
        {
            feed.Publish(gatewayId, batch);
        }

        return ledger.Record(gatewayId, batch.Sequence, out _);
    }
}
