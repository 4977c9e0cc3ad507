using Google.Protobuf;
using Picket.Contract.V1;

namespace Picket.Server.Storage.Sqlite;

/// <summary>
/// A batch waiting for the writer, with the task its caller awaits. The rows' protobuf blobs
/// are encoded here, on the caller's thread, so the single writer thread only runs SQLite.
/// </summary>
internal sealed class PendingWrite
{
    public PendingWrite(string gatewayId, UplinkBatch batch, string? rejectionReason)
    {
        GatewayId = gatewayId;
        Batch = batch;
        RejectionReason = rejectionReason;
        if (rejectionReason is not null)
        {
            RejectedBlob = batch.ToByteArray();
            TrackBlobs = AlertBlobs = [];
            return;
        }

        TrackBlobs = new byte[batch.Tracks.Count][];
        for (var i = 0; i < TrackBlobs.Length; i++)
        {
            TrackBlobs[i] = batch.Tracks[i].ToByteArray();
        }

        AlertBlobs = new byte[batch.Alerts.Count][];
        for (var i = 0; i < AlertBlobs.Length; i++)
        {
            AlertBlobs[i] = batch.Alerts[i].ToByteArray();
        }

        HealthBlob = batch.Health?.ToByteArray();
    }

    public string GatewayId { get; }

    public UplinkBatch Batch { get; }

    public string? RejectionReason { get; }

    public byte[]? RejectedBlob { get; }

    public byte[][] TrackBlobs { get; }

    public byte[][] AlertBlobs { get; }

    public byte[]? HealthBlob { get; }

    public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
