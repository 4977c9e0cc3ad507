using Google.Protobuf;

namespace Picket.Protobuf;

/// <summary>The core's reader over bytes written by Google.Protobuf, the reference encoder.</summary>
public class ProtoReaderTests
{
    [Fact]
    public void TryRead_GoogleEncodedFields_ReadsEveryValueAndSkipsTheRest()
    {
        var bytes = Google(o =>
        {
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteUInt64(ulong.MaxValue);
            o.WriteTag(2, WireFormat.WireType.Fixed64);
            o.WriteFixed64(0x0102030405060708);
            o.WriteTag(3, WireFormat.WireType.LengthDelimited);
            o.WriteString("grpc");
            o.WriteTag(4, WireFormat.WireType.Fixed32);
            o.WriteFixed32(7);
            o.WriteTag(536_870_911, WireFormat.WireType.Varint);
            o.WriteInt32(-1);
        });
        var reader = new ProtoReader(bytes, 0, bytes.Length);

        Assert.True(reader.TryReadTag(out var field, out var wire));
        Assert.Equal((1, WireType.Varint), (field, wire));
        Assert.True(reader.TryReadVarint(out var value));
        Assert.Equal(ulong.MaxValue, value);
        Assert.True(reader.TryReadTag(out field, out wire));
        Assert.Equal((2, WireType.Fixed64), (field, wire));
        Assert.True(reader.TrySkip(wire));
        Assert.True(reader.TryReadTag(out field, out wire));
        Assert.True(reader.TryReadLengthDelimited(out var offset, out var length));
        Assert.Equal("grpc"u8.ToArray(), bytes[offset..(offset + length)]);
        Assert.True(reader.TryReadTag(out field, out wire));
        Assert.Equal((4, WireType.Fixed32), (field, wire));
        Assert.True(reader.TrySkip(wire));
        Assert.True(reader.TryReadTag(out field, out wire));
        Assert.Equal(536_870_911, field);
        Assert.True(reader.TryReadVarint(out value));
        Assert.Equal(ulong.MaxValue, value); // int32 -1 is sign-extended to ten bytes
        Assert.False(reader.TryReadTag(out _, out _));
        Assert.False(reader.IsMalformed);
    }

    [Fact]
    public void TryRead_EveryTruncation_ReturnsFalseWithoutThrowing()
    {
        var bytes = Google(o =>
        {
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteUInt64(300);
            o.WriteTag(2, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(new byte[20]));
            o.WriteTag(3, WireFormat.WireType.Fixed64);
            o.WriteFixed64(1);
        });
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var reader = new ProtoReader(bytes, 0, cut);
            var fields = 0;
            while (reader.TryReadTag(out _, out var wire) && reader.TrySkip(wire))
            {
                fields++;
            }

            Assert.True(fields < 3, $"cut {cut}");
            Assert.True(reader.IsMalformed || fields < 3);
        }
    }

    [Fact]
    public void TryReadVarint_ElevenContinuationBytes_IsMalformed()
    {
        var bytes = Enumerable.Repeat((byte)0xFF, 11).ToArray();
        var reader = new ProtoReader(bytes, 0, bytes.Length);

        Assert.False(reader.TryReadVarint(out _));
        Assert.True(reader.IsMalformed);
    }

    [Fact]
    public void TryReadTag_FieldNumberZero_IsMalformed()
    {
        var reader = new ProtoReader([0x00, 0x01], 0, 2);

        Assert.False(reader.TryReadTag(out _, out _));
        Assert.True(reader.IsMalformed);
    }

    [Fact]
    public void Constructor_WindowOutsideBuffer_ReadsAsMalformedEmptyInput()
    {
        var reader = new ProtoReader(new byte[4], 3, 5);

        Assert.True(reader.IsMalformed);
        Assert.False(reader.TryReadTag(out _, out _));
    }

    private static byte[] Google(Action<CodedOutputStream> write)
    {
        using var memory = new MemoryStream();
        var output = new CodedOutputStream(memory);
        write(output);
        output.Flush();
        return memory.ToArray();
    }
}
