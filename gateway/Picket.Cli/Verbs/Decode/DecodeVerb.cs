namespace Picket.Cli.Verbs.Decode;

/// <summary>
/// <c>picket decode --format F [--input PATH|-]</c>: decodes receiver or radar data to JSON
/// Lines on stdout and prints a summary of what was read and rejected on stderr.
/// </summary>
public sealed class DecodeVerb : IVerb
{
    /// <inheritdoc />
    public string Name => "decode";

    /// <inheritdoc />
    public string Summary => "decode receiver/radar data (beast, avr, sbs, asterix, nmea) to JSON Lines";

    /// <inheritdoc />
    public string Usage =>
        "usage: picket decode --format " + string.Join('|', Array.ConvertAll(DecodeFormats.All, f => f.Name)) + " [--input PATH|-] [--all-replies]\n"
        + "  --all-replies  beast/avr: also decode DF0/4/5/16/20/21 replies from addresses not heard in DF11/17/18,\n"
        + "                 marked \"address_unverified\": true (for lists of unrelated messages, as pyModeS decodes them)";

    /// <inheritdoc />
    public async Task<int> RunAsync(ArgumentList options, VerbConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var formatName = options.GetRequired("format");
        var inputPath = options.Get("input") ?? "-";
        var allReplies = options.Has("all-replies");
        options.ThrowIfUnused();

        var format = Array.Find(DecodeFormats.All, f => f.Name == formatName)
            ?? throw new UsageException($"--format '{formatName}' is not one of {string.Join(", ", Array.ConvertAll(DecodeFormats.All, f => f.Name))}");
        if (allReplies && !format.ReadsModeSFrames)
        {
            throw new UsageException($"--all-replies applies to raw Mode S frames (beast, avr), not to --format {format.Name}");
        }

        var input = inputPath == "-" ? console.OpenInputStream() : OpenInput(inputPath);
        await using (input.ConfigureAwait(false))
        {
            var output = new JsonLinesWriter(console.OpenOutputStream());
            var summary = new DecodeSummary();
            await using (output.ConfigureAwait(false))
            {
                await format.DecodeAsync(input, output, summary, new DecodeOptions(allReplies), CancellationToken.None).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync(summary.ToString()).ConfigureAwait(false);
        }

        return CommandLine.Success;
    }

    private static FileStream OpenInput(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"input file '{path}' does not exist");
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
    }
}
