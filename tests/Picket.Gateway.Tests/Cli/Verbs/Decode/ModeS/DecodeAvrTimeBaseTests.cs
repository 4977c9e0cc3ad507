using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Picket.Cli;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Gateway.Cli.Verbs.Decode.ModeS;

/// <summary>
/// Issue 10: an AVR stream that mixes <c>@</c>-timestamped and bare <c>*</c> lines must time the
/// bare lines on the stream's own clock. Built from the real ULSS7 capture (its frames and 12 MHz
/// timestamps as listed in <c>stream_ulss7_dump1090.jsonl</c>), decoded by <c>picket decode</c>
/// all-bare and mixed: the mixed stream loses no more address/parity replies.
/// </summary>
public sealed class DecodeAvrTimeBaseTests(ITestOutputHelper log)
{
    private const string UnheardReason = "address/parity reply from an address not heard";

    [Theory]
    [InlineData(2000, 2)] // every other line timestamped
    [InlineData(2000, 3)]
    [InlineData(13954, 2)] // the whole capture
    public async Task RunAsync_MixedTimestampedAndBareLines_LosesNoMoreRepliesThanAllBare(int frames, int timestampEvery)
    {
        var capture = ReadCapture(frames);
        var bare = new StringBuilder();
        var mixed = new StringBuilder();
        for (var i = 0; i < capture.Count; i++)
        {
            var (ticks, hex) = capture[i];
            bare.Append('*').Append(hex).Append(";\n");
            if (i % timestampEvery == 0)
            {
                mixed.Append('@').Append(ticks.ToString("X12", CultureInfo.InvariantCulture)).Append(hex).Append(";\n");
            }
            else
            {
                mixed.Append('*').Append(hex).Append(";\n");
            }
        }

        var (bareDecoded, bareUnheard) = await DecodeAsync(bare.ToString());
        var (mixedDecoded, mixedUnheard) = await DecodeAsync(mixed.ToString());

        log.WriteLine($"{capture.Count} frames, every {timestampEvery} timestamped: all-bare decoded {bareDecoded}, unheard {bareUnheard}; mixed decoded {mixedDecoded}, unheard {mixedUnheard}");
        Assert.True(mixedUnheard <= bareUnheard, $"mixed lost {mixedUnheard} replies as unheard, all-bare {bareUnheard}");
        Assert.True(mixedDecoded >= bareDecoded, $"mixed decoded {mixedDecoded}, all-bare {bareDecoded}");
    }

    private static List<(long Ticks, string Hex)> ReadCapture(int frames) =>
        File.ReadLines(SharedData.PathOf("adsb/stream_ulss7_dump1090.jsonl"))
            .Take(frames)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(r => (r.GetProperty("ts12mhz").GetInt64(), r.GetProperty("hex").GetString()!))
            .ToList();

    private static async Task<(long Decoded, long Unheard)> DecodeAsync(string avr)
    {
        using var input = new StringReader(avr);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CommandLine.RunAsync(["decode", "--format", "avr", "--input", "-"], input, output, error);
        Assert.Equal(CommandLine.Success, exit);
        var summary = error.ToString();
        var decoded = long.Parse(Regex.Match(summary, @"decoded (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var unheard = Regex.Match(summary, @"rejected (\d+): " + Regex.Escape(UnheardReason));
        return (decoded, unheard.Success ? long.Parse(unheard.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }
}
