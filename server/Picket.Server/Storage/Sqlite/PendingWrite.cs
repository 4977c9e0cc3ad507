using Picket.Contract.V1;

namespace Picket.Server.Storage.Sqlite;

/// <summary>A batch waiting for the writer, with the task its caller awaits for the ack.</summary>
internal sealed class PendingWrite(string gatewayId, UplinkBatch batch, string? rejectionReason)
{
    public string GatewayId { get; } = gatewayId;

    public UplinkBatch Batch { get; } = batch;

    public string? RejectionReason { get; } = rejectionReason;

    public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
