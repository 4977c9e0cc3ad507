using System.Text;

namespace Picket.ModeS.Framing;

public sealed class AvrWriterTests
{
    [Fact]
    public void Write_Df11_TimestampedLine()
    {
        byte[] frame = [0x5F, 0x40, 0x01, 0x59, 0x4B, 0x0F, 0xBB]; // DF11 of 400159 (ULSS7 capture)
        var buffer = new byte[AvrWriter.MaxEncodedLength];

        var length = AvrWriter.Write(frame, 0, 7, 0x00001A000102L, buffer, 0);

        // '@', 12 hex digits of the 12 MHz timestamp, the frame, ';', line feed.
        Assert.Equal("@00001A0001025F4001594B0FBB;\n", Encoding.ASCII.GetString(buffer, 0, length));
    }

    [Fact]
    public void Write_RandomFrames_AvrFramerRoundTripsEveryOne()
    {
        var random = new Random(6);
        var buffer = new byte[AvrWriter.MaxEncodedLength];
        var decoded = new ModeSFrame();
        var framer = new AvrFramer(decoded);
        for (var i = 0; i < 2_000; i++)
        {
            var lengthBytes = new[] { 2, 7, 14 }[random.Next(3)];
            var data = Enumerable.Range(0, lengthBytes).Select(_ => (byte)random.Next(256)).ToArray();
            var time = random.NextInt64(1, 1L << 48);
            var length = AvrWriter.Write(data, 0, lengthBytes, time, buffer, 0);
            var ready = 0;
            for (var k = 0; k < length; k++)
            {
                ready += framer.Push(buffer[k]) ? 1 : 0;
            }

            Assert.Equal(1, ready);
            Assert.Equal(data, decoded.Data[..decoded.LengthBytes]);
            Assert.Equal(time, decoded.TimestampTicks);
        }

        Assert.Equal(0, framer.GarbageBytes);
        Assert.Equal(0, framer.MalformedFrames);
    }
}
