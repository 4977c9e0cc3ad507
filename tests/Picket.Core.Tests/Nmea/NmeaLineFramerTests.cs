using System.Text;

namespace Picket.Nmea;

public sealed class NmeaLineFramerTests
{
    [Fact]
    public void Push_NoiseAndCutSentences_CountedAndLaterSentenceFramed()
    {
        // 3 octets of noise, a sentence cut by a new '$' (9 octets lost), then one whole sentence.
        var stream = Encoding.ASCII.GetBytes("xyz$RATTM,02$RAOSD,000.0,A,000.0,P,0.0,P,,,N*46\r\n");
        var framer = new NmeaLineFramer(NmeaLineFramer.DefaultMaxLength);
        var lines = new List<string>();
        foreach (var value in stream)
        {
            if (framer.Push(value))
            {
                lines.Add(Encoding.ASCII.GetString(framer.Line, 0, framer.LineLength));
            }
        }

        Assert.Equal(["$RAOSD,000.0,A,000.0,P,0.0,P,,,N*46"], lines);
        Assert.Equal(3 + 9, framer.SkippedBytes);
    }

    [Fact]
    public void Push_OverlongSentence_DroppedAndCounted()
    {
        var stream = Encoding.ASCII.GetBytes("$" + new string('A', 100) + "\r\n");
        var framer = new NmeaLineFramer(NmeaLineFramer.DefaultMaxLength);
        var framed = 0;
        foreach (var value in stream)
        {
            framed += framer.Push(value) ? 1 : 0;
        }

        Assert.Equal(0, framed);
        Assert.Equal(101, framer.SkippedBytes);
    }
}
