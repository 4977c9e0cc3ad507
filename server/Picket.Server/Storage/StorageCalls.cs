using Grpc.Core;
using Picket.Contract.V1;
using Picket.Server.Metrics;

namespace Picket.Server.Storage;

/// <summary>
/// Store calls as the gRPC services make them: a store that is still recovering or cannot be
/// reached, or a write that fails, becomes <c>Unavailable</c> (the gateway keeps its outbox and
/// retries) instead of a hang or an opaque <c>Unknown</c>.
/// </summary>
internal static class StorageCalls
{
    public static async Task EnsureReadyAsync(IBatchStore store, TimeSpan timeout, ServerMetrics metrics, CancellationToken cancellationToken)
    {
        try
        {
            await store.WaitUntilReadyAsync(cancellationToken).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "Storage is recovering or unreachable; retry later."));
        }
        catch (StoreUnavailableException)
        {
            metrics.StorageFailed();
            throw new RpcException(new Status(StatusCode.Unavailable, "Storage is unavailable (the database file was lost); nothing is acked until the server is restarted."));
        }
    }

    public static async Task<bool> StoreAsync(IBatchStore store, string gatewayId, UplinkBatch batch, string? rejectionReason, ServerMetrics metrics, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await store.StoreAsync(gatewayId, batch, rejectionReason, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // Logged once, when the store tripped; every refused batch is counted.
            metrics.StorageFailed();
            throw new RpcException(new Status(StatusCode.Unavailable, $"Storage is unavailable (the database file was lost) at batch {batch.Sequence}; nothing is acked until the server is restarted."));
        }
        catch (Exception e) when (e is not RpcException and not OperationCanceledException)
        {
            metrics.StorageFailed();
            Log.StorageFailed(logger, gatewayId, batch.Sequence, e.Message);
            throw new RpcException(new Status(StatusCode.Unavailable, $"Storage failed at batch {batch.Sequence}; resend everything after the last ack."));
        }
    }
}
