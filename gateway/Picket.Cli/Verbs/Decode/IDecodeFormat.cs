namespace Picket.Cli.Verbs.Decode;

/// <summary>
/// One input format of <c>picket decode</c>: reads the whole input stream, writes one JSON
/// object per decoded frame (in input order) and keeps the counters for the closing summary.
/// </summary>
public interface IDecodeFormat
{
    /// <summary>The <c>--format</c> word, e.g. <c>beast</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Decodes <paramref name="input"/> to <paramref name="output"/>, one JSON object per frame
    /// (the writer is flushed and a newline written after each by the caller's callback).
    /// </summary>
    /// <param name="input">The raw input bytes.</param>
    /// <param name="output">Receives each object; call <see cref="JsonLinesWriter.EndObject"/> after each.</param>
    /// <param name="summary">Counters to print on stderr at the end.</param>
    /// <param name="options">What else the command line asked for.</param>
    /// <param name="cancellationToken">Stops the decode.</param>
    Task DecodeAsync(Stream input, JsonLinesWriter output, DecodeSummary summary, DecodeOptions options, CancellationToken cancellationToken);

    /// <summary>True when the format reads raw Mode S frames, so <see cref="DecodeOptions.AllReplies"/> applies.</summary>
    bool ReadsModeSFrames { get; }
}
