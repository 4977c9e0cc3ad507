namespace Picket.ModeS.Framing;

public sealed class BeastWriterTests
{
    [Fact]
    public void Write_Df11WithEscapeInTimestamp_MatchesProtocolBytes()
    {
        byte[] frame = [0x5F, 0x40, 0x01, 0x59, 0x4B, 0x0F, 0xBB]; // DF11 of 400159 (ULSS7 capture)
        byte[] expected =
        [
            0x1A, (byte)'2', // escape, type '2' (56-bit frame)
            0x00, 0x00, 0x1A, 0x1A, 0x00, 0x01, 0x02, // timestamp 00 00 1A 00 01 02, the 0x1a doubled
            0x40, // signal
            0x5F, 0x40, 0x01, 0x59, 0x4B, 0x0F, 0xBB, // the frame
        ];
        var buffer = new byte[BeastWriter.MaxEncodedLength];

        var length = BeastWriter.Write(frame, 0, 7, 0x00001A000102L, 0x40, buffer, 0);

        Assert.Equal(expected, buffer[..length]);
    }

    [Fact]
    public void Write_FrameFullOfEscapes_EveryByteDoubledAndFramerReadsItBack()
    {
        var frame = Enumerable.Repeat((byte)0x1A, 14).ToArray();
        var buffer = new byte[BeastWriter.MaxEncodedLength];

        var length = BeastWriter.Write(frame, 0, 14, 0x1A1A1A1A1A1AL, 0x1A, buffer, 0);

        // 0x1a '3', then 6 timestamp + 1 signal + 14 frame bytes, each 0x1a doubled: 44 bytes.
        Assert.Equal(BeastWriter.MaxEncodedLength, length);
        Assert.Equal((byte)'3', buffer[1]);
        Assert.All(buffer.Skip(2), b => Assert.Equal(0x1A, b));
        var decoded = new ModeSFrame();
        var framer = new BeastFramer(decoded);
        Assert.Equal(length, framer.Push(buffer, 0, length, out var ready));
        Assert.True(ready);
        Assert.Equal(0x1A1A1A1A1A1AL, decoded.TimestampTicks);
        Assert.Equal(0x1A, decoded.SignalLevel);
        Assert.Equal(frame, decoded.Data);
    }

    [Fact]
    public void Write_RandomFramesHeavyInEscapes_FramerRoundTripsEveryOne()
    {
        var random = new Random(5);
        var stream = new MemoryStream();
        var frames = new List<(byte[] Data, long Time, int Signal)>();
        var buffer = new byte[BeastWriter.MaxEncodedLength];
        for (var i = 0; i < 2_000; i++)
        {
            var lengthBytes = new[] { 2, 7, 14 }[random.Next(3)];
            var data = Enumerable.Range(0, lengthBytes).Select(_ => random.Next(4) == 0 ? (byte)0x1A : (byte)random.Next(256)).ToArray();
            var time = random.NextInt64(1, 1L << 48);
            var signal = random.Next(4) == 0 ? 0x1A : random.Next(1, 256);
            frames.Add((data, time, signal));
            stream.Write(buffer, 0, BeastWriter.Write(data, 0, lengthBytes, time, signal, buffer, 0));
        }

        var bytes = stream.ToArray();
        var decoded = new ModeSFrame();
        var framer = new BeastFramer(decoded);
        var index = 0;
        var offset = 0;
        while (offset < bytes.Length)
        {
            offset += framer.Push(bytes, offset, bytes.Length - offset, out var ready);
            if (ready)
            {
                var (data, time, signal) = frames[index++];
                Assert.Equal(data, decoded.Data[..decoded.LengthBytes]);
                Assert.Equal(time, decoded.TimestampTicks);
                Assert.Equal(signal, decoded.SignalLevel);
            }
        }

        Assert.Equal(frames.Count, index);
        Assert.Equal(0, framer.GarbageBytes);
        Assert.Equal(0, framer.TruncatedFrames);
    }

    [Fact]
    public void Write_TooLittleRoomOrBadLength_ReturnsZero()
    {
        var frame = Enumerable.Repeat((byte)0x1A, 14).ToArray();
        Assert.Equal(0, BeastWriter.Write(frame, 0, 14, 0x1A1A1A1A1A1AL, 0x1A, new byte[BeastWriter.MaxEncodedLength - 1], 0)); // needs all 44
        Assert.Equal(0, BeastWriter.Write(frame, 0, 5, 1, 1, new byte[BeastWriter.MaxEncodedLength], 0));
        Assert.Equal(0, BeastWriter.Write(frame, 0, 7, 1L << 48, 1, new byte[BeastWriter.MaxEncodedLength], 0));
    }
}
