namespace Picket.Gateway.Inputs;

/// <summary>One input's counters at one moment, for health and <c>picket status</c>.</summary>
/// <param name="Name">The input spec as configured.</param>
/// <param name="Connected">True while the device is open or the socket connected (bound, for UDP).</param>
/// <param name="Bytes">Bytes read since start.</param>
/// <param name="Frames">Items decoded (frames, records, sentences).</param>
/// <param name="DecodeErrors">Garbage bytes, truncated or malformed frames, rejected records.</param>
/// <param name="Reconnects">Successful reopenings after the first open.</param>
/// <param name="DisconnectedMicroseconds">Total time without a connection since start (the current gap included), µs.</param>
/// <param name="BytesDropped">Bytes read but dropped because the pipeline queue was full.</param>
/// <param name="LastFrameUnixMicroseconds">Arrival time of the last chunk that completed an item, UTC µs; 0 when none yet.</param>
/// <param name="LastError">The last transport error (clear text), or null.</param>
public readonly record struct InputHealth(
    string Name,
    bool Connected,
    long Bytes,
    long Frames,
    long DecodeErrors,
    long Reconnects,
    long DisconnectedMicroseconds,
    long BytesDropped,
    long LastFrameUnixMicroseconds,
    string? LastError);
