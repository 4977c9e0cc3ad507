using System.Globalization;

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
        + "                 marked \"address_unverified\": true (for lists of unrelated messages, as pyModeS decodes them)\n"
        + "  exit 0 when something was decoded (or the input is empty), 1 when the input held nothing decodable or cannot be read, 2 on a usage error";

    /// <inheritdoc />
    public IReadOnlyList<VerbOption> Options { get; } =
    [
        new("format", "FORMAT", "Input format: beast, avr, sbs, asterix or nmea", VerbOptionKind.Value),
        new("input", "PATH|-", "Input file, or - for standard input (default -)", VerbOptionKind.Value),
        new("all-replies", "", "beast/avr: also decode replies from addresses not yet heard, marked \"address_unverified\"", VerbOptionKind.Flag),
    ];

    /// <inheritdoc />
    public bool TakesSettings => false;

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

        var input = inputPath == "-" ? OpenStandardInput(console) : OpenInput(inputPath);
        await using (input.ConfigureAwait(false))
        {
            var counted = new CountingReadStream(input);
            var output = new JsonLinesWriter(console.OpenOutputStream());
            var summary = new DecodeSummary();
            await using (output.ConfigureAwait(false))
            {
                await format.DecodeAsync(counted, output, summary, new DecodeOptions(allReplies), CancellationToken.None).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync(summary.ToString()).ConfigureAwait(false);
            if (summary.Decoded == 0 && counted.BytesRead > 0)
            {
                // The same rule for every format: input that held nothing decodable is an error.
                throw new InputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"nothing decodable as {format.Name} in {counted.BytesRead} octets ({summary.Read} read, {summary.Rejected} rejected, {summary.SkippedBytes} octets skipped)"));
            }
        }

        return CommandLine.Success;
    }

    private static Stream OpenStandardInput(VerbConsole console)
    {
        if (ReferenceEquals(console.In, Console.In) && StandardInputCheck.IsOwnPipe())
        {
            throw new InputException("--input -: standard input is closed (pipe data in, or give --input PATH)");
        }

        return console.OpenInputStream();
    }

    private static FileStream OpenInput(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException($"input '{path}' is a directory, not a file");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"input file '{path}' does not exist");
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
    }
}
