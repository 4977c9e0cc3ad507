using System.Globalization;
using System.Text.Json.Nodes;
using Picket.Cli;
using Picket.Testing;

namespace Picket.Gateway.Cli.Verbs.Track;

/// <summary>
/// Issue 12, probe 2: a replay's result does not depend on where <c>--start</c> puts it on the
/// time line. The same recording started before 1970, at the epoch itself and in 2026 gives the
/// same tracks, with every time shifted by exactly the difference of the starts (the expected
/// shift is the calendar difference, computed here by <see cref="DateTimeOffset"/>).
/// </summary>
public sealed class TrackVerbEpochTests
{
    private const string Ulss7Site = "59.7,30.6,30";

    public static TheoryData<string, string, string, string[]> Recordings => new()
    {
        // Recordings, each started at the same UTC time of day on two dates 57 years apart.
        { Ulss7Site, "1969-04-03T19:02:00Z", "2026-04-03T19:02:00Z", ["beast:adsb/beast_ulss7_20180403.bin"] },
        { Ulss7Site, "1969-04-03T19:02:00Z", "2026-04-03T19:02:00Z", ["sbs:adsb/beast_ulss7_20180403.sbs.txt"] },
        { "45.8,16.0,150", "1965-01-01T00:00:00Z", "2016-01-01T00:00:00Z", ["asterix:asterix/cat_034_048.pcap"] },
        { Ulss7Site, "1969-04-03T19:02:00Z", "2026-04-03T19:02:00Z", ["beast:adsb/beast_ulss7_20180403.bin", "asterix:asterix/cat_034_048.pcap"] },
        { "48.1,11.5,20", "1969-05-01T12:34:50Z", "2024-05-01T12:34:50Z", ["nmea:serial/nmea_arpa.txt"] },
        // The Beast capture's first frame at exactly 1970-01-01T00:00:00Z (time 0 is a time, not "never").
        { Ulss7Site, "1970-01-01T00:00:00Z", "2026-04-03T19:02:00Z", ["beast:adsb/beast_ulss7_20180403.bin"] },
    };

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task Track_StartBeforeOrAtTheEpoch_SameOutputShiftedByTheDifference(string site, string early, string late, string[] inputs)
    {
        var (earlyExit, earlyOutput, earlyError) = await RunAsync(site, early, inputs);
        var (lateExit, lateOutput, lateError) = await RunAsync(site, late, inputs);

        Assert.True(earlyExit == CommandLine.Success, earlyError);
        Assert.True(lateExit == CommandLine.Success, lateError);
        Assert.Equal(lateError, earlyError);
        var shiftMicroseconds = (Parse(late) - Parse(early)).Ticks / TimeSpan.TicksPerMicrosecond;
        var earlyLines = Lines(earlyOutput);
        var lateLines = Lines(lateOutput);
        Assert.NotEmpty(lateLines);
        Assert.Equal(lateLines.Count, earlyLines.Count);
        for (var i = 0; i < lateLines.Count; i++)
        {
            var earlyTime = Microseconds(earlyLines[i]);
            var lateTime = Microseconds(lateLines[i]);
            Assert.Equal(shiftMicroseconds, lateTime - earlyTime);
            earlyLines[i].Remove("time");
            lateLines[i].Remove("time");
            Assert.Equal(lateLines[i].ToJsonString(), earlyLines[i].ToJsonString());
        }
    }

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    // The printed seconds as exact decimal, to whole microseconds (doubles near 1.8e9 s carry about 0.2 µs).
    private static long Microseconds(JsonObject line) => (long)Math.Round(decimal.Parse(line["time"]!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) * 1_000_000m);

    private static List<JsonObject> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string site, string start, string[] inputs)
    {
        List<string> args = ["track", "--site", site, "--start", start];
        if (inputs.Any(i => i.StartsWith("nmea:", StringComparison.Ordinal)))
        {
            args.AddRange(["--radar-site", site]);
        }

        foreach (var input in inputs)
        {
            var colon = input.IndexOf(':', StringComparison.Ordinal);
            args.AddRange(["--input", input[..(colon + 1)] + SharedData.PathOf(input[(colon + 1)..])]);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync([.. args], TextReader.Null, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
