namespace Picket.Gateway.Recording;

/// <summary>
/// The recording container's constants (layout in <c>Recording/README.md</c>). All integers are
/// little-endian. Header: magic <c>PICKETRC</c>, version (u16), flags (u16, 0), start time (i64,
/// UTC µs), input count (u16), each input spec (u16 byte length + UTF-8). Then chunks: marker
/// <c>0xC3</c>, input index (u16), arrival time (i64, UTC µs), length (u32), the bytes.
/// </summary>
public static class RecordingFormat
{
    /// <summary>The current (and only) version.</summary>
    public const ushort Version = 1;

    /// <summary>The byte that starts every chunk (a zero-filled tail after a power cut is not a chunk).</summary>
    public const byte ChunkMarker = 0xC3;

    /// <summary>Bytes before a chunk's data: marker, input index, arrival time, length.</summary>
    public const int ChunkHeaderBytes = 1 + 2 + 8 + 4;

    /// <summary>The largest chunk a reader accepts (a UDP datagram is at most 64 KiB; readers read 16 KiB).</summary>
    public const int MaxChunkBytes = 1024 * 1024;

    /// <summary>The most inputs one recording holds.</summary>
    public const int MaxInputs = 256;

    /// <summary>The longest input spec, UTF-8 bytes.</summary>
    public const int MaxSpecBytes = 1024;

    /// <summary>The file's first eight bytes, ASCII <c>PICKETRC</c>.</summary>
    public static ReadOnlySpan<byte> Magic => "PICKETRC"u8;
}
