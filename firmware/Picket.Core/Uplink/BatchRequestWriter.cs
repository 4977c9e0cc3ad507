using Picket.Protobuf;
using Picket.Publishing;

namespace Picket.Uplink;

/// <summary>
/// Builds the body of a gRPC-Web <c>TrackIngest/PublishBatch</c> request in a caller-owned
/// buffer: the 5-byte frame header, then a <c>picket.v1.UplinkBatch</c>. This is all a board
/// with HTTP/1.1 needs to publish; it POSTs the bytes with content type
/// <see cref="GrpcWebFrame.ContentType"/>.
/// </summary>
public sealed class BatchRequestWriter
{
    // picket.v1.UplinkBatch
    private const int GatewayIdField = 1;
    private const int SequenceField = 2;
    private const int CreatedField = 3;
    private const int TracksField = 4;

    private readonly ProtoWriter _writer;
    private readonly byte[] _buffer;

    /// <summary>Creates a writer over <paramref name="buffer"/>, which bounds the batch size.</summary>
    public BatchRequestWriter(byte[] buffer)
    {
        _buffer = buffer;
        _writer = new ProtoWriter(buffer);
    }

    /// <summary>Track updates written since <see cref="Begin"/>.</summary>
    public int TrackCount { get; private set; }

    /// <summary>True once a write did not fit; <see cref="Finish"/> then returns 0.</summary>
    public bool HasOverflowed => _writer.HasOverflowed;

    /// <summary>Starts a batch.</summary>
    /// <param name="gatewayId">This gateway's id.</param>
    /// <param name="sequence">Per-gateway sequence number, 1 or more.</param>
    /// <param name="createdUnixMicroseconds">When the batch is closed, UTC microseconds.</param>
    public void Begin(string gatewayId, long sequence, long createdUnixMicroseconds)
    {
        _writer.Reset(_buffer, GrpcWebFrame.HeaderLength, _buffer.Length - GrpcWebFrame.HeaderLength);
        TrackCount = 0;
        _writer.WriteString(GatewayIdField, gatewayId);
        _writer.WriteUInt64(SequenceField, (ulong)sequence);
        if (createdUnixMicroseconds != 0)
        {
            _writer.WriteInt64(CreatedField, createdUnixMicroseconds);
        }
    }

    /// <summary>Adds one track update.</summary>
    /// <returns>False when it did not fit; the batch must then be sent without it (call <see cref="Begin"/> again and rewrite).</returns>
    public bool TryAddTrack(ref TrackReport report)
    {
        TrackUpdateEncoder.WriteField(_writer, TracksField, ref report);
        if (_writer.HasOverflowed)
        {
            return false;
        }

        TrackCount++;
        return true;
    }

    /// <summary>Completes the frame header.</summary>
    /// <returns>The request body's length in bytes from index 0 of the buffer, or 0 if the batch overflowed.</returns>
    public int Finish()
    {
        if (_writer.HasOverflowed)
        {
            return 0;
        }

        GrpcWebFrame.WriteDataHeader(_buffer, 0, _writer.Length);
        return GrpcWebFrame.HeaderLength + _writer.Length;
    }
}
