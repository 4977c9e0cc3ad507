using Picket.Cli;
using Picket.Testing;

namespace Picket.Gateway.Cli.Verbs.Decode;

/// <summary><c>picket decode --format nmea</c> on the ARPA sample.</summary>
public sealed class DecodeNmeaTests
{
    [Fact]
    public async Task Decode_ArpaSample_AllSentencesDecoded()
    {
        var (exit, lines, summary) = await DecodeRun.RunAsync("nmea", SharedData.PathOf("serial/nmea_arpa.txt"));

        Assert.Equal(CommandLine.Success, exit);
        Assert.Equal(4, lines.Count);
        Assert.StartsWith("read 4, decoded 4", summary, StringComparison.Ordinal);
        var ttm = lines[0];
        Assert.Equal("nmea", ttm.GetProperty("type").GetString());
        Assert.Equal("TTM", ttm.GetProperty("sentence").GetString());
        Assert.Equal(2, ttm.GetProperty("target").GetInt32());
        Assert.Equal(1.43 * 1852, ttm.GetProperty("range_m").GetDouble(), 3);
        Assert.Equal(170.5, ttm.GetProperty("bearing_deg").GetDouble(), 6);
        Assert.Equal(0.16 * 1852 / 3600, ttm.GetProperty("speed_ms").GetDouble(), 3);
        Assert.Equal(264.4, ttm.GetProperty("course_deg").GetDouble(), 6);
        var tll = lines[2];
        Assert.Equal("TLL", tll.GetProperty("sentence").GetString());
        Assert.Equal(48 + (7.038 / 60), tll.GetProperty("lat").GetDouble(), 6);
        Assert.Equal(11 + (31.0 / 60), tll.GetProperty("lon").GetDouble(), 6);
    }

    [Fact]
    public async Task Decode_BadChecksum_RejectedAndCounted()
    {
        var path = Path.GetTempFileName();
        try
        {
            var text = await File.ReadAllTextAsync(SharedData.PathOf("serial/nmea_arpa.txt"));
            await File.WriteAllTextAsync(path, text.Replace("1.43,170.5", "1.44,170.5", StringComparison.Ordinal) + "$GPZDA,1*55\r\n"); // valid checksum, not an ARPA sentence

            var (exit, lines, summary) = await DecodeRun.RunAsync("nmea", path);

            Assert.Equal(CommandLine.Success, exit);
            Assert.Equal(3, lines.Count);
            Assert.Contains("read 5, decoded 3", summary, StringComparison.Ordinal);
            Assert.Contains("rejected 1: bad checksum", summary, StringComparison.Ordinal);
            Assert.Contains("rejected 1: sentence not TTM, TLL or OSD", summary, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Decode_BinaryInput_CleanInputError()
    {
        var (exit, lines, error) = await DecodeRun.RunAsync("nmea", SharedData.PathOf("asterix/cat048.raw"));

        Assert.Equal(CommandLine.InputError, exit);
        Assert.Empty(lines);
        Assert.Contains("no NMEA 0183 sentence found", error, StringComparison.Ordinal);
    }
}
