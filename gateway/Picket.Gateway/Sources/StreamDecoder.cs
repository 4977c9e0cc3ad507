using Picket.Gateway.Tracking;

namespace Picket.Gateway.Sources;

/// <summary>
/// One input format's decoding, push-based and shared by the live inputs and the file replays:
/// bytes go in as they arrive (<see cref="Push"/>), decoded items come out one at a time with
/// their UTC time and are dispatched into a <see cref="TrackingPipeline"/>. A replay steps item by
/// item (<see cref="Begin"/>, <see cref="MoveNext"/>, <see cref="Dispatch"/>) to merge several
/// inputs in time order; a live input pushes whole chunks. The framer state lives here, so a
/// frame split across chunks is still decoded.
/// </summary>
/// <remarks>Not thread-safe: one pipeline thread owns a decoder.</remarks>
public abstract class StreamDecoder
{
    private byte[] _buffer = [];
    private int _position;
    private int _end;

    /// <summary>Time of the current item, UTC microseconds.</summary>
    public long CurrentTimeUnixMicroseconds { get; protected set; }

    /// <summary>Items delivered (frames, records or sentences, as the format counts them).</summary>
    public abstract long Items { get; }

    /// <summary>Items or bytes rejected as malformed (framing garbage, bad records, malformed lines).</summary>
    public abstract long DecodeErrors { get; }

    /// <summary>What was read, for a run summary (without the input's name).</summary>
    public abstract string Summary { get; }

    /// <summary>Starts decoding a chunk of bytes that arrived at <paramref name="arrivalUnixMicroseconds"/>; the decoder reads the buffer until <see cref="MoveNext"/> returns false.</summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    /// <param name="arrivalUnixMicroseconds">UTC arrival time of the chunk from the gateway clock (ignored by replays, which time items by the recording).</param>
    public void Begin(byte[] buffer, int offset, int count, long arrivalUnixMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - offset);
        _buffer = buffer;
        _position = offset;
        _end = offset + count;
        OnBegin(buffer, offset, count, arrivalUnixMicroseconds);
    }

    /// <summary>Decodes the next item of the current chunk; false when the chunk holds no more (a partial frame stays buffered for the next chunk).</summary>
    /// <returns>True when an item is ready for <see cref="Dispatch"/>.</returns>
    public bool MoveNext() => TryReadItem(_buffer, ref _position, _end);

    /// <summary>Called once at the end of a finite stream (a file): completes what the last bytes left open (an SBS line without its newline).</summary>
    /// <returns>True when that completed an item ready for <see cref="Dispatch"/>.</returns>
    public virtual bool MoveNextAtEnd() => false;

    /// <summary>Feeds the current item into the pipeline.</summary>
    /// <param name="pipeline">The pipeline.</param>
    public abstract void Dispatch(TrackingPipeline pipeline);

    /// <summary>Decodes a chunk that arrived at <paramref name="arrivalUnixMicroseconds"/> and dispatches every item it completes.</summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    /// <param name="arrivalUnixMicroseconds">UTC arrival time from the gateway clock.</param>
    /// <param name="pipeline">Receives the decoded items.</param>
    /// <returns>The number of items dispatched.</returns>
    public int Push(byte[] buffer, int offset, int count, long arrivalUnixMicroseconds, TrackingPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        Begin(buffer, offset, count, arrivalUnixMicroseconds);
        var items = 0;
        while (MoveNext())
        {
            Dispatch(pipeline);
            items++;
        }

        _buffer = [];
        return items;
    }

    /// <summary>The error for a whole recording of <paramref name="totalBytes"/> bytes in which nothing of this format was found, or null when something was.</summary>
    /// <param name="totalBytes">Bytes read.</param>
    /// <returns>The message (without the input's name), or null.</returns>
    public abstract string? NothingFoundMessage(long totalBytes);

    /// <summary>Called by <see cref="Begin"/> with the new chunk.</summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    /// <param name="arrivalUnixMicroseconds">UTC arrival time of the chunk.</param>
    protected virtual void OnBegin(byte[] buffer, int offset, int count, long arrivalUnixMicroseconds)
    {
    }

    /// <summary>Reads bytes from <paramref name="position"/> up to <paramref name="limit"/> until one item is ready.</summary>
    /// <param name="buffer">The chunk.</param>
    /// <param name="position">Next byte to read; advanced past what was consumed.</param>
    /// <param name="limit">End of the chunk.</param>
    /// <returns>True when an item is ready.</returns>
    protected abstract bool TryReadItem(byte[] buffer, ref int position, int limit);
}
