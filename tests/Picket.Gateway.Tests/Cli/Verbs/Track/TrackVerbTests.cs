using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Picket.Cli;
using Picket.Testing;

namespace Picket.Gateway.Cli.Verbs.Track;

/// <summary><c>picket track</c> replaying the real captures in process, and its error handling.</summary>
public sealed partial class TrackVerbTests
{
    // The ulss7 receiver near St Petersburg (data README: 59.7N 30.6E).
    private const string Ulss7Site = "59.7,30.6,30";

    [Fact]
    public async Task Track_BeastCapture_EveryAircraftWithPositionsGetsATrackCarryingItsIcao()
    {
        // Truth: the capture's own SBS-1 rendering (an independent decoder): aircraft with MSG,3 positions.
        var expected = File.ReadLines(SharedData.PathOf("adsb/beast_ulss7_20180403.sbs.txt"))
            .Select(line => line.Split(','))
            .Where(f => f.Length > 15 && f[0] == "MSG" && f[1] == "3" && f[14].Length > 0)
            .Select(f => f[4].ToUpperInvariant())
            .ToHashSet();
        Assert.Equal(11, expected.Count);

        var (exit, output, error) = await RunAsync("track", "--site", Ulss7Site, "--start", "2018-04-03T19:02:00Z", "--input", "beast:" + SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));

        Assert.True(exit == CommandLine.Success, error);
        var tracks = Lines(output).Where(l => l.GetProperty("kind").GetString() == "track").ToList();
        var icaos = tracks.Where(t => t.GetProperty("icao").ValueKind == JsonValueKind.String).Select(t => t.GetProperty("icao").GetString()!).ToHashSet();
        Assert.Superset(expected, icaos);
        Assert.Subset(expected, icaos);
        // A track is dropped at most once and then never reported again (the end of the input
        // drops nothing), and reports come at most 5 s apart.
        foreach (var byId in tracks.GroupBy(t => t.GetProperty("track_id").GetInt64()))
        {
            var statuses = byId.Select(t => t.GetProperty("status").GetString()).ToList();
            Assert.InRange(statuses.Count(s => s == "dropped"), 0, 1);
            Assert.True(!statuses.Contains("dropped") || statuses[^1] == "dropped");
            var times = byId.Select(t => t.GetProperty("time").GetDouble()).ToList();
            for (var i = 1; i < times.Count; i++)
            {
                Assert.True(times[i] - times[i - 1] <= 5.0 + 1e-6, $"track {byId.Key}: {times[i] - times[i - 1]} s between reports");
            }
        }

        // Times count from --start at the first frame; the capture is 60.9 s long.
        var start = new DateTimeOffset(2018, 4, 3, 19, 2, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() / 1000.0;
        Assert.All(tracks, t => Assert.InRange(t.GetProperty("time").GetDouble(), start, start + 62));
    }

    [Fact]
    public async Task Track_BeastCapture_AircraftSilentLongerThanTheAdsbCoastDroppedShorterSilencesBridged()
    {
        // Truth: the capture's dump1090 decode (an independent decoder). Per aircraft, its
        // silences: the time between two of its airborne positions or velocities (DF17/18 TC
        // 9-19), and from its last one to the capture's end. A track last fed by ADS-B coasts from
        // 7.5 s into a silence (one missed 5 s opportunity after half an opportunity's grace) and
        // ends at 12.5 s, the second (TrackerConfiguration.AdsbConfirmedMaxMisses). Real
        // reception comes in bursts: 4248E7 is silent for 8.1 s, 424263 for
        // 28.2 s mid-capture, 42460C for its last 15.0 s. Silences within a second of 12.5 s are
        // not judged (report and housekeeping rounds).
        var times = new Dictionary<string, List<long>>();
        long end = 0;
        foreach (var line in File.ReadLines(SharedData.PathOf("adsb/stream_ulss7_dump1090.jsonl")))
        {
            using var frame = JsonDocument.Parse(line);
            var ticks = frame.RootElement.GetProperty("ts12mhz").GetInt64();
            end = Math.Max(end, ticks);
            if (frame.RootElement.TryGetProperty("dump1090", out var decode) && decode.ValueKind == JsonValueKind.Object
                && decode.TryGetProperty("df", out var df) && df.GetInt32() is 17 or 18
                && decode.TryGetProperty("tc", out var tc) && tc.GetInt32() is >= 9 and <= 19)
            {
                var icao = decode.GetProperty("icao").GetString()!;
                (times.TryGetValue(icao, out var list) ? list : times[icao] = []).Add(ticks);
            }
        }

        const double twelveMegahertz = 12e6;
        var silences = times.ToDictionary(
            a => a.Key,
            a =>
            {
                var sorted = a.Value.Order().ToList();
                var gaps = sorted.Zip(sorted.Skip(1), (x, y) => (y - x) / twelveMegahertz).ToList();
                return (Middle: gaps, End: (end - sorted[^1]) / twelveMegahertz);
            });
        var held = silences.Where(s => s.Value.Middle.Append(s.Value.End).All(g => g < 11.5)).Select(s => s.Key).ToList();
        var ended = silences.Where(s => s.Value.Middle.Append(s.Value.End).Any(g => g > 13.5)).ToList();
        Assert.Equal(["424263", "42460C"], ended.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Contains("4248E7", held);
        Assert.Equal(11, held.Count + ended.Count);

        var (exit, output, error) = await RunAsync("track", "--site", Ulss7Site, "--start", "2018-04-03T19:02:00Z", "--input", "beast:" + SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));

        Assert.True(exit == CommandLine.Success, error);
        var byIcao = Lines(output)
            .Where(l => l.GetProperty("kind").GetString() == "track" && l.GetProperty("icao").ValueKind == JsonValueKind.String)
            .GroupBy(l => l.GetProperty("icao").GetString()!)
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var icao in held)
        {
            Assert.Single(byIcao[icao].Select(t => t.GetProperty("track_id").GetInt64()).Distinct());
            Assert.DoesNotContain(byIcao[icao], t => t.GetProperty("status").GetString() == "dropped");
        }

        foreach (var (icao, (middle, finalSilence)) in ended)
        {
            var breaks = middle.Count(g => g > 13.5);
            Assert.Equal(breaks + (finalSilence > 13.5 ? 1 : 0), byIcao[icao].Count(t => t.GetProperty("status").GetString() == "dropped"));
            Assert.Equal(breaks + 1, byIcao[icao].Select(t => t.GetProperty("track_id").GetInt64()).Distinct().Count());
        }
    }

    [Fact]
    public async Task Track_SbsRenderingOfTheCapture_SameAircraftGetTracksAsFromTheBeastFrames()
    {
        var expected = File.ReadLines(SharedData.PathOf("adsb/beast_ulss7_20180403.sbs.txt"))
            .Select(line => line.Split(','))
            .Where(f => f.Length > 15 && f[0] == "MSG" && f[1] == "3" && f[14].Length > 0)
            .Select(f => f[4].ToUpperInvariant())
            .ToHashSet();

        var (exit, output, error) = await RunAsync("track", "--site", Ulss7Site, "--start", "2018-04-03T19:02:00Z", "--input", "sbs:" + SharedData.PathOf("adsb/beast_ulss7_20180403.sbs.txt"));

        Assert.True(exit == CommandLine.Success, error);
        var tracks = Lines(output).Where(l => l.GetProperty("kind").GetString() == "track").ToList();
        var icaos = tracks.Where(t => t.GetProperty("icao").ValueKind == JsonValueKind.String).Select(t => t.GetProperty("icao").GetString()!).ToHashSet();
        Assert.Superset(expected, icaos);
        // The SBS times (19:02:28 onwards) are placed on --start's date.
        var first = new DateTimeOffset(2018, 4, 3, 19, 2, 28, TimeSpan.Zero).ToUnixTimeMilliseconds() / 1000.0;
        Assert.All(tracks, t => Assert.InRange(t.GetProperty("time").GetDouble(), first - 1, first + 70));
    }

    [Fact]
    public async Task Track_NmeaArpaTargets_TracksFromTheMarineRadar()
    {
        // The sample holds TTM targets at 1.43 NM / 170.5° (no time) and 2.35 NM / 45.2° (12:34:56).
        var (exit, output, error) = await RunAsync("track", "--site", "48.1,11.5,20", "--radar-site", "48.1,11.5,20", "--start", "2024-05-01T12:34:50Z", "--input", "nmea:" + SharedData.PathOf("serial/nmea_arpa.txt"));

        Assert.True(exit == CommandLine.Success, error);
        var tracks = Lines(output).Where(l => l.GetProperty("kind").GetString() == "track").ToList();
        Assert.NotEmpty(tracks);
        Assert.All(tracks, t => Assert.Equal("arpa", Assert.Single(t.GetProperty("sources").EnumerateArray()).GetString()));
        Assert.Contains("ARPA targets", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_AsterixCapture_EveryModeSAddressWithAPlotGetsATrack()
    {
        // Truth: the capture's reference decode (CroatiaControl asterix): records with a measured
        // polar position (I048/040) and an aircraft address (I048/220).
        var text = await File.ReadAllTextAsync(SharedData.PathOf("asterix/cat_034_048.txt"));
        var expected = text.Split("Data Record ")
            .Where(r => r.Contains("Item 040 : Measured Position in Polar Coordinates", StringComparison.Ordinal))
            .Select(r => AddressPattern().Match(r))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToHashSet();
        Assert.NotEmpty(expected);

        var (exit, output, error) = await RunAsync("track", "--site", "45.8,16.0,150", "--start", "2016-01-01T00:00:00Z", "--input", "asterix:" + SharedData.PathOf("asterix/cat_034_048.pcap"));

        Assert.True(exit == CommandLine.Success, error);
        var tracks = Lines(output).Where(l => l.GetProperty("kind").GetString() == "track").ToList();
        var icaos = tracks.Where(t => t.GetProperty("icao").ValueKind == JsonValueKind.String).Select(t => t.GetProperty("icao").GetString()!).ToHashSet();
        Assert.Subset(icaos, expected);
        Assert.All(tracks, t => Assert.Contains(t.GetProperty("sources").EnumerateArray().Select(s => s.GetString()), s => s is "radar_psr" or "radar_ssr"));
    }

    [Fact]
    public async Task Track_BeastAndAsterixTogether_BothInputsAreMergedIntoOneRun()
    {
        var (exit, output, error) = await RunAsync("track", "--site", Ulss7Site, "--start", "2018-04-03T19:02:00Z",
            "--input", "beast:" + SharedData.PathOf("adsb/beast_ulss7_20180403.bin"),
            "--input", "asterix:" + SharedData.PathOf("asterix/cat_034_048.pcap"));

        Assert.True(exit == CommandLine.Success, error);
        var sources = Lines(output).SelectMany(l => l.TryGetProperty("sources", out var s) ? s.EnumerateArray().Select(x => x.GetString()) : []).ToHashSet();
        Assert.Contains("adsb", sources);
        Assert.Contains("radar_ssr", sources);
        Assert.Contains("beast:", error, StringComparison.Ordinal);
        Assert.Contains("asterix:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("usage", "--start", "2018-04-03T19:02:00Z", "--input", "beast:x.bin")]
    [InlineData("usage", "--site", "91,0,0", "--start", "2018-04-03T19:02:00Z", "--input", "beast:x.bin")]
    [InlineData("usage", "--site", "59,30,0", "--start", "yesterday", "--input", "beast:x.bin")]
    [InlineData("usage", "--site", "59,30,0", "--start", "2018-04-03T19:02:00Z", "--input", "radar:x.bin")]
    [InlineData("usage", "--site", "59,30,0", "--start", "2018-04-03T19:02:00Z")]
    [InlineData("usage", "--scenario", "no-such-scenario")]
    [InlineData("usage", "--scenario", "crossing-targets", "--seed", "seven")]
    [InlineData("input", "--site", "59,30,0", "--start", "2018-04-03T19:02:00Z", "--input", "beast:/nonexistent/capture.bin")]
    public async Task Track_BadArguments_CleanErrorAndNonZeroExit(string kind, params string[] arguments)
    {
        var (exit, _, error) = await RunAsync(["track", .. arguments]);

        Assert.Equal(kind == "usage" ? CommandLine.UsageError : CommandLine.InputError, exit);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task Track_AsterixInputThatIsNotAsterix_InputError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"picket-track-{Guid.NewGuid():N}.bin");
        await File.WriteAllTextAsync(path, "this is not a radar recording\n");
        try
        {
            var (exit, _, error) = await RunAsync("track", "--site", "59,30,0", "--start", "2018-04-03T19:02:00Z", "--input", "asterix:" + path);

            Assert.Equal(CommandLine.InputError, exit);
            Assert.Contains("no ASTERIX", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Track_Scenario_WritesSummaryAndReport()
    {
        var path = Path.Combine(Path.GetTempPath(), $"picket-report-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, error) = await RunAsync("track", "--scenario", "crossing-targets", "--seconds", "60", "--report", path);

            Assert.True(exit == CommandLine.Success, error);
            Assert.Contains("scenario crossing-targets", error, StringComparison.Ordinal);
            Assert.Contains("accuracy: position RMSE", error, StringComparison.Ordinal);
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            Assert.Equal("crossing-targets", report.RootElement.GetProperty("Scenario").GetString());
            Assert.NotEmpty(Lines(output));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Track_ScenarioWithHeldOutSeed_RunsThatSeed()
    {
        var (exit, output, error) = await RunAsync("track", "--scenario", "crossing-targets", "--seconds", "60", "--seed", "101");
        var (_, tuned, _) = await RunAsync("track", "--scenario", "crossing-targets", "--seconds", "60");

        Assert.True(exit == CommandLine.Success, error);
        Assert.Contains("scenario crossing-targets (seed 101, held out;", error, StringComparison.Ordinal);
        Assert.NotEqual(tuned, output);
    }

    private static List<JsonElement> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CommandLine.RunAsync(args, TextReader.Null, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [GeneratedRegex("AircraftAddress: ([0-9A-F]{6})")]
    private static partial Regex AddressPattern();
}
