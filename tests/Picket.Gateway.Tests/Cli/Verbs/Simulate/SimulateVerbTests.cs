using System.Text.Json;
using Picket.Cli;
using Picket.Gateway.Cli.Verbs.Decode;

namespace Picket.Gateway.Cli.Verbs.Simulate;

/// <summary><c>picket simulate</c> run in process; its files read back with <c>picket decode</c>.</summary>
public sealed class SimulateVerbTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "picket-simulate-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Simulate_CrossingTargets30Seconds_WritesFilesThatDecodeReads()
    {
        var (exit, stdout, stderr) = await RunAsync("simulate", "--scenario", "crossing-targets", "--out", _directory, "--seconds", "30");

        Assert.Equal(CommandLine.Success, exit);
        Assert.Equal("", stderr);
        Assert.StartsWith("crossing-targets: 30 s, 6 targets", stdout, StringComparison.Ordinal);
        var stem = Path.Combine(_directory, "crossing-targets");
        Assert.True(File.Exists(stem + ".beast"));

        var (beastExit, frames, beastSummary) = await DecodeRun.RunAsync("beast", stem + ".beast");
        Assert.Equal(CommandLine.Success, beastExit);
        Assert.Contains("skipped bytes 0", beastSummary, StringComparison.Ordinal);
        var icaos = frames.Where(f => f.TryGetProperty("icao", out _)).Select(f => f.GetProperty("icao").GetString()).ToHashSet();
        Assert.Equal(["4B1801", "4B1802"], icaos.Order());
        Assert.Contains(frames, f => f.TryGetProperty("lat", out var lat) && Math.Abs(lat.GetDouble() - 59.8) < 0.2);
        Assert.Contains(frames, f => f.GetProperty("df").GetInt32() == 4);

        var (asterixExit, records, asterixSummary) = await DecodeRun.RunAsync("asterix", stem + ".asterix");
        Assert.Equal(CommandLine.Success, asterixExit);
        Assert.Contains("rejected 0, skipped bytes 0", asterixSummary, StringComparison.Ordinal);
        Assert.Contains($"{records.Count(r => r.GetProperty("cat").GetInt32() == 48)} CAT048 plots, {records.Count(r => r.GetProperty("cat").GetInt32() == 34)} CAT034 north markers", stdout, StringComparison.Ordinal);
        Assert.Equal(8, records.Count(r => r.GetProperty("cat").GetInt32() == 34)); // 4 s scans: markers at 0, 4, ..., 28 s

        var truth = File.ReadAllLines(stem + ".truth.jsonl");
        Assert.Equal(6 * 30, truth.Length); // 6 targets sampled every second
        using var first = JsonDocument.Parse(truth[0]);
        Assert.Equal("x-same-1", first.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Simulate_UnknownScenario_ExitsOneNamingKnownScenarios()
    {
        var (exit, _, stderr) = await RunAsync("simulate", "--scenario", "no-such", "--out", _directory);

        Assert.Equal(CommandLine.InputError, exit);
        Assert.StartsWith("picket simulate: no built-in scenario 'no-such'; known: ", stderr, StringComparison.Ordinal);
        Assert.Contains("crossing-targets", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_InvalidScenarioFile_ExitsOneWithTheLoadersReason()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(path, """{ "name": "bad", "duration_s": 60, "site": { "latitude_deg": 95 } }""");

        var (exit, _, stderr) = await RunAsync("simulate", "--scenario-file", path, "--out", _directory);

        Assert.Equal(CommandLine.InputError, exit);
        Assert.StartsWith("picket simulate: ", stderr, StringComparison.Ordinal);
        Assert.Contains(path, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--out", "x")]
    [InlineData("--scenario", "crossing-targets", "--scenario-file", "x.json", "--out", "x")]
    [InlineData("--scenario", "crossing-targets", "--out", "x", "--seconds", "-1")]
    public async Task Simulate_BadCommandLine_ExitsTwo(params string[] options)
    {
        var (exit, _, stderr) = await RunAsync(["simulate", .. options]);

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains("usage: picket simulate", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(args, TextReader.Null, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
