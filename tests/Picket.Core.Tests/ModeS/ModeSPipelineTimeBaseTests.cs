using System.Globalization;
using System.Text;
using System.Text.Json;
using Picket.ModeS.Cpr;
using Picket.ModeS.Framing;
using Picket.Testing;

namespace Picket.ModeS;

/// <summary>
/// Issue 10 at the core: the real ULSS7 capture as AVR text, all-bare against mixed
/// <c>@</c>-timestamped and bare lines, through <see cref="AvrFramer"/> and
/// <see cref="ModeSPipeline"/> with a host arrival clock that knows nothing of the receiver's
/// (it starts at 0 and advances 1 ms per line, as a slow serial line would).
/// </summary>
public class ModeSPipelineTimeBaseTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Process_MixedTimestampedAndBareLines_LosesNoMoreRepliesThanAllBare(int timestampEvery)
    {
        var frames = File.ReadLines(SharedData.PathOf("adsb/stream_ulss7_dump1090.jsonl"))
            .Take(2000)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(r => (Ticks: r.GetProperty("ts12mhz").GetInt64(), Hex: r.GetProperty("hex").GetString()!))
            .ToList();
        var bare = new StringBuilder();
        var mixed = new StringBuilder();
        for (var i = 0; i < frames.Count; i++)
        {
            bare.Append('*').Append(frames[i].Hex).Append(";\n");
            mixed.Append(i % timestampEvery == 0 ? "@" + frames[i].Ticks.ToString("X12", CultureInfo.InvariantCulture) : "*").Append(frames[i].Hex).Append(";\n");
        }

        var allBare = Run(bare.ToString());
        var mixedRun = Run(mixed.ToString());

        Assert.True(mixedRun.RejectedUnknownAddress <= allBare.RejectedUnknownAddress, $"mixed {mixedRun.RejectedUnknownAddress} > all-bare {allBare.RejectedUnknownAddress}");
        Assert.True(mixedRun.Decoded >= allBare.Decoded, $"mixed decoded {mixedRun.Decoded} < all-bare {allBare.Decoded}");
    }

    private static ModeSPipeline Run(string avr)
    {
        var frame = new ModeSFrame();
        var framer = new AvrFramer(frame);
        var pipeline = new ModeSPipeline(1024, new PositionLimits(), 1);
        var message = default(ModeSMessage);
        long arrivalTicks = 0;
        foreach (var value in Encoding.ASCII.GetBytes(avr))
        {
            if (framer.Push(value))
            {
                arrivalTicks += PositionLimits.TicksPerSecond / 1000;
                pipeline.Process(frame, arrivalTicks, ref message, out _, out _, out _);
            }
        }

        return pipeline;
    }
}
