using Google.Protobuf;

namespace Picket.Protobuf;

/// <summary>
/// The core's writer checked against Google.Protobuf, the reference implementation: the same
/// writes must give the same bytes as <see cref="CodedOutputStream"/>, and
/// <see cref="CodedInputStream"/> must read back every value.
/// </summary>
public class ProtoWriterTests
{
    public static TheoryData<int> Int32Edges => new() { 0, 1, -1, 127, 128, 300, -300, int.MaxValue, int.MinValue };

    public static TheoryData<long> Int64Edges => new() { 0L, 1L, -1L, 1L << 35, -(1L << 35), long.MaxValue, long.MinValue, 1_764_064_800_123_456L };

    public static TheoryData<ulong> UInt64Edges => new() { 0UL, 1UL, 127UL, 128UL, 16_383UL, 16_384UL, uint.MaxValue, ulong.MaxValue };

    [Theory]
    [MemberData(nameof(Int32Edges))]
    public void Int32Fields_EdgeValues_MatchGoogleBytesAndReadBack(int value)
    {
        var ours = Write(w =>
        {
            w.WriteInt32(1, value);
            w.WriteSInt32(2, value);
            w.WriteSFixed32(3, value);
            w.WriteEnum(4, value);
        });
        var google = Google(o =>
        {
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteInt32(value);
            o.WriteTag(2, WireFormat.WireType.Varint);
            o.WriteSInt32(value);
            o.WriteTag(3, WireFormat.WireType.Fixed32);
            o.WriteSFixed32(value);
            o.WriteTag(4, WireFormat.WireType.Varint);
            o.WriteEnum(value);
        });
        Assert.Equal(google, ours);

        var input = new CodedInputStream(ours);
        Assert.Equal(WireFormat.MakeTag(1, WireFormat.WireType.Varint), input.ReadTag());
        Assert.Equal(value, input.ReadInt32());
        input.ReadTag();
        Assert.Equal(value, input.ReadSInt32());
        input.ReadTag();
        Assert.Equal(value, input.ReadSFixed32());
        input.ReadTag();
        Assert.Equal(value, input.ReadEnum());
        Assert.True(input.IsAtEnd);
    }

    [Theory]
    [MemberData(nameof(Int64Edges))]
    public void Int64Fields_EdgeValues_MatchGoogleBytes(long value)
    {
        var ours = Write(w =>
        {
            w.WriteInt64(1, value);
            w.WriteSInt64(2, value);
            w.WriteSFixed64(3, value);
        });
        var google = Google(o =>
        {
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteInt64(value);
            o.WriteTag(2, WireFormat.WireType.Varint);
            o.WriteSInt64(value);
            o.WriteTag(3, WireFormat.WireType.Fixed64);
            o.WriteSFixed64(value);
        });
        Assert.Equal(google, ours);
    }

    [Theory]
    [MemberData(nameof(UInt64Edges))]
    public void UnsignedFields_EdgeValues_MatchGoogleBytes(ulong value)
    {
        var ours = Write(w =>
        {
            w.WriteUInt64(1, value);
            w.WriteUInt32(2, (uint)value);
            w.WriteFixed32(3, (uint)value);
            w.WriteFixed64(4, value);
            w.WriteBool(5, value != 0);
        });
        var google = Google(o =>
        {
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteUInt64(value);
            o.WriteTag(2, WireFormat.WireType.Varint);
            o.WriteUInt32((uint)value);
            o.WriteTag(3, WireFormat.WireType.Fixed32);
            o.WriteFixed32((uint)value);
            o.WriteTag(4, WireFormat.WireType.Fixed64);
            o.WriteFixed64(value);
            o.WriteTag(5, WireFormat.WireType.Varint);
            o.WriteBool(value != 0);
        });
        Assert.Equal(google, ours);
    }

    [Fact]
    public void WriteTag_HighestFieldNumber_MatchesGoogle()
    {
        const int highest = (1 << 29) - 1;
        Assert.Equal(Google(o => o.WriteTag(highest, WireFormat.WireType.Varint)), Write(w => w.WriteTag(highest, WireType.Varint)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("RYR4TX")]
    [InlineData("Tallinn–Narva")] // en dash: three UTF-8 bytes
    [InlineData("Ämari ✈ 🛩 zone")] // two-byte, three-byte and a surrogate pair
    public void WriteString_Text_MatchesGoogleUtf8(string text)
    {
        var ours = Write(w => w.WriteString(7, text));
        var google = Google(o =>
        {
            o.WriteTag(7, WireFormat.WireType.LengthDelimited);
            o.WriteString(text);
        });
        Assert.Equal(google, ours);
        var input = new CodedInputStream(ours);
        input.ReadTag();
        Assert.Equal(text, input.ReadString());
    }

    [Fact]
    public void WriteString_LoneSurrogate_BecomesReplacementCharacter()
    {
        var ours = Write(w => w.WriteString(1, "a\uD800b"));

        // 0x0A: field 1, length-delimited; 0x05: five bytes; 'a'; EF BF BD = U+FFFD; 'b'.
        Assert.Equal(new byte[] { 0x0A, 0x05, 0x61, 0xEF, 0xBF, 0xBD, 0x62 }, ours);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(125)] // body of 127 bytes with the inner tag and length: still a one-byte length
    [InlineData(126)] // body of 128 bytes: the length widens to two bytes
    [InlineData(20_000)] // three-byte length
    public void BeginEndMessage_BodyOfAnyLength_MatchesGoogleNestedEncoding(int payloadLength)
    {
        var payload = new byte[payloadLength];
        new Random(payloadLength).NextBytes(payload);
        var ours = Write(
            w =>
            {
                w.WriteUInt32(1, 42);
                w.BeginMessage(2);
                w.BeginMessage(3);
                w.WriteBytes(4, payload, 0, payload.Length);
                w.EndMessage();
                w.WriteSInt32(5, -7);
                w.EndMessage();
                w.WriteBool(6, true);
            },
            payloadLength + 64);

        var inner = Google(o =>
        {
            o.WriteTag(4, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(payload));
        });
        var middle = Google(o =>
        {
            o.WriteTag(3, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(inner));
            o.WriteTag(5, WireFormat.WireType.Varint);
            o.WriteSInt32(-7);
        });
        var google = Google(o =>
        {
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteUInt32(42);
            o.WriteTag(2, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(middle));
            o.WriteTag(6, WireFormat.WireType.Varint);
            o.WriteBool(true);
        });
        Assert.Equal(google, ours);
    }

    [Fact]
    public void Write_BufferTooSmallAtEveryLength_FlagsOverflowAndNeverThrows()
    {
        var full = Write(WriteSample, 256);
        for (var size = 0; size < full.Length; size++)
        {
            var buffer = new byte[size];
            var writer = new ProtoWriter(buffer);
            WriteSample(writer);
            Assert.True(writer.HasOverflowed, $"size {size}");
            Assert.True(writer.Length <= size);
        }

        var exact = new ProtoWriter(new byte[full.Length]);
        WriteSample(exact);
        Assert.False(exact.HasOverflowed);
        Assert.Equal(full.Length, exact.Length);

        static void WriteSample(ProtoWriter w)
        {
            w.WriteInt64(1, -5);
            w.BeginMessage(2);
            w.WriteString(1, new string('x', 150));
            w.EndMessage();
            w.WriteFixed64(3, ulong.MaxValue);
        }
    }

    [Fact]
    public void Reset_WithOffset_WritesOnlyInsideTheWindow()
    {
        var buffer = new byte[16];
        Array.Fill(buffer, (byte)0xEE);
        var writer = new ProtoWriter(buffer);
        writer.Reset(buffer, 4, 3);
        writer.WriteUInt32(1, 300); // tag + two varint bytes: exactly three bytes

        Assert.False(writer.HasOverflowed);
        Assert.Equal(new byte[] { 0xEE, 0xEE, 0xEE, 0xEE, 0x08, 0xAC, 0x02, 0xEE }, buffer[..8]);
        writer.WriteBool(2, true);
        Assert.True(writer.HasOverflowed);
        Assert.Equal(0xEE, buffer[7]);
    }

    [Fact]
    public void BeginMessage_NestedDeeperThanMaxDepth_Throws()
    {
        var writer = new ProtoWriter(new byte[64]);
        for (var i = 0; i < ProtoWriter.MaxDepth; i++)
        {
            writer.BeginMessage(1);
        }

        Assert.Throws<InvalidOperationException>(() => writer.BeginMessage(1));
    }

    [Fact]
    public void EndMessage_WithoutBegin_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new ProtoWriter(new byte[4]).EndMessage());
    }

    private static byte[] Write(Action<ProtoWriter> write, int capacity = 64)
    {
        var buffer = new byte[capacity];
        var writer = new ProtoWriter(buffer);
        write(writer);
        Assert.False(writer.HasOverflowed);
        Assert.False(writer.IsInsideMessage);
        return buffer[..writer.Length];
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
