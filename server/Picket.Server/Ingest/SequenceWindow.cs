using Grpc.Core;
using Picket.Server.Configuration;
using Picket.Server.Metrics;
using Picket.Server.Storage;

namespace Picket.Server.Ingest;

/// <summary>
/// Bounds what a gateway can make the server hold (issue 12, probe 6): a batch more than
/// <c>Limits:MaxSequenceAhead</c> beyond the acked sequence, or beyond a hole that already holds
/// <c>Limits:MaxOutOfOrderBatches</c> batches, is refused with FailedPrecondition naming the
/// limit. It is neither stored nor consumed: resent in order, it is accepted.
/// </summary>
public sealed class SequenceWindow(IBatchStore store, ServerSettings settings, ServerMetrics metrics, ILogger<SequenceWindow> logger)
{
    /// <summary>Returns the refusal for batch <paramref name="sequence"/> of <paramref name="gatewayId"/>, or null when it may be stored.</summary>
    public RpcException? Refuse(string gatewayId, ulong sequence)
    {
        var state = store.SequenceState(gatewayId);
        if (sequence <= state.Contiguous + 1)
        {
            return null;
        }

        string reason;
        if (sequence - state.Contiguous > settings.MaxSequenceAhead)
        {
            reason = $"Batch {sequence} lies {sequence - state.Contiguous} beyond the acked sequence {state.Contiguous}; at most {settings.MaxSequenceAhead} (Limits:MaxSequenceAhead). Resend from {state.Contiguous + 1}.";
        }
        else if (state.HeldAhead >= settings.MaxOutOfOrderBatches)
        {
            reason = $"Batch {sequence} refused: {state.HeldAhead} batches are already held beyond the hole at {state.Contiguous + 1}; at most {settings.MaxOutOfOrderBatches} (Limits:MaxOutOfOrderBatches). Resend from {state.Contiguous + 1}.";
        }
        else
        {
            return null;
        }

        metrics.SequenceRefused();
        Log.SequenceRefused(logger, gatewayId, sequence, reason);
        var trailers = new Metadata { { "picket-refused-sequence", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        return new RpcException(new Status(StatusCode.FailedPrecondition, reason), trailers);
    }
}
