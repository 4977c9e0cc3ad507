using Picket.Protobuf;

namespace Picket.Uplink;

/// <summary>Decodes a <c>picket.v1.Ack</c> (fields per <c>proto/picket/v1/ingest.proto</c>); unknown fields are skipped.</summary>
public static class AckDecoder
{
    /// <summary>Decodes <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
    /// <returns>False when the bytes are not a well-formed Ack.</returns>
    public static bool TryDecode(byte[] buffer, int offset, int count, out UplinkAck ack)
    {
        ack = new UplinkAck();
        var reader = new ProtoReader(buffer, offset, count);
        int field;
        WireType wireType;
        while (reader.TryReadTag(out field, out wireType))
        {
            ulong value;
            if (field == 1 && wireType == WireType.Varint && reader.TryReadVarint(out value))
            {
                ack.AckedSequence = (long)value;
            }
            else if (field == 2 && wireType == WireType.Varint && reader.TryReadVarint(out value))
            {
                ack.Duplicate = value != 0;
            }
            else if (field == 3 && wireType == WireType.LengthDelimited)
            {
                int gapOffset;
                int gapLength;
                if (!reader.TryReadLengthDelimited(out gapOffset, out gapLength) || !TryDecodeGap(buffer, gapOffset, gapLength, ref ack))
                {
                    return false;
                }
            }
            else if (!reader.TrySkip(wireType))
            {
                return false;
            }
        }

        return !reader.IsMalformed;
    }

    private static bool TryDecodeGap(byte[] buffer, int offset, int count, ref UplinkAck ack)
    {
        ack.HasGap = true;
        var reader = new ProtoReader(buffer, offset, count);
        int field;
        WireType wireType;
        while (reader.TryReadTag(out field, out wireType))
        {
            ulong value;
            if (field == 1 && wireType == WireType.Varint && reader.TryReadVarint(out value))
            {
                ack.GapFirstMissing = (long)value;
            }
            else if (field == 2 && wireType == WireType.Varint && reader.TryReadVarint(out value))
            {
                ack.GapLastMissing = (long)value;
            }
            else if (!reader.TrySkip(wireType))
            {
                return false;
            }
        }

        return !reader.IsMalformed;
    }
}
