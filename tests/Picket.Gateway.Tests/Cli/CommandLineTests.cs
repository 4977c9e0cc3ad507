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

    [Fact]
    public async Task Demo_ShortScenario_EveryBatchAckedAndEveryUpdateReachesTheConsumer()
    {
        // 60 s of scenario: targets 1-5 appear at 0, 10, 30, 32, 34 s; 6-7 only after 180 s.
        // Updates per second per target, so the count follows from the scene's appearance times.
        var (exit, output, error) = await RunAsync("demo", "--seconds", "60", "--batch-seconds", "5");

        Assert.True(exit == CommandLine.Success, error + output);
        var expectedUpdates = (60 - 30 + 1) + (60 - 32 + 1) + (60 - 34 + 1) + (60 - 0 + 1) + (60 - 10 + 1);
        Assert.Contains($"{expectedUpdates} track updates in 13 batches", output, StringComparison.Ordinal);
        Assert.Contains("server acked up to sequence 13", output, StringComparison.Ordinal);
        Assert.Contains($"consumer received {expectedUpdates} updates", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, TextReader.Null, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
