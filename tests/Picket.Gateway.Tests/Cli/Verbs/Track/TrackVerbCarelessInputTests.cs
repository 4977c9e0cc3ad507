using Picket.Cli;
using Picket.Testing;

namespace Picket.Gateway.Cli.Verbs.Track;

/// <summary>Issue 12, probe 11: <c>picket track</c> given a directory, the same recording twice, or SBS lines out of time order.</summary>
public sealed class TrackVerbCarelessInputTests
{
    private const string Ulss7Site = "59.7,30.6,30";

    [Fact]
    public async Task Track_Directory_SaysItIsADirectory()
    {
        var (exit, _, error) = await RunAsync("track", "--site", Ulss7Site, "--start", "2018-04-03T19:02:00Z", "--input", "beast:" + Path.GetTempPath());

        Assert.Equal(CommandLine.InputError, exit);
        Assert.Contains("is a directory", error, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_SameFileTwiceUnderTwoSpellings_RefusedNamingBoth()
    {
        var path = SharedData.PathOf("adsb/beast_ulss7_20180403.bin");
        var other = Path.Combine(Path.GetDirectoryName(path)!, "..", "adsb", Path.GetFileName(path));

        var (exit, output, error) = await RunAsync("track", "--site", Ulss7Site, "--start", "2018-04-03T19:02:00Z", "--input", "beast:" + path, "--input", "beast:" + other);

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Empty(output);
        Assert.Contains("name the same file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_SameFileThroughASymbolicLink_Refused()
    {
        var path = SharedData.PathOf("adsb/beast_ulss7_20180403.bin");
        var link = Path.Combine(Path.GetTempPath(), $"picket-link-{Guid.NewGuid():N}.bin");
        File.CreateSymbolicLink(link, path);
        try
        {
            var (exit, _, error) = await RunAsync("track", "--site", Ulss7Site, "--start", "2018-04-03T19:02:00Z", "--input", "beast:" + path, "--input", "beast:" + link);

            Assert.Equal(CommandLine.UsageError, exit);
            Assert.Contains("name the same file", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Fact]
    public async Task Track_SbsLinesOutOfTimeOrder_DroppedOnesCountedInTheSummary()
    {
        // 100 lines (about 1 s of traffic, 2018-04-03 19:02:3x) moved to the end of the file: by
        // then the tracks are a minute further on, so those of them that carry positions are too
        // late to use. Those must be counted, not dropped silently; the file in order drops none.
        var lines = await File.ReadAllLinesAsync(SharedData.PathOf("adsb/beast_ulss7_20180403.sbs.txt"));
        var path = Path.Combine(Path.GetTempPath(), $"picket-sbs-late-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(path, [.. lines[..1000], .. lines[1100..], .. lines[1000..1100]]);
        try
        {
            var (inOrderExit, _, inOrder) = await RunAsync("track", "--site", Ulss7Site, "--start", "2018-04-03T19:02:00Z", "--input", "sbs:" + SharedData.PathOf("adsb/beast_ulss7_20180403.sbs.txt"));
            var (exit, _, error) = await RunAsync("track", "--site", Ulss7Site, "--start", "2018-04-03T19:02:00Z", "--input", "sbs:" + path);

            Assert.True(inOrderExit == CommandLine.Success, inOrder);
            Assert.True(exit == CommandLine.Success, error);
            Assert.Contains("late measurements dropped: 0", inOrder, StringComparison.Ordinal);
            var positions = lines[1000..1100].Count(l => l.StartsWith("MSG,3,", StringComparison.Ordinal) && l.Split(',')[14].Length > 0);
            var dropped = long.Parse(System.Text.RegularExpressions.Regex.Match(error, @"late measurements dropped: (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(dropped, 1, 100);
            Assert.True(positions > 0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, TextReader.Null, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
