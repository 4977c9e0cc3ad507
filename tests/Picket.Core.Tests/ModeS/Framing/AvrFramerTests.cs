using System.Text;

namespace Picket.ModeS.Framing;

public sealed class AvrFramerTests
{
    [Theory]
    [InlineData("*8D4840D6202CC371C32CE0576098;\n", false, 0L, 0)]
    [InlineData(":8D4840D6202CC371C32CE0576098;\r\n", false, 0L, 0)]
    [InlineData("@0123456789AB8D4840D6202CC371C32CE0576098;\n", true, 0x0123456789ABL, 0)] // 12-digit 12 MHz timestamp
    [InlineData("%0123456789AB8D4840D6202CC371C32CE0576098;\n", true, 0x0123456789ABL, 0)]
    [InlineData("<0123456789AB7F8D4840D6202CC371C32CE0576098;\n", true, 0x0123456789ABL, 0x7F)] // timestamp, then signal 7F
    [InlineData("*8d4840d6202cc371c32ce0576098\n", false, 0L, 0)] // lower case, no ';'
    public void Push_AvrVariants_SameFrameWithTimestampAndSignal(string line, bool hasTimestamp, long ticks, int signal)
    {
        var frame = new ModeSFrame();
        var framer = new AvrFramer(frame);
        var found = 0;
        foreach (var b in Encoding.ASCII.GetBytes(line))
        {
            found += framer.Push(b) ? 1 : 0;
        }

        Assert.Equal(1, found);
        Assert.Equal("8D4840D6202CC371C32CE0576098", Convert.ToHexString(frame.Data, 0, frame.LengthBytes));
        Assert.Equal(hasTimestamp, frame.HasTimestamp);
        Assert.Equal(ticks, frame.TimestampTicks);
        Assert.Equal(signal, frame.SignalLevel);
    }

    [Fact]
    public void Push_ModeACAndShortFrames_LengthFromDigitCount()
    {
        var frame = new ModeSFrame();
        var framer = new AvrFramer(frame);
        var kinds = new List<ModeSFrameKind>();
        foreach (var b in "*1024;\n*5F4001594B0FBB;\n"u8.ToArray())
        {
            if (framer.Push(b))
            {
                kinds.Add(frame.Kind);
            }
        }

        Assert.Equal([ModeSFrameKind.ModeAC, ModeSFrameKind.ModeSShort], kinds);
    }
}
