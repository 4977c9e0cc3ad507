using System.Globalization;
using System.Text;
using System.Text.Json;
using Picket.Cli;
using Picket.Testing;

namespace Picket.Gateway.Cli.Verbs.Decode.ModeS;

/// <summary><c>picket decode --format beast|avr|sbs</c> run in process on the real captures.</summary>
public sealed class ModeSDecodeFormatsTests
{
    [Fact]
    public async Task RunAsync_BeastCapture_WritesEveryDecodedFrameAndSummary()
    {
        var (exit, stdout, stderr) = await RunAsync(["decode", "--format", "beast", "--input", SharedData.PathOf("adsb/beast_ulss7_20180403.bin")]);
        Assert.Equal(CommandLine.Success, exit);
        var lines = Lines(stdout);

        // 13,954 frames: 5,026 Mode A/C (not decoded), 6 DF0/4/5 replies from addresses never heard in DF11/17/18.
        Assert.Equal(8922, lines.Count);
        Assert.Contains("read 13954, decoded 8922", stderr, StringComparison.Ordinal);
        Assert.Contains("rejected 5026: Mode A/C", stderr, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Equal("modes", l.GetProperty("type").GetString()));

        // dump1090 printed 1,456 positions, each aircraft's first pair included (issue 10): so do we,
        // the first of each of the 11 aircraft marked unconfirmed (the tracker waits for a second).
        var positions = lines.Where(l => l.TryGetProperty("lat", out _)).ToList();
        Assert.Equal(1456, positions.Count);
        var unconfirmed = positions.Where(l => l.TryGetProperty("position_unconfirmed", out _)).ToList();
        Assert.Equal(11, unconfirmed.Count);
        Assert.Equal(11, unconfirmed.Select(l => l.GetProperty("icao").GetString()).Distinct().Count());
        var dump1090 = File.ReadLines(SharedData.PathOf("adsb/stream_ulss7_dump1090.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.TryGetProperty("dump1090", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("lat", out _))
            .GroupBy(r => r.GetProperty("hex").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("dump1090"));
        foreach (var position in positions)
        {
            // dump1090 prints 5 decimals.
            var expected = dump1090[position.GetProperty("hex").GetString()!];
            Assert.Equal(expected.GetProperty("lat").GetDouble(), position.GetProperty("lat").GetDouble(), 0.00001);
            Assert.Equal(expected.GetProperty("lon").GetDouble(), position.GetProperty("lon").GetDouble(), 0.00001);
        }

        var first = lines[0];
        Assert.Equal(0.0, first.GetProperty("time").GetDouble());
        Assert.Equal("5F4001594B0FBB", first.GetProperty("hex").GetString());
        Assert.Equal(20 * Math.Log10(19 / 255.0), first.GetProperty("signal_dbfs").GetDouble(), 2); // signal byte 19 in the stream file
    }

    [Fact]
    public async Task RunAsync_AvrLinesOfTheCorpus_FieldsAgreeWithIndependentExpectations()
    {
        var records = File.ReadLines(SharedData.PathOf("adsb/messages.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var text = new StringBuilder();
        foreach (var record in records)
        {
            text.Append('*').Append(record.GetProperty("hex").GetString()).Append(";\r\n");
        }

        var (exit, stdout, _) = await RunAsync(["decode", "--format", "avr", "--input", "-"], text.ToString());
        Assert.Equal(CommandLine.Success, exit);
        var byHex = records.GroupBy(r => r.GetProperty("hex").GetString()!).ToDictionary(g => g.Key, g => g.First());
        var compared = 0;
        var agreed = 0;
        foreach (var line in Lines(stdout))
        {
            if (!byHex.TryGetValue(line.GetProperty("hex").GetString()!, out var record))
            {
                continue; // corrected frame: its hex changed
            }

            var tolerances = record.GetProperty("tolerance");
            foreach (var expected in record.GetProperty("expected").EnumerateObject())
            {
                compared++;
                var tolerance = tolerances.TryGetProperty(expected.Name, out var t) ? t.GetDouble() : 1e-6;
                if (Agrees(expected.Name, expected.Value, line, tolerance))
                {
                    agreed++;
                }
            }
        }

        var percent = 100.0 * agreed / compared;
        Assert.True(compared > 10000, compared.ToString(CultureInfo.InvariantCulture));
        Assert.True(percent >= 99.5, string.Create(CultureInfo.InvariantCulture, $"{agreed}/{compared} = {percent:F3} %"));
    }

    [Fact]
    public async Task RunAsync_SbsFileWithEmptyFields_WritesOneObjectPerLine()
    {
        var (exit, stdout, stderr) = await RunAsync(["decode", "--format", "sbs", "--input", SharedData.PathOf("adsb/sbs_node-sbs1_msgs.txt")]);
        Assert.Equal(CommandLine.Success, exit);
        var lines = Lines(stdout);
        Assert.Equal(4184, lines.Count);
        Assert.Contains("read 4184, decoded 4184, corrected 0, rejected 0", stderr, StringComparison.Ordinal);
        var position = lines.First(l => l.TryGetProperty("lat", out _));
        Assert.Equal("4B1908", position.GetProperty("icao").GetString());
        Assert.Equal(33.96693, position.GetProperty("lat").GetDouble(), 6);
        Assert.Equal(-118.25598, position.GetProperty("lon").GetDouble(), 6);
    }

    [Theory]
    [InlineData("beast", "no Beast frames")]
    [InlineData("avr", "no AVR frames")]
    [InlineData("sbs", "no SBS-1 lines")]
    public async Task RunAsync_InputOfAnotherKind_ClearErrorAndExitOne(string format, string message)
    {
        var (exit, _, stderr) = await RunAsync(["decode", "--format", format, "--input", "-"], "this is not receiver data\n");
        Assert.Equal(CommandLine.InputError, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingFile_ClearErrorAndExitOne()
    {
        var (exit, _, stderr) = await RunAsync(["decode", "--format", "beast", "--input", "/nonexistent/capture.bin"]);
        Assert.Equal(CommandLine.InputError, exit);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    internal static bool Agrees(string name, JsonElement expected, JsonElement line, double tolerance)
    {
        var present = line.TryGetProperty(name, out var actual);
        if (expected.ValueKind == JsonValueKind.Null)
        {
            return !present;
        }

        if (!present)
        {
            return false;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Number:
                var difference = Math.Abs(actual.GetDouble() - expected.GetDouble());
                if (name.EndsWith("_deg", StringComparison.Ordinal) && name is not "roll_deg")
                {
                    difference = Math.Min(difference, 360 - difference);
                }

                return difference <= tolerance + 1e-4; // the JSON is rounded to 4-6 decimals
            case JsonValueKind.Array:
                return expected.EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal)
                    .SequenceEqual(actual.EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
            default:
                return expected.GetRawText() == actual.GetRawText();
        }
    }

    private static List<JsonElement> Lines(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] args, string stdin = "")
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CommandLine.RunAsync(args, input, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
