using Google.Protobuf;
using Picket.Contract.V1;

namespace Picket.Gateway.Outbox;

/// <summary>
/// What a dropped batch becomes: an <c>UplinkMessage</c> whose batch carries only its sequence
/// and creation time.
/// </summary>
/// <remarks>
/// The server acks the highest contiguous sequence (proto/picket/v1/ingest.proto), so a sequence
/// that never arrives would stop every later ack for good. An empty batch fills the hole: the
/// server stores it like any other batch and acks past it. The gateway id is left empty, which
/// Publish allows (the Hello names the gateway).
/// </remarks>
internal static class OutboxTombstone
{
    public static byte[] Create(ulong sequence, long createdUnixMicroseconds) =>
        new UplinkMessage { Batch = new UplinkBatch { Sequence = sequence, CreatedUnixUs = createdUnixMicroseconds } }.ToByteArray();
}
