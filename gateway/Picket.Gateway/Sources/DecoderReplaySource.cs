using Picket.Gateway.Tracking;

namespace Picket.Gateway.Sources;

/// <summary>
/// A recording replayed through its format's <see cref="StreamDecoder"/> (the decoding path the
/// live inputs use), one chunk after the other (the whole file, or a capture's datagrams).
/// </summary>
public abstract class DecoderReplaySource : IReplaySource
{
    private readonly IReadOnlyList<ArraySegment<byte>> _chunks;
    private readonly long _totalBytes;
    private int _chunk = -1;
    private bool _ended;

    /// <summary>Creates the source.</summary>
    /// <param name="description">The input as named on the command line.</param>
    /// <param name="decoder">The format's decoder, in replay mode.</param>
    /// <param name="chunks">The recording's chunks in order.</param>
    /// <param name="totalBytes">The recording's size (for the "nothing found" error).</param>
    protected DecoderReplaySource(string description, StreamDecoder decoder, IReadOnlyList<ArraySegment<byte>> chunks, long totalBytes)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(chunks);
        Description = description;
        Decoder = decoder;
        _chunks = chunks;
        _totalBytes = totalBytes;
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>The format's decoder (its counters).</summary>
    public StreamDecoder Decoder { get; }

    /// <inheritdoc />
    public long CurrentTimeUnixMicroseconds => Decoder.CurrentTimeUnixMicroseconds;

    /// <inheritdoc />
    public string Summary => $"{Description}: {Decoder.Summary}";

    /// <inheritdoc />
    public bool MoveNext()
    {
        while (true)
        {
            if (_chunk >= 0 && _chunk < _chunks.Count && Decoder.MoveNext())
            {
                return true;
            }

            if (_chunk + 1 < _chunks.Count)
            {
                var chunk = _chunks[++_chunk];
                Decoder.Begin(chunk.Array!, chunk.Offset, chunk.Count, Decoder.CurrentTimeUnixMicroseconds);
                continue;
            }

            _chunk = _chunks.Count;
            if (!_ended)
            {
                _ended = true;
                if (Decoder.MoveNextAtEnd())
                {
                    return true;
                }
            }

            var nothing = Decoder.NothingFoundMessage(_totalBytes);
            if (nothing is not null)
            {
                throw new InputFormatException($"{Description}: {nothing}");
            }

            return false;
        }
    }

    /// <inheritdoc />
    public void Dispatch(TrackingPipeline pipeline) => Decoder.Dispatch(pipeline);
}
