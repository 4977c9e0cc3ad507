using System.Globalization;
using System.Text;
using System.Text.Json;
using Picket.Cli;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Gateway.Cli.Verbs.Decode.ModeS;

/// <summary>
/// <c>picket decode --all-replies</c> on the 2,883 unrelated messages of <c>messages.jsonl</c>
/// (issue 10: 573 address/parity replies were dropped as "address not heard"): none is dropped
/// for that, each is marked <c>address_unverified</c>, and its fields agree with the expected
/// decodes compiled from other decoders.
/// </summary>
public sealed class DecodeAllRepliesTests(ITestOutputHelper log)
{
    [Fact]
    public async Task RunAsync_AllRepliesOnTheCorpus_NoReplyDroppedAndFieldsAgree()
    {
        var records = File.ReadLines(SharedData.PathOf("adsb/messages.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var text = new StringBuilder();
        foreach (var record in records)
        {
            text.Append('*').Append(record.GetProperty("hex").GetString()).Append(";\n");
        }

        var (exit, stdout, stderr) = await RunAsync(["decode", "--format", "avr", "--input", "-", "--all-replies"], text.ToString());

        Assert.Equal(CommandLine.Success, exit);
        log.WriteLine(stderr);
        Assert.DoesNotContain("address not heard", stderr, StringComparison.Ordinal);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var unverified = lines.Where(l => l.TryGetProperty("address_unverified", out var u) && u.GetBoolean()).ToList();
        Assert.Equal(573, unverified.Count);
        Assert.Contains("decoded 573: address/parity replies", stderr, StringComparison.Ordinal);

        // Every record but the 5 no decoder trusts (4 uncorrectable DF11/17/18, 1 DF19/22) is written.
        Assert.True(lines.Count >= records.Count - 5, $"{lines.Count} of {records.Count} written");

        var byHex = records.GroupBy(r => r.GetProperty("hex").GetString()!).ToDictionary(g => g.Key, g => g.First());
        var compared = 0;
        var agreed = 0;
        var ambiguousRegisters = 0;
        foreach (var line in unverified)
        {
            var record = byHex[line.GetProperty("hex").GetString()!];
            Assert.Equal(record.GetProperty("derived").GetProperty("icao_ap").GetString(), line.GetProperty("icao").GetString());
            Assert.False(line.GetProperty("crc_ok").GetBoolean());
            var tolerances = record.GetProperty("tolerance");

            // Where the Comm-B register is ambiguous the core names the candidates and decodes none
            // (ModeS README: only an unambiguous register is decoded) while pyModeS picks one: the
            // register it picked must be a candidate, and its fields are not compared.
            var ambiguous = line.TryGetProperty("bds_candidates", out var candidates) && candidates.GetArrayLength() > 1;
            if (ambiguous && record.GetProperty("expected").TryGetProperty("bds", out var expectedBds))
            {
                Assert.Contains(expectedBds.GetString(), candidates.EnumerateArray().Select(c => c.GetString()));
                ambiguousRegisters++;
            }

            foreach (var expected in record.GetProperty("expected").EnumerateObject())
            {
                if (ambiguous && !line.TryGetProperty(expected.Name, out _))
                {
                    continue;
                }

                compared++;
                var tolerance = tolerances.TryGetProperty(expected.Name, out var t) ? t.GetDouble() : 1e-6;
                if (ModeSDecodeFormatsTests.Agrees(expected.Name, expected.Value, line, tolerance))
                {
                    agreed++;
                }
                else
                {
                    log.WriteLine($"{record.GetProperty("hex").GetString()} {expected.Name}: expected {expected.Value.GetRawText()}, got {(line.TryGetProperty(expected.Name, out var a) ? a.GetRawText() : "nothing")}");
                }
            }
        }

        var percent = 100.0 * agreed / compared;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"unverified replies: {agreed}/{compared} expected fields agree ({percent:F2} %); {ambiguousRegisters} Comm-B registers pyModeS guessed among our candidates"));
        Assert.True(compared > 1000, compared.ToString(CultureInfo.InvariantCulture));
        Assert.True(percent >= 99.5, string.Create(CultureInfo.InvariantCulture, $"{agreed}/{compared} = {percent:F3} %"));
    }

    [Fact]
    public async Task RunAsync_WithoutAllReplies_UnheardRepliesRejectedNotWritten()
    {
        // A DF0 reply whose AP field gives address AB92A2 (adsb_deku's test), never heard in DF11/17/18.
        var (exit, stdout, stderr) = await RunAsync(["decode", "--format", "avr", "--input", "-"], "*020007A0D08FF4;\n");

        // Nothing decodable: exit 1 (issue 12, probe 11: the same rule for every format), the summary still printed.
        Assert.Equal(CommandLine.InputError, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("rejected 1: address/parity reply from an address not heard", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AllRepliesWithSbs_UsageError()
    {
        var (exit, _, stderr) = await RunAsync(["decode", "--format", "sbs", "--all-replies", "--input", "-"], string.Empty);

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains("--all-replies applies to raw Mode S frames", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] args, string stdin)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CommandLine.RunAsync(args, input, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
