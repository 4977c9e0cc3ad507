using System.Threading.Channels;
using Grpc.Core;
using Picket.Contract.V1;
using Picket.Server.Configuration;
using Picket.Server.Metrics;
using Picket.Server.Security;
using Picket.Server.Storage;

namespace Picket.Server.Ingest;

/// <summary>
/// <c>picket.v1.TrackIngest</c> (bound by <see cref="TrackIngestMethodProvider"/>): authenticates the gateway, validates each batch and hands it to
/// the store; an ack goes back only once the store says the batch is durable. On the Publish
/// stream, batches are pipelined: the next is read while earlier ones wait for their commit,
/// and acks are written in batch order.
/// </summary>
public sealed class TrackIngestService(
    IBatchStore store,
    BatchValidator validator,
    CallerAuthenticator authenticator,
    SequenceWindow window,
    ServerSettings settings,
    ServerMetrics metrics,
    Map.MastSites sites,
    ILogger<TrackIngestService> logger)
{
    /// <summary>Batches of one stream awaiting their commit before the reader stops reading.</summary>
    public const int MaxBatchesInFlight = 128;

    /// <summary>The Publish stream: Hello, then batches; acks in batch order.</summary>
    public async Task Publish(IAsyncStreamReader<UplinkMessage> requestStream, IServerStreamWriter<Ack> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);

        var caller = authenticator.Authenticate(context, CallerRole.Gateway);
        if (!await ReadHelloAsync(requestStream, caller, context.CancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (requestStream.Current.MessageCase != UplinkMessage.MessageOneofCase.Hello)
        {
            throw Invalid(caller, "The first message of Publish must be a Hello.");
        }

        var hello = requestStream.Current.Hello;
        AuthorizeGateway(caller, hello.GatewayId, "Hello.gateway_id must be 1 to 64 letters, digits, '-', '_' or '.'.");
        if ((BatchValidator.CheckText("Hello.software_version", hello.SoftwareVersion) ?? BatchValidator.CheckText("Hello.site_name", hello.SiteName)) is { } helloReason)
        {
            throw Invalid(caller, helloReason + ".");
        }

        await StorageCalls.EnsureReadyAsync(store, settings.StoreReadyTimeout, metrics, context.CancellationToken).ConfigureAwait(false);
        Log.GatewayConnected(logger, hello.GatewayId, hello.SoftwareVersion);
        sites.Record(hello);

        // Tell the gateway where the server stands, so it can resend what is missing at once.
        await responseStream.WriteAsync(store.CurrentAck(hello.GatewayId)).ConfigureAwait(false);
        metrics.AckSent();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var inFlight = Channel.CreateBounded<Task<bool>>(new BoundedChannelOptions(MaxBatchesInFlight) { SingleReader = true, SingleWriter = true });
        var acks = WriteAcksAsync(hello.GatewayId, inFlight.Reader, responseStream, stop);
        try
        {
            while (await ReadAsync(requestStream, caller, stop.Token).ConfigureAwait(false))
            {
                var message = requestStream.Current;
                if (message.MessageCase != UplinkMessage.MessageOneofCase.Batch)
                {
                    throw Invalid(caller, "Only batches may follow the Hello.");
                }

                var batch = message.Batch;
                if (batch.GatewayId.Length != 0 && batch.GatewayId != hello.GatewayId)
                {
                    throw authenticator.Refuse(StatusCode.PermissionDenied, "A batch names another gateway than the Hello.", caller.DisplayName);
                }

                if (window.Refuse(hello.GatewayId, batch.Sequence) is { } refusal)
                {
                    inFlight.Writer.TryComplete();
                    await acks.ConfigureAwait(false);
                    throw refusal;
                }

                var reason = validator.Validate(batch);
                if (reason is not null)
                {
                    // Acks already promised are sent first; then the batch is recorded as rejected
                    // (so a resend cannot block the outbox forever) and the stream ends with the reason.
                    inFlight.Writer.TryComplete();
                    await acks.ConfigureAwait(false);
                    throw await RejectAsync(hello.GatewayId, batch, reason, stop.Token).ConfigureAwait(false);
                }

                await inFlight.Writer.WriteAsync(StorageCalls.StoreAsync(store, hello.GatewayId, batch, null, metrics, logger, stop.Token), stop.Token).ConfigureAwait(false);
            }
        }
        catch (RpcException)
        {
            // A refused message: the batches before it are fine, so their acks still go out
            // before the status ends the call.
            inFlight.Writer.TryComplete();
            await DrainAsync(acks).ConfigureAwait(false);
            throw;
        }
        catch
        {
            inFlight.Writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
            await DrainAsync(acks).ConfigureAwait(false);
            throw;
        }

        inFlight.Writer.TryComplete();
        await acks.ConfigureAwait(false);
    }

    /// <summary>One batch, one ack, with the semantics of Publish (gRPC-Web boards).</summary>
    public async Task<Ack> PublishBatch(UplinkBatch request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var caller = authenticator.Authenticate(context, CallerRole.Gateway);
        AuthorizeGateway(caller, request.GatewayId, "UplinkBatch.gateway_id is required on PublishBatch: 1 to 64 letters, digits, '-', '_' or '.'.");

        await StorageCalls.EnsureReadyAsync(store, settings.StoreReadyTimeout, metrics, context.CancellationToken).ConfigureAwait(false);
        if (window.Refuse(request.GatewayId, request.Sequence) is { } refusal)
        {
            throw refusal;
        }

        var reason = validator.Validate(request);
        if (reason is not null)
        {
            throw await RejectAsync(request.GatewayId, request, reason, context.CancellationToken).ConfigureAwait(false);
        }

        var stored = await StorageCalls.StoreAsync(store, request.GatewayId, request, null, metrics, logger, context.CancellationToken).ConfigureAwait(false);
        var ack = store.CurrentAck(request.GatewayId);
        ack.Duplicate = !stored;
        metrics.AckSent();
        return ack;
    }

    private async Task WriteAcksAsync(string gatewayId, ChannelReader<Task<bool>> inFlight, IServerStreamWriter<Ack> responseStream, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var pending in inFlight.ReadAllAsync().ConfigureAwait(false))
            {
                // The ack is read from the ledger only after this batch is durable, in batch
                // order, so acks on a stream never go backwards even when commits complete out of order.
                var stored = await pending.ConfigureAwait(false);
                var ack = store.CurrentAck(gatewayId);
                ack.Duplicate = !stored;
                await responseStream.WriteAsync(ack).ConfigureAwait(false);
                metrics.AckSent();
            }
        }
        catch
        {
            // The reader must stop too: without acks the stream is useless.
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    // The ack writer must have stopped before the call ends, or it would write to a finished response.
    private static async Task DrainAsync(Task acks)
    {
        try
        {
            await acks.ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // The call is ending with another error; that one is reported.
        }
    }

    private async Task<RpcException> RejectAsync(string gatewayId, UplinkBatch batch, string reason, CancellationToken cancellationToken)
    {
        metrics.Reject();
        Log.BatchRejected(logger, gatewayId, batch.Sequence, reason);
        if (batch.Sequence != 0)
        {
            await StorageCalls.StoreAsync(store, gatewayId, batch, reason, metrics, logger, cancellationToken).ConfigureAwait(false);
        }

        var trailers = new Metadata { { "picket-rejected-sequence", batch.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        return new RpcException(new Status(StatusCode.InvalidArgument, $"Batch {batch.Sequence} rejected: {reason}."), trailers);
    }

    // The Hello is awaited for Limits:HelloTimeoutSeconds only: a stream that never says who it
    // is would otherwise hold its connection, buffers and a task forever (issue 12, probe 9).
    private async Task<bool> ReadHelloAsync(IAsyncStreamReader<UplinkMessage> requestStream, CallerIdentity caller, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.HelloTimeout);
        try
        {
            return await ReadAsync(requestStream, caller, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            metrics.HelloTimeout();
            Log.HelloTimedOut(logger, caller.DisplayName, settings.HelloTimeout.TotalSeconds);
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"No Hello within {settings.HelloTimeout.TotalSeconds:0} s of opening Publish (Limits:HelloTimeoutSeconds)."));
        }
    }

    private async Task<bool> ReadAsync(IAsyncStreamReader<UplinkMessage> requestStream, CallerIdentity caller, CancellationToken cancellationToken)
    {
        try
        {
            return await requestStream.MoveNext(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            // From ValidatingMarshaller: already counted.
            Log.MalformedMessage(logger, caller.DisplayName, e.Status.Detail);
            throw;
        }
        catch (InvalidDataException e)
        {
            // grpc-dotnet's framing check (Compressed-Flag not 0 or 1): bytes of another protocol.
            throw Invalid(caller, "The request stream is not gRPC framing: " + e.Message);
        }
    }

    // The gateway id a stream (Hello) or a single batch publishes as: well formed, and one the caller's certificate or token may use.
    private void AuthorizeGateway(CallerIdentity caller, string gatewayId, string invalidReason)
    {
        if (!BatchValidator.IsValidGatewayId(gatewayId))
        {
            throw Invalid(caller, invalidReason);
        }

        if (!caller.MayPublishAs(gatewayId))
        {
            throw authenticator.Refuse(StatusCode.PermissionDenied, $"'{caller.DisplayName}' may not publish as gateway '{gatewayId}'.", caller.DisplayName);
        }
    }

    private RpcException Invalid(CallerIdentity caller, string reason)
    {
        metrics.Reject();
        Log.MalformedMessage(logger, caller.DisplayName, reason);
        return new RpcException(new Status(StatusCode.InvalidArgument, reason));
    }
}
