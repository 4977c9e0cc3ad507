using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Picket.Cli;
using Picket.Testing;

namespace Picket.Gateway.Cli.Verbs.Track;

/// <summary>
/// Issue 5, determinism: <c>picket track</c> on recorded Beast and ASTERIX byte streams gives the
/// same bytes on every run. The cross-host half (x64 against linux-arm64 under qemu) is
/// <c>tests/Picket.Determinism/compare-x64-arm64.sh</c>, which runs the same command lines.
/// </summary>
public sealed class TrackVerbDeterminismTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "picket-determinism-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Track_RecordedIncursionTwiceInOneProcess_ByteIdenticalOutput()
    {
        var (simulateExit, _, simulateError) = await RunAsync("simulate", "--scenario", "gulf-of-finland-incursion", "--out", _directory);
        Assert.True(simulateExit == CommandLine.Success, simulateError);
        var stem = Path.Combine(_directory, "gulf-of-finland-incursion");
        string[] track =
        [
            "track", "--site", "59.52,26.54,60", "--start", "2026-09-19T09:46:00Z",
            "--input", "beast:" + stem + ".beast", "--input", "asterix:" + stem + ".asterix",
            "--zones", RepositoryPaths.PathOf("gateway/Picket.Simulation/Scenarios/gulf-of-finland-zones.geojson"),
        ];

        var (firstExit, first, firstError) = await RunAsync(track);
        var (secondExit, second, secondError) = await RunAsync(track);

        Assert.True(firstExit == CommandLine.Success, firstError);
        Assert.True(secondExit == CommandLine.Success, secondError);
        // The whole 1200 s story: tracks and the zone alerts of the three jets' incursion.
        Assert.Contains("\"kind\":\"track\"", first, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"alert\"", first, StringComparison.Ordinal);
        Assert.Equal(Sha256(first), Sha256(second));
        Assert.Equal(firstError, secondError);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CommandLine.RunAsync(args, TextReader.Null, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
