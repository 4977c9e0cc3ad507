using System.Text.Json;

namespace Picket.Cli.Verbs.Decode;

/// <summary>
/// Writes JSON Lines to a stream: callers fill <see cref="Json"/> with one object, then call
/// <see cref="EndObject"/>, which terminates the line. One writer is reused for every line.
/// </summary>
public sealed class JsonLinesWriter : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream _stream;

    /// <summary>Creates a writer over <paramref name="stream"/>.</summary>
    public JsonLinesWriter(Stream stream)
    {
        _stream = stream;
        Json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, SkipValidation = false });
    }

    /// <summary>The writer for the current line's object.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>Objects written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Ends the current line.</summary>
    public void EndObject()
    {
        Json.Flush();
        _stream.Write(NewLine);
        Json.Reset(_stream);
        Count++;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Json.FlushAsync().ConfigureAwait(false);
        await Json.DisposeAsync().ConfigureAwait(false);
        await _stream.FlushAsync().ConfigureAwait(false);
    }
}
