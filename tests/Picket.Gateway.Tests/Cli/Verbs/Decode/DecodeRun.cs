using System.Text.Json;
using Picket.Cli;

namespace Picket.Gateway.Cli.Verbs.Decode;

/// <summary>Runs <c>picket decode</c> in process and parses its JSON Lines.</summary>
internal static class DecodeRun
{
    public static async Task<(int Exit, List<JsonElement> Lines, string Error)> RunAsync(string format, string input)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["decode", "--format", format, "--input", input], TextReader.Null, stdout, stderr);
        var lines = stdout.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        return (exit, lines, stderr.ToString());
    }
}
