using System.Globalization;
using System.Text.RegularExpressions;
using Picket.Cli;
using Picket.Testing;

namespace Picket.Gateway.Cli.Verbs.Decode;

/// <summary>Issue 12, probe 11: what a careless user gives <c>picket decode</c> gets a clear answer and a consistent exit code.</summary>
public sealed partial class DecodeCarelessInputTests
{
    public static TheoryData<string> Formats => ["beast", "avr", "sbs", "asterix", "nmea"];

    [Theory]
    [InlineData("beast")]
    [InlineData("sbs")]
    [InlineData("asterix")]
    public async Task Decode_StandardInputClosed_ClearErrorInsteadOfWaitingForEver(string format)
    {
        // A real picket process whose descriptor 0 the shell closed (<&-).
        var (exit, error, _, timedOut) = await PicketProcess.RunAsync("<&- >/dev/null", TimeSpan.FromSeconds(60), "decode", "--format", format, "--input", "-");

        Assert.False(timedOut, "picket waited for ever on a closed standard input");
        Assert.Equal(CommandLine.InputError, exit);
        Assert.Contains("standard input is closed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_StandardInputPipedFromAnotherProcess_Decodes()
    {
        // The closed-input check must not mistake a real pipe (`… | picket decode --input -`) for the
        // runtime's own: a real picket process fed through a pipe by this (another) process.
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new System.Diagnostics.ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "picket.dll"), "decode", "--format", "avr", "--input", "-" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        // DF17 identification, ICAO 4840D6, KLM1023 (the standard example).
        await process.StandardInput.WriteLineAsync("*8D4840D6202CC371C32CE0576098;");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == CommandLine.Success, error);
        Assert.Contains("\"callsign\":\"KLM1023\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_Directory_SaysItIsADirectory()
    {
        var (exit, lines, error) = await DecodeRun.RunAsync("beast", Path.GetTempPath());

        Assert.Equal(CommandLine.InputError, exit);
        Assert.Empty(lines);
        Assert.Contains("is a directory", error, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Decode_RandomInput_ExitOneForEveryFormatAndReadCoversRejected(string format)
    {
        var path = Path.Combine(Path.GetTempPath(), $"picket-random-{Guid.NewGuid():N}.bin");
        try
        {
            var bytes = new byte[100_000];
            new Random(12).NextBytes(bytes);
            await File.WriteAllBytesAsync(path, bytes);

            var (exit, lines, error) = await DecodeRun.RunAsync(format, path);

            // Nothing decodable in it: exit 1 whatever the format (a chance frame that decodes would be written).
            Assert.Empty(lines);
            Assert.Equal(CommandLine.InputError, exit);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            AssertReadCoversDecodedAndRejected(error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("beast", "adsb/beast_ulss7_20180403.bin")]
    [InlineData("sbs", "adsb/beast_ulss7_20180403.sbs.txt")]
    [InlineData("asterix", "asterix/cat_034_048.pcap")]
    [InlineData("nmea", "serial/nmea_arpa.txt")]
    public async Task Decode_RealCapture_ExitZeroAndReadIsDecodedPlusRejected(string format, string file)
    {
        var (exit, lines, error) = await DecodeRun.RunAsync(format, SharedData.PathOf(file));

        Assert.True(exit == CommandLine.Success, error);
        Assert.NotEmpty(lines);
        AssertReadCoversDecodedAndRejected(error);
    }

    [Fact]
    public async Task Decode_EmptyInput_ExitZero()
    {
        var path = Path.Combine(Path.GetTempPath(), $"picket-empty-{Guid.NewGuid():N}.bin");
        try
        {
            await File.WriteAllBytesAsync(path, []);
            var (exit, lines, error) = await DecodeRun.RunAsync("beast", path);
            Assert.True(exit == CommandLine.Success, error);
            Assert.Empty(lines);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Every frame, record or line found is read once and then either decoded or rejected.
    private static void AssertReadCoversDecodedAndRejected(string error)
    {
        var match = SummaryPattern().Match(error);
        if (!match.Success)
        {
            return; // the format found nothing of its kind at all: its own message, no summary counts
        }

        var read = long.Parse(match.Groups["read"].Value, CultureInfo.InvariantCulture);
        var decoded = long.Parse(match.Groups["decoded"].Value, CultureInfo.InvariantCulture);
        var rejected = long.Parse(match.Groups["rejected"].Value, CultureInfo.InvariantCulture);
        Assert.True(read == decoded + rejected, $"read {read} is not decoded {decoded} + rejected {rejected}: {error}");
    }

    [GeneratedRegex(@"read (?<read>\d+), decoded (?<decoded>\d+), corrected \d+, rejected (?<rejected>\d+)")]
    private static partial Regex SummaryPattern();
}
