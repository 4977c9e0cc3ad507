using Picket.Cli;
using Picket.Testing;

namespace Picket.Gateway.Cli.Verbs.Decode;

/// <summary><c>picket decode --format asterix</c> run in process on the real captures.</summary>
public sealed class DecodeAsterixTests
{
    private static readonly HashSet<string> AllowedFields =
    [
        "type", "cat", "sac", "sic", "time_of_day_s", "range_m", "azimuth_deg", "flight_level", "height_ft", "mode3a",
        "icao", "callsign", "track_number", "report_type", "message_type", "sector_deg",
    ];

    [Fact]
    public async Task Decode_ReferencePcap_OneLinePerRecord()
    {
        var (exit, lines, summary) = await DecodeRun.RunAsync("asterix", SharedData.PathOf("asterix/cat_034_048.pcap"));

        Assert.Equal(CommandLine.Success, exit);
        Assert.Equal(162, lines.Count);
        Assert.StartsWith("read 162, decoded 162, corrected 0, rejected 0, skipped bytes 0", summary, StringComparison.Ordinal);
        Assert.Equal(128, lines.Count(l => l.GetProperty("cat").GetInt32() == 48));
        Assert.Equal(34, lines.Count(l => l.GetProperty("cat").GetInt32() == 34));
        Assert.All(lines, l => Assert.All(l.EnumerateObject(), p => Assert.Contains(p.Name, AllowedFields)));

        // First record of cat_034_048.txt.
        var first = lines[0];
        Assert.Equal(25, first.GetProperty("sac").GetInt32());
        Assert.Equal(201, first.GetProperty("sic").GetInt32());
        Assert.Equal(27354.6015625, first.GetProperty("time_of_day_s").GetDouble());
        Assert.Equal("DLH65A", first.GetProperty("callsign").GetString());

        // The two FL -1.0 records (raw 0x3FFC).
        Assert.Equal(2, lines.Count(l => l.TryGetProperty("flight_level", out var level) && level.GetDouble() == -1.0));
    }

    [Fact]
    public async Task Decode_RawCat048Block_ReadmeValues()
    {
        var (exit, lines, _) = await DecodeRun.RunAsync("asterix", SharedData.PathOf("asterix/cat048.raw"));

        Assert.Equal(CommandLine.Success, exit);
        var line = Assert.Single(lines);
        Assert.Equal("asterix", line.GetProperty("type").GetString());
        Assert.Equal(48, line.GetProperty("cat").GetInt32());
        Assert.Equal(197.68359375 * 1852, line.GetProperty("range_m").GetDouble(), 6);
        Assert.Equal(340.13671875, line.GetProperty("azimuth_deg").GetDouble(), 9);
        Assert.Equal(330.0, line.GetProperty("flight_level").GetDouble());
        Assert.Equal("1000", line.GetProperty("mode3a").GetString());
        Assert.Equal("3C660C", line.GetProperty("icao").GetString());
        Assert.Equal(3563, line.GetProperty("track_number").GetInt32());
        Assert.Equal("modes_rollcall", line.GetProperty("report_type").GetString());
    }

    [Fact]
    public async Task Decode_RawCat034Block_SectorCrossing()
    {
        var (_, lines, _) = await DecodeRun.RunAsync("asterix", SharedData.PathOf("asterix/cat034.raw"));

        var line = Assert.Single(lines);
        Assert.Equal("sector_crossing", line.GetProperty("message_type").GetString());
        Assert.Equal(90.0, line.GetProperty("sector_deg").GetDouble());
        Assert.Equal(29906.3359375, line.GetProperty("time_of_day_s").GetDouble());
    }

    [Fact]
    public async Task Decode_ObsoleteEditionPcap_ReportedUndecodableNotCrashed()
    {
        var (exit, lines, summary) = await DecodeRun.RunAsync("asterix", SharedData.PathOf("asterix/asterix.pcap"));

        // Nothing decodable: exit 1, as for every format (issue 12, probe 11); the summary still printed.
        Assert.Equal(CommandLine.InputError, exit);
        Assert.Empty(lines);
        Assert.Contains("decoded 0", summary, StringComparison.Ordinal);
        Assert.Contains("undecodable", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("asterix/cat062cat065.raw", 2)]
    [InlineData("asterix/cat21_re.ast", 2)]
    [InlineData("asterix/cat_062_065.pcap", 2)]
    [InlineData("asterix/cat_001_002.pcap", 1)] // datagram carries a 4-octet recorder prefix before the CAT001 block
    [InlineData("asterix/jasterix/cat001ed1.1.bin", 1)]
    [InlineData("asterix/jasterix/cat002ed1.0.bin", 1)]
    [InlineData("asterix/jasterix/cat021ed2.1.bin", 1)]
    [InlineData("asterix/jasterix/cat062ed1.12.bin", 1)]
    [InlineData("asterix/jasterix/cat062ed1.16.bin", 1)]
    [InlineData("asterix/jasterix/cat065ed1.3.bin", 1)]
    public async Task Decode_OtherCategories_EveryBlockReportedUndecodable(string file, int minimumBlocks)
    {
        var (exit, lines, summary) = await DecodeRun.RunAsync("asterix", SharedData.PathOf(file));

        Assert.Equal(CommandLine.InputError, exit);
        Assert.Contains("nothing decodable as asterix", summary, StringComparison.Ordinal);
        Assert.Empty(lines);
        var counts = summary.Split('\n')[0];
        var read = int.Parse(counts.Split(", ")[0]["read ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(read >= minimumBlocks, summary);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rejected {read},"), counts, StringComparison.Ordinal);
        Assert.Contains("skipped bytes 0", counts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_GarbageBeforeRawBlock_SkippedAndCounted()
    {
        var path = Path.GetTempFileName();
        try
        {
            byte[] garbage = [0x01, 0x02, 0x03, 0x04, 0x05];
            await File.WriteAllBytesAsync(path, garbage.Concat(await File.ReadAllBytesAsync(SharedData.PathOf("asterix/cat048.raw"))).ToArray());

            var (exit, lines, summary) = await DecodeRun.RunAsync("asterix", path);

            Assert.Equal(CommandLine.Success, exit);
            Assert.Single(lines);
            Assert.Contains("skipped bytes 5", summary, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Decode_TruncatedPcap_CleanInputError()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, (await File.ReadAllBytesAsync(SharedData.PathOf("asterix/cat_034_048.pcap")))[..500]);

            var (exit, _, error) = await DecodeRun.RunAsync("asterix", path);

            Assert.Equal(CommandLine.InputError, exit);
            Assert.Contains("not a readable pcap file", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Decode_NotAsterixAtAll_CleanInputError()
    {
        var (exit, lines, error) = await DecodeRun.RunAsync("asterix", SharedData.PathOf("serial/nmea_arpa.txt"));

        Assert.Equal(CommandLine.InputError, exit);
        Assert.Empty(lines);
        Assert.Contains("no ASTERIX data block found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_MissingFile_CleanInputError()
    {
        var (exit, _, error) = await DecodeRun.RunAsync("asterix", "/nonexistent/radar.pcap");

        Assert.Equal(CommandLine.InputError, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }
}
