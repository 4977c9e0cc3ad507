using Picket.Contract.V1;
using Picket.Server.Ingest;

namespace Picket.Server.Storage;

/// <summary>
/// Makes accepted batches durable and answers what to ack. Implementations: the embedded SQLite
/// database and a NATS JetStream stream. Both are run through the same contract tests.
/// </summary>
public interface IBatchStore
{
    /// <summary>Completes when the store has recovered its state (ledger, feed snapshot) and may take batches.</summary>
    Task WaitUntilReadyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="batch"/> of <paramref name="gatewayId"/> durably, unless that
    /// (gateway, sequence) is already held. Completes once the batch is durable (and recorded in
    /// <see cref="CurrentAck"/>) with true, or with false when it had been stored before.
    /// </summary>
    /// <param name="gatewayId">The authenticated gateway.</param>
    /// <param name="batch">A validated batch.</param>
    /// <param name="rejectionReason">
    /// Null for a valid batch. Otherwise the batch failed validation: its sequence is recorded as
    /// consumed (with the reason, for the operator) so that the gateway's outbox is not blocked
    /// forever by a batch no resend can fix, and its content goes nowhere else.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait, not necessarily the write.</param>
    Task<bool> StoreAsync(string gatewayId, UplinkBatch batch, string? rejectionReason, CancellationToken cancellationToken);

    /// <summary>
    /// What to ack to <paramref name="gatewayId"/> now: the highest sequence up to which every
    /// batch is durable (0 when none) and the first hole beyond it, if any.
    /// </summary>
    Ack CurrentAck(string gatewayId);

    /// <summary>The acked sequence of <paramref name="gatewayId"/> and the number of batches held beyond its first hole.</summary>
    SequenceState SequenceState(string gatewayId);
}
