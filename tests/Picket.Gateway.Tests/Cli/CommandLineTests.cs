using Picket.Cli;

namespace Picket.Gateway.Cli;

/// <summary>The <c>picket</c> command run in process: exit codes and messages a technician sees.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task RunAsync_UnknownVerb_ExitsWithUsageErrorNamingTheVerb()
    {
        var (exit, _, error) = await RunAsync("frobnicate");

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains("unknown verb 'frobnicate'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MisspeltOption_ExitsWithUsageErrorNamingTheOption()
    {
        var (exit, _, error) = await RunAsync("demo", "--secnds", "5");

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains("unknown option --secnds", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadNumber_ExitsWithUsageErrorAndReason()
    {
        var (exit, _, error) = await RunAsync("demo", "--seconds", "-3");

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains("--seconds must be a positive whole number", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_ListsEveryVerb()
    {
        var (exit, output, _) = await RunAsync("--help");

        Assert.Equal(CommandLine.Success, exit);
        Assert.Contains("decode", output, StringComparison.Ordinal);
        Assert.Contains("demo", output, StringComparison.Ordinal);
    }

    // The whole demo runs its parts as processes: tested as a process in Verbs/Demo/DemoVerbTests.

    [Fact]
    public async Task Demo_UnknownScenario_ExitsWithInputErrorListingTheKnownOnes()
    {
        var (exit, _, error) = await RunAsync("demo", "--scenario", "nowhere");

        Assert.Equal(CommandLine.InputError, exit);
        Assert.Contains("gulf-of-finland-incursion", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, TextReader.Null, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
