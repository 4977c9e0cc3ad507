namespace Picket.ModeS.Framing;

public sealed class BeastFramerTests
{
    [Fact]
    public void Push_EscapedBytesInTimestampAndFrame_Unescaped()
    {
        byte[] stream =
        [
            0x1A, (byte)'2', // escape, type '2' (56-bit frame)
            0x00, 0x00, 0x1A, 0x1A, 0x00, 0x01, 0x02, // timestamp 00 00 1A 00 01 02, the 0x1a doubled
            0x40, // signal
            0x5F, 0x40, 0x01, 0x59, 0x4B, 0x0F, 0xBB, // DF11 of 400159 (ULSS7 capture)
        ];
        var frame = new ModeSFrame();
        var framer = new BeastFramer(frame);
        var ready = false;
        foreach (var b in stream)
        {
            ready = framer.Push(b);
        }

        Assert.True(ready);
        Assert.Equal(0x00001A000102L, frame.TimestampTicks);
        Assert.Equal(0x40, frame.SignalLevel);
        Assert.Equal(ModeSFrameKind.ModeSShort, frame.Kind);
        Assert.Equal("5F4001594B0FBB", Convert.ToHexString(frame.Data, 0, frame.LengthBytes));
    }

    [Fact]
    public void Push_MlatSynthesizedTimestamp_FlaggedNotTimed()
    {
        byte[] stream =
        [
            0x1A, (byte)'1', // escape, type '1' (Mode A/C)
            0xFF, 0x00, 0x4D, 0x4C, 0x41, 0x54, // timestamp FF 00 "MLAT": synthesised by MLAT
            0x00, // signal
            0x10, 0x24, // Mode A/C code
        ];
        var frame = new ModeSFrame();
        var framer = new BeastFramer(frame);
        foreach (var b in stream)
        {
            framer.Push(b);
        }

        Assert.Equal(1, framer.Frames);
        Assert.True(frame.IsSynthesized);
        Assert.False(frame.HasTimestamp);
    }

    [Fact]
    public void Push_StatusAndRadarcapeMessages_SkippedAndNextFrameFound()
    {
        var stream = new List<byte> { 0x1A, (byte)'4' }; // receiver status: 6 + 1 + 14 bytes
        stream.AddRange(new byte[21]);
        stream.AddRange([0x1A, (byte)'5']); // Radarcape position: same length
        stream.AddRange(new byte[21]);
        stream.AddRange([0x1A, (byte)'1', 0, 0, 0, 0, 0, 1, 0, 0x10, 0x24]); // Mode A/C, timestamp 1
        var frame = new ModeSFrame();
        var framer = new BeastFramer(frame);
        var found = 0;
        foreach (var b in stream)
        {
            found += framer.Push(b) ? 1 : 0;
        }

        Assert.Equal(1, found);
        Assert.Equal(2, framer.SkippedMessages);
        Assert.Equal(ModeSFrameKind.ModeAC, frame.Kind);
    }

    [Fact]
    public void Push_UnknownTypeAfterEscape_CountedAsGarbage()
    {
        var framer = new BeastFramer(new ModeSFrame());
        foreach (var b in new byte[] { 0x55, 0x1A, (byte)'9', 0x00 })
        {
            framer.Push(b);
        }

        Assert.Equal(4, framer.GarbageBytes);
        Assert.Equal(0, framer.Frames);
    }

    [Fact]
    public void PushBuffer_UlssCapture_SameFramesAsByteAtATime()
    {
        var capture = File.ReadAllBytes(Picket.Testing.SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        var frame = new ModeSFrame();
        var single = new List<string>();
        var byteFramer = new BeastFramer(frame);
        foreach (var b in capture)
        {
            if (byteFramer.Push(b))
            {
                single.Add(Convert.ToHexString(frame.Data, 0, frame.LengthBytes) + frame.TimestampTicks);
            }
        }

        var bulk = new List<string>();
        var bufferFramer = new BeastFramer(frame);
        var random = new Random(5);
        var offset = 0;
        while (offset < capture.Length)
        {
            // Random chunk sizes, as reads from a socket or serial port deliver them.
            var chunk = Math.Min(random.Next(1, 700), capture.Length - offset);
            var used = 0;
            while (used < chunk)
            {
                used += bufferFramer.Push(capture, offset + used, chunk - used, out var ready);
                if (ready)
                {
                    bulk.Add(Convert.ToHexString(frame.Data, 0, frame.LengthBytes) + frame.TimestampTicks);
                }
            }

            offset += chunk;
        }

        Assert.Equal(13954, single.Count);
        Assert.Equal(single, bulk);
    }
}
