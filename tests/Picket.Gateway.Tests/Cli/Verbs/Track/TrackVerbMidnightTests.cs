using Picket.Asterix;

namespace Picket.Gateway.Cli.Verbs.Track;

/// <summary>
/// <c>picket track</c> on an ASTERIX recording that runs through UTC midnight: I048/140 carries
/// only the time of day, so the replay must follow the stream's own clock onto the next day.
/// </summary>
public sealed partial class TrackVerbTests
{
    [Fact]
    public async Task Track_AsterixThroughUtcMidnight_PlotsAfterMidnightContinueTheTrackOnTheNextDay()
    {
        // Truth: one primary-only target 60 km north of the radar, seen every 4 s from 23:58:00
        // to 00:04:00 UTC, moving east at 200 m/s (rho/theta by hand from the flat geometry:
        // 60 km is 32.4 NM, small enough that the ground/slant difference does not matter here).
        var start = new DateTimeOffset(2026, 6, 1, 23, 58, 0, TimeSpan.Zero);
        var path = Path.Combine(Path.GetTempPath(), $"picket-midnight-{Guid.NewGuid():N}.ast");
        try
        {
            var records = new Cat048Record[1];
            var block = new byte[256];
            using (var file = File.Create(path))
            {
                for (var scan = 0; scan <= 90; scan++)
                {
                    var seconds = scan * 4.0;
                    var east = 200.0 * seconds;
                    const double north = 60_000;
                    var rangeMetres = Math.Sqrt((east * east) + (north * north) + (9_000.0 * 9_000.0));
                    var azimuthDegrees = Math.Atan2(east, north) * 180 / Math.PI;
                    var timeOfDay = (start.TimeOfDay.TotalSeconds + seconds) % 86_400;
                    records[0] = new Cat048Record
                    {
                        HasDataSource = true,
                        Sac = 25,
                        Sic = 1,
                        HasTimeOfDay = true,
                        TimeOfDay128 = (int)Math.Round(timeOfDay * 128),
                        HasDescriptor = true,
                        ReportType = TargetReportType.Psr,
                        HasPolarPosition = true,
                        Rho256 = (int)Math.Round(rangeMetres / 1852 * 256),
                        Theta = (int)Math.Round(azimuthDegrees / 360 * 65536) & 0xFFFF,
                    };
                    var length = Cat048Encoder.EncodeBlock(records, 1, block, 0, block.Length);
                    file.Write(block, 0, length);
                }
            }

            var (exit, output, error) = await RunAsync("track", "--site", "59.4,27.2,40", "--start", "2026-06-01T23:58:00Z", "--input", "asterix:" + path);

            Assert.True(exit == 0, error);
            var midnight = new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
            var reports = Lines(output).Where(l => l.GetProperty("kind").GetString() == "track").ToList();
            var times = reports.Select(r => r.GetProperty("time").GetDouble()).ToList();
            Assert.All(times, t => Assert.InRange(t, midnight - 121, midnight + 241));
            Assert.Contains(times, t => t > midnight + 200);
            Assert.Single(reports.Select(r => r.GetProperty("track_id").GetInt64()).Distinct());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
