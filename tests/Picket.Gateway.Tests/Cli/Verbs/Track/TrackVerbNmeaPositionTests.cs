using System.Globalization;
using System.Text;
using System.Text.Json;
using Picket.Cli;

namespace Picket.Gateway.Cli.Verbs.Track;

/// <summary><c>picket track</c> on NMEA TLL target positions (latitude and longitude) from a marine radar.</summary>
public sealed class TrackVerbNmeaPositionTests
{
    [Fact]
    public async Task Track_NmeaTllPositionsOnly_ATrackOnThosePositions()
    {
        // Target 05 heading north from 48°07.000'N 11°31.000'E, 0.1' (185.2 m) every 4 s; times from 12:34:52.
        var text = new StringBuilder();
        var truth = new List<(double Time, double Latitude, double Longitude)>();
        var start = new DateTimeOffset(2024, 5, 1, 12, 34, 52, TimeSpan.Zero);
        for (var k = 0; k < 8; k++)
        {
            var time = start.AddSeconds(4 * k);
            var minutes = 7.0 + (0.1 * k);
            text.Append(Sentence(string.Create(CultureInfo.InvariantCulture, $"RATLL,05,48{minutes:00.000},N,01131.000,E,TGT05,{time:HHmmss}.00,T,")));
            truth.Add((time.ToUnixTimeMilliseconds() / 1000.0, 48 + (minutes / 60), 11 + (31.0 / 60)));
        }

        var path = Path.Combine(Path.GetTempPath(), $"picket-tll-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, text.ToString());
        try
        {
            var (exit, output, error) = await RunAsync("track", "--site", "48.1,11.5,20", "--radar-site", "48.1,11.5,20", "--start", "2024-05-01T12:34:50Z", "--input", "nmea:" + path);

            Assert.True(exit == CommandLine.Success, error);
            Assert.Contains("8 TLL positions", error, StringComparison.Ordinal);
            var tracks = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement.Clone())
                .Where(l => l.GetProperty("kind").GetString() == "track")
                .ToList();
            Assert.NotEmpty(tracks);
            Assert.Single(tracks.Select(t => t.GetProperty("track_id").GetInt64()).Distinct());
            var last = tracks.Last(t => t.GetProperty("status").GetString() != "dropped");
            var time = last.GetProperty("time").GetDouble();
            // Truth at the report's time, north at 185.2 m / 4 s.
            var latitude = truth[0].Latitude + ((time - truth[0].Time) * 46.3 / 111_200);
            var north = (last.GetProperty("lat").GetDouble() - latitude) * 111_200;
            var east = (last.GetProperty("lon").GetDouble() - truth[0].Longitude) * 111_200 * Math.Cos(48.12 * Math.PI / 180);
            Assert.True(Math.Sqrt((north * north) + (east * east)) < 150, $"track {north:F0} m north, {east:F0} m east of the truth");
        }
        finally
        {
            File.Delete(path);
        }
    }

    // $<body>*<checksum>: XOR of the characters between '$' and '*' (NMEA 0183 §5.2.1).
    private static string Sentence(string body)
    {
        var checksum = 0;
        foreach (var c in body)
        {
            checksum ^= c;
        }

        return string.Create(CultureInfo.InvariantCulture, $"${body}*{checksum:X2}\r\n");
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CommandLine.RunAsync(args, TextReader.Null, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
