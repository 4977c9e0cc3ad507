using System.Text;
using Picket.ModeS.Cpr;
using Picket.Testing;

namespace Picket.ModeS.Framing;

/// <summary>
/// Property tests with fixed seeds: random bytes, truncated frames and bit flips through every
/// framer and the decoder never throw, and the real frames around the damage are still found.
/// </summary>
public sealed class FramingFuzzTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Push_RandomBytes_NeverThrowsAndDecoderAcceptsEveryFrame(int seed)
    {
        var random = new Random(seed);
        var data = new byte[200_000];
        random.NextBytes(data);

        // Bias towards the framing bytes so every state is visited often.
        for (var i = 0; i < data.Length; i += random.Next(1, 40))
        {
            data[i] = (byte)"\u001a123*@;<%\n,"[random.Next(11)];
        }

        var frame = new ModeSFrame();
        var pipeline = new ModeSPipeline(64, new PositionLimits(), 2);
        var message = default(ModeSMessage);
        var beast = new BeastFramer(frame);
        var avr = new AvrFramer(frame);
        var sbs = new SbsParser(new SbsRecord(), new byte[256]);
        long frames = 0;
        foreach (var b in data)
        {
            if (beast.Push(b))
            {
                frames++;
                pipeline.Process(frame, frames, ref message, out _, out _, out _);
            }

            if (avr.Push(b))
            {
                frames++;
                pipeline.Process(frame, frames, ref message, out _, out _, out _);
            }

            sbs.Push(b);
        }

        Assert.Equal(frames, pipeline.Frames);
        Assert.True(beast.GarbageBytes + avr.GarbageBytes > 0);
    }

    [Fact]
    public void Push_BeastCaptureWithGarbageAndTruncatedFramesBetween_FindsEveryIntactFrame()
    {
        var capture = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        var frameStarts = BeastFrameStarts(capture);
        var random = new Random(30005);
        var damaged = new List<byte>();
        var intact = new List<string>();
        var frame = new ModeSFrame();
        var afterTruncation = false;
        for (var f = 0; f + 1 < frameStarts.Count && f < 3000; f++)
        {
            var start = frameStarts[f];
            var end = frameStarts[f + 1];

            // Garbage right after a cut frame would be read as the rest of that frame (the Beast
            // protocol has no length or checksum to tell): damage is either a cut or garbage.
            var damage = random.Next(6);
            if (afterTruncation && damage == 0)
            {
                damage = 2;
            }

            afterTruncation = damage == 1;
            switch (damage)
            {
                case 0:
                    // Garbage without 0x1a (a 0x1a would be a frame start by definition).
                    for (var g = random.Next(1, 30); g > 0; g--)
                    {
                        damaged.Add((byte)random.Next(0x1B, 256));
                    }

                    break;
                case 1:
                    // A frame cut short, not in the middle of an escape pair.
                    var cut = start + random.Next(2, end - start);
                    while (cut > start + 2 && capture[cut - 1] == 0x1A)
                    {
                        cut--;
                    }

                    damaged.AddRange(capture[start..cut]);
                    continue;
                default:
                    break;
            }

            damaged.AddRange(capture[start..end]);
            intact.Add(Expected(capture, start, end, frame));
        }

        var framer = new BeastFramer(frame);
        var found = new List<string>();
        foreach (var b in damaged)
        {
            if (framer.Push(b))
            {
                found.Add(Convert.ToHexString(frame.Data, 0, frame.LengthBytes));
            }
        }

        Assert.Equal(intact, found);
        Assert.True(framer.GarbageBytes > 0);
        Assert.True(framer.TruncatedFrames > 0);
    }

    [Fact]
    public void Push_AvrLinesWithGarbageAndMixedLineEnds_FindsEveryValidFrame()
    {
        var random = new Random(30002);
        var text = new StringBuilder();
        var expected = new List<string>();
        var hexes = File.ReadLines(SharedData.PathOf("adsb/stream_ulss7_dump1090.jsonl")).Take(2000)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("hex").GetString()!).ToList();
        foreach (var hex in hexes)
        {
            switch (random.Next(5))
            {
                case 0: text.Append("garbage!"); break;
                case 1: text.Append("*8D4840"); text.Append('\n'); break; // truncated, wrong digit count
                case 2: text.Append("@0123"); break; // cut short by the next start character
                default: break;
            }

            var form = random.Next(4);
            text.Append(form switch { 0 => "*" + hex, 1 => "@00000123ABCD" + hex, 2 => "%00000123ABCD" + hex, _ => "<00000123ABCD7F" + hex });
            text.Append(random.Next(3) switch { 0 => ";\n", 1 => ";\r\n", _ => "\r\n" });
            expected.Add(hex);
        }

        var frame = new ModeSFrame();
        var framer = new AvrFramer(frame);
        var found = new List<string>();
        foreach (var b in Encoding.ASCII.GetBytes(text.ToString()))
        {
            if (framer.Push(b))
            {
                found.Add(Convert.ToHexString(frame.Data, 0, frame.LengthBytes));
            }
        }

        Assert.Equal(expected, found);
        Assert.True(framer.GarbageBytes > 0 && framer.TruncatedFrames > 0 && framer.MalformedFrames > 0);
    }

    [Fact]
    public void Decode_RandomBitFlipsInRealLongFrames_NeverMiscorrects()
    {
        var random = new Random(17);
        var frames = File.ReadLines(SharedData.PathOf("adsb/stream_ulss7_dump1090.jsonl"))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("hex").GetString()!)
            .Where(h => h.Length == 28 && h.StartsWith('8')).Distinct().Take(300).Select(Convert.FromHexString).ToList();
        var message = default(ModeSMessage);
        foreach (var original in frames)
        {
            for (var flips = 1; flips <= 4; flips++)
            {
                var frame = (byte[])original.Clone();
                for (var i = 0; i < flips; i++)
                {
                    Bits.FlipBit(frame, 0, random.Next(6, 113));
                }

                ModeSDecoder.Decode(frame, 0, 14, null, 0, 2, ref message);

                // Up to 2 flips are corrected exactly; beyond that the decoder may only refuse (or, at
                // odds of about 1 in 2,000 per frame, land on another codeword: never the case here).
                if (message.CrcStatus is ModeSCrcStatus.Valid or ModeSCrcStatus.Corrected)
                {
                    Assert.Equal(original, frame);
                }
            }
        }
    }

    private static string Expected(byte[] capture, int start, int end, ModeSFrame frame)
    {
        var framer = new BeastFramer(frame);
        for (var i = start; i < end; i++)
        {
            if (framer.Push(capture[i]))
            {
                return Convert.ToHexString(frame.Data, 0, frame.LengthBytes);
            }
        }

        throw new InvalidOperationException("no frame");
    }

    private static List<int> BeastFrameStarts(byte[] capture)
    {
        // A frame starts at 0x1a followed by a type byte, where the 0x1a is not the second of an escape pair.
        var starts = new List<int>();
        for (var i = 0; i + 1 < capture.Length; i++)
        {
            if (capture[i] != 0x1A)
            {
                continue;
            }

            if (capture[i + 1] == 0x1A)
            {
                i++;
                continue;
            }

            starts.Add(i);
        }

        starts.Add(capture.Length);
        return starts;
    }
}
