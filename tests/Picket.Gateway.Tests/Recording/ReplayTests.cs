using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Picket.Cli;
using Picket.Gateway.Sources;
using Picket.Gateway.Inputs;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Gateway.Recording;

/// <summary><c>picket replay</c>: a recording of a real capture through the live decoders and the tracker, deterministic at any pace.</summary>
public sealed class ReplayTests(ITestOutputHelper output) : IDisposable
{
    private const string Ulss7Site = "59.7,30.6,30";
    private const long Start = 1_522_782_120_000_000; // 2018-04-03T19:02:00Z
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Replay_SameRecordingThreeTimes_ByteIdenticalOutputAtAnySpeed()
    {
        var path = WriteCaptureRecording();

        var (firstExit, first, firstError) = await RunAsync("replay", "--recording", path, "--site", Ulss7Site, "--as-fast-as-possible");
        var (secondExit, second, secondError) = await RunAsync("replay", "--recording", path, "--site", Ulss7Site, "--as-fast-as-possible");
        // 89 s of recording at 200× real time: paced, yet the same output.
        var (pacedExit, paced, _) = await RunAsync("replay", "--recording", path, "--site", Ulss7Site, "--speed", "200");

        Assert.True(firstExit == CommandLine.Success, firstError);
        Assert.Equal(CommandLine.Success, secondExit);
        Assert.Equal(CommandLine.Success, pacedExit);
        output.WriteLine(firstError);
        Assert.Contains("\"kind\":\"track\"", first, StringComparison.Ordinal);
        Assert.Equal(Sha256(first), Sha256(second));
        Assert.Equal(Sha256(first), Sha256(paced));
        Assert.Equal(firstError, secondError);
    }

    [Fact]
    public void Player_CaptureRecording_DecodesEveryFrameTheReferenceDeframerFinds()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        var expected = BeastReference.Frames(bytes).Count;
        using var reader = RecordingReader.Open(WriteCaptureRecording());
        var player = new RecordingPlayer(reader);
        var pipeline = InputTestRig.NewPipeline();

        player.Play(pipeline);

        Assert.Equal(expected, player.Decoders[0].Items);
        Assert.Equal(expected, pipeline.ModeS.Frames);
        Assert.Equal(0, player.PipelineErrors);
        Assert.Equal(reader.Chunks, player.Chunks);
    }

    [Fact]
    public async Task Replay_TruncatedRecording_PlaysWhatIsWholeAndSaysWhereItStopped()
    {
        var path = WriteCaptureRecording();
        var full = File.ReadAllBytes(path);
        File.WriteAllBytes(path, full[..(full.Length - 100)]);

        var (exit, text, error) = await RunAsync("replay", "--recording", path, "--site", Ulss7Site, "--as-fast-as-possible");

        Assert.Equal(CommandLine.Success, exit);
        Assert.Contains("\"kind\":\"track\"", text, StringComparison.Ordinal);
        Assert.Contains("the last chunk is cut short", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_NotARecording_InputErrorNamingTheFile()
    {
        var (exit, _, error) = await RunAsync("replay", "--recording", SharedData.PathOf("adsb/beast_ulss7_20180403.bin"), "--site", Ulss7Site);

        Assert.Equal(CommandLine.InputError, exit);
        Assert.Contains("not a Picket recording", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("record")]
    [InlineData("replay")]
    [InlineData("selftest")]
    public async Task Help_EachNewVerb_PrintsItsUsageAndSucceeds(string verb)
    {
        var (exit, text, _) = await RunAsync(verb, "--help");
        var (shortExit, shortText, _) = await RunAsync(verb, "-h");

        Assert.Equal(CommandLine.Success, exit);
        Assert.StartsWith("usage: picket " + verb, text, StringComparison.Ordinal);
        Assert.Equal((exit, text), (shortExit, shortText));
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>The real Beast capture as one input's reads: 512-byte chunks 200 ms apart (about 89 s).</summary>
    private string WriteCaptureRecording()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        var path = _directory.File("capture-" + Guid.NewGuid().ToString("N") + ".rec");
        using var writer = new RecordingWriter(File.Create(path), ["beast:tcp:127.0.0.1:30005"], Start);
        for (var offset = 0; offset < bytes.Length; offset += 512)
        {
            writer.Write(0, Start + (offset / 512 * 200_000L), bytes, offset, Math.Min(512, bytes.Length - offset));
        }

        return path;
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
