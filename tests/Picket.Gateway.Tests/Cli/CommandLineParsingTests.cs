using Picket.Cli;

namespace Picket.Gateway.Cli;

/// <summary>
/// The verbs through System.CommandLine: per-verb help, <c>-h</c>, typo suggestions and exit code 2
/// on usage errors, with the options' existing syntax (expected texts are the verbs' own usage and
/// names, written by hand here).
/// </summary>
public sealed class CommandLineParsingTests
{
    public static TheoryData<string> AllVerbs => ["decode", "demo", "record", "replay", "run", "selftest", "simulate", "status", "track"];

    [Theory]
    [MemberData(nameof(AllVerbs))]
    public async Task Help_EveryVerb_PrintsItsUsageThenItsOptionsAndSucceeds(string verb)
    {
        var (exit, text, error) = await RunAsync(verb, "--help");
        var (shortExit, shortText, _) = await RunAsync(verb, "-h");

        Assert.Equal(CommandLine.Success, exit);
        Assert.Empty(error);
        Assert.StartsWith("usage: picket " + verb, text, StringComparison.Ordinal);
        Assert.Contains("Options:", text, StringComparison.Ordinal);
        Assert.Equal((exit, text), (shortExit, shortText));
    }

    [Fact]
    public async Task Help_Track_DescribesTheExistingOptionSyntax()
    {
        var (_, text, _) = await RunAsync("track", "--help");

        Assert.Contains("--input <FORMAT:PATH>", text, StringComparison.Ordinal);
        Assert.Contains("--site <LAT,LON,ALT_M>", text, StringComparison.Ordinal);
        Assert.Contains("--recorded", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_AfterOtherOptions_StillHelpsAndRunsNothing()
    {
        var (exit, text, _) = await RunAsync("demo", "--seconds", "5", "-h");

        Assert.Equal(CommandLine.Success, exit);
        Assert.StartsWith("usage: picket demo", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MistypedVerb_SuggestsTheVerb()
    {
        var (exit, output, error) = await RunAsync("trak", "--scenario", "crossing-targets");

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Empty(output);
        Assert.Contains("unknown verb 'trak'", error, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'track'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MistypedOption_SuggestsTheOptionAndShowsUsage()
    {
        var (exit, output, error) = await RunAsync("track", "--site", "59,30,0", "--start", "2018-04-03T19:02:00Z", "--inptu", "beast:x.bin");

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Empty(output);
        Assert.Contains("unknown option --inptu (did you mean --input?)", error, StringComparison.Ordinal);
        Assert.Contains("usage: picket track", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnrelatedOption_NoSuggestion()
    {
        var (exit, _, error) = await RunAsync("status", "--frobnicate", "1");

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains("unknown option --frobnicate", error, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decode", "stray")]
    [InlineData("demo", "--seconds")]
    [InlineData("status", "--status", "a", "--status", "b", "extra")]
    [InlineData("run", "--config")]
    [InlineData("selftest", "--config", "x.json", "--NotASetting", "1")]
    [InlineData("replay", "--recording", "x.rec", "--site", "59,30,0", "--Outbox:Path", "x")]
    public async Task UsageErrors_ExitTwoWithAMessage(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Empty(output);
        Assert.StartsWith("picket " + args[0] + ": ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoArguments_UsageOnStandardErrorExitTwo()
    {
        var (exit, output, error) = await RunAsync();

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Empty(output);
        Assert.Contains("track", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_EqualsSyntaxAndStandardInput_StillParse()
    {
        // One DF17 identification frame from readsb's AVR output (ICAO 4840D6, callsign KLM1023).
        using var input = new StringReader("*8D4840D6202CC371C32CE0576098;\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(["decode", "--format=avr", "--input", "-"], input, output, error);

        Assert.True(exit == CommandLine.Success, error.ToString());
        Assert.Contains("4840d6", output.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("KLM1023", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TypoSuggestion_SwapsAndDropsCountOne()
    {
        Assert.Equal(1, TypoSuggestion.Distance("inptu", "input"));
        Assert.Equal(1, TypoSuggestion.Distance("trak", "track"));
        Assert.Equal(3, TypoSuggestion.Distance("kitten", "sitting"));
        Assert.Null(TypoSuggestion.Nearest("xyz", ["decode", "track"]));
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, TextReader.Null, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
