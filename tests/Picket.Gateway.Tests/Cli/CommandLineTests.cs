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
    public async Task Demo_GulfOfFinlandIncursion_AlertsEveryIntruderAndDeliversEverythingToTheConsumer()
    {
        // The scenario's truth (gateway/Picket.Simulation/Scenarios/gulf-of-finland-incursion.json):
        // three fighters with transponders off fly into the protected band; everything else is
        // cooperative. The demo exits 0 only when every non-cooperative incursion was alerted and
        // every batch was acked and reached the consumer.
        var (exit, output, error) = await RunAsync("demo");

        Assert.True(exit == CommandLine.Success, error + output);
        var intruderEntries = output.Split('\n').Count(l => l.StartsWith("ALERT ", StringComparison.Ordinal) && l.Contains(" ENTER ", StringComparison.Ordinal) && l.Contains("NON-COOPERATIVE (no identity)", StringComparison.Ordinal));
        Assert.Equal(3, intruderEntries);
        Assert.Contains("false alerts 0", output, StringComparison.Ordinal);
        Assert.Contains("cooperative targets without their ICAO 0", output, StringComparison.Ordinal);
        var uplink = System.Text.RegularExpressions.Regex.Match(output, @"uplink: (\d+) track updates \(of (\d+) reports[^)]*\) and (\d+) alerts in (\d+) batches \((\d+) bytes\), server acked up to sequence (\d+) \((\d+) refused[^)]*\); consumer received (\d+) updates and (\d+) alerts");
        Assert.True(uplink.Success, output);
        // Every batch acked, none refused; the consumer saw every published update and alert.
        Assert.Equal(uplink.Groups[4].Value, uplink.Groups[6].Value);
        Assert.Equal("0", uplink.Groups[7].Value);
        Assert.Equal(uplink.Groups[1].Value, uplink.Groups[8].Value);
        Assert.Equal(uplink.Groups[3].Value, uplink.Groups[9].Value);
        // Thinning publishes fewer updates than the tracker reports, never none.
        Assert.InRange(long.Parse(uplink.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, long.Parse(uplink.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

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
