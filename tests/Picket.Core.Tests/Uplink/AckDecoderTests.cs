using Google.Protobuf;
using Picket.Contract.V1;

namespace Picket.Uplink;

/// <summary>Acks serialized by Google.Protobuf, decoded by the core as a board would.</summary>
public class AckDecoderTests
{
    [Fact]
    public void TryDecode_AckWithGap_ReadsEveryField()
    {
        var bytes = new Ack { AckedSequence = 41, Duplicate = true, Gap = new SequenceGap { FirstMissing = 42, LastMissing = 57 } }.ToByteArray();

        Assert.True(AckDecoder.TryDecode(bytes, 0, bytes.Length, out var ack));
        Assert.Equal(41, ack.AckedSequence);
        Assert.True(ack.Duplicate);
        Assert.True(ack.HasGap);
        Assert.Equal(42, ack.GapFirstMissing);
        Assert.Equal(57, ack.GapLastMissing);
    }

    [Fact]
    public void TryDecode_EmptyMessage_IsAllZero()
    {
        Assert.True(AckDecoder.TryDecode([], 0, 0, out var ack));
        Assert.Equal(0, ack.AckedSequence);
        Assert.False(ack.HasGap);
    }

    [Fact]
    public void TryDecode_UnknownFieldsFromANewerServer_AreSkipped()
    {
        // A v1.x server may add fields; an old board must still read the ack.
        var bytes = new byte[]
        {
            0x08, 0x05,             // field 1 (acked_sequence), varint 5
            0x62, 0x02, 0x68, 0x69, // field 12, length-delimited "hi"
            0x75, 1, 2, 3, 4,       // field 14, fixed32
            0x10, 0x01,             // field 2 (duplicate), true
        };

        Assert.True(AckDecoder.TryDecode(bytes, 0, bytes.Length, out var ack));
        Assert.Equal(5, ack.AckedSequence);
        Assert.True(ack.Duplicate);
    }

    [Fact]
    public void TryDecode_TruncatedInsideAField_ReturnsFalse()
    {
        // 08 AC 02 | 1A 04 08 01 10 02: field 1 = 300, then the gap message. A cut after byte 3
        // is a complete (shorter) Ack; every other cut falls inside a field.
        var bytes = new Ack { AckedSequence = 300, Gap = new SequenceGap { FirstMissing = 1, LastMissing = 2 } }.ToByteArray();
        Assert.Equal(new byte[] { 0x08, 0xAC, 0x02, 0x1A, 0x04, 0x08, 0x01, 0x10, 0x02 }, bytes);

        for (var cut = 1; cut < bytes.Length; cut++)
        {
            Assert.Equal(cut == 3, AckDecoder.TryDecode(bytes, 0, cut, out _));
        }
    }
}
