using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Picket.Gateway.Recording;

/// <summary>
/// Reads a recording (<see cref="RecordingFormat"/>): the header when opened, then chunk by
/// chunk. A file cut short (power cut while recording) or ending in bytes that are not a chunk
/// (a zero-filled tail) is read up to its last whole chunk; <see cref="StopReason"/> then says
/// where and why it stopped.
/// </summary>
public sealed class RecordingReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _chunkHeader = new byte[RecordingFormat.ChunkHeaderBytes];
    private long _position;
    private bool _ended;

    /// <summary>Reads the header.</summary>
    /// <param name="stream">The recording.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="stream"/> open.</param>
    /// <exception cref="RecordingFormatException">Not a recording, an unknown version, or a damaged header.</exception>
    public RecordingReader(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        Span<byte> fixedPart = stackalloc byte[8 + 2 + 2 + 8 + 2];
        if (ReadFully(fixedPart) < fixedPart.Length || !fixedPart[..8].SequenceEqual(RecordingFormat.Magic))
        {
            throw new RecordingFormatException("not a Picket recording (the file does not start with PICKETRC and a whole header)");
        }

        Version = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[8..]);
        if (Version != RecordingFormat.Version)
        {
            throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture, $"recording version {Version} is not supported (this picket reads version {RecordingFormat.Version})"));
        }

        StartUnixMicroseconds = BinaryPrimitives.ReadInt64LittleEndian(fixedPart[12..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[20..]);
        if (count is 0 or > RecordingFormat.MaxInputs)
        {
            throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture, $"recording header names {count} inputs (1 to {RecordingFormat.MaxInputs} expected)"));
        }

        var specs = new string[count];
        Span<byte> lengthField = stackalloc byte[2];
        for (var i = 0; i < count; i++)
        {
            if (ReadFully(lengthField) < 2)
            {
                throw new RecordingFormatException("recording header cut short in the input list");
            }

            int length = BinaryPrimitives.ReadUInt16LittleEndian(lengthField);
            var text = new byte[length];
            if (length is 0 or > RecordingFormat.MaxSpecBytes || ReadFully(text) < length)
            {
                throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture, $"recording header: input {i} is damaged"));
            }

            specs[i] = Encoding.UTF8.GetString(text);
        }

        InputSpecs = specs;
    }

    /// <summary>The container version.</summary>
    public int Version { get; }

    /// <summary>When recording began, UTC µs.</summary>
    public long StartUnixMicroseconds { get; }

    /// <summary>The recorded inputs' specs, in index order.</summary>
    public IReadOnlyList<string> InputSpecs { get; }

    /// <summary>Chunks read so far.</summary>
    public long Chunks { get; private set; }

    /// <summary>Null while reading and after a clean end; otherwise why reading stopped before the end of the file.</summary>
    public string? StopReason { get; private set; }

    /// <summary>Opens a recording file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The reader, header read.</returns>
    /// <exception cref="RecordingFormatException">Not a recording.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static RecordingReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024);
        try
        {
            return new RecordingReader(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next whole chunk.</summary>
    /// <param name="chunk">The chunk, when one was read.</param>
    /// <returns>False at the end of the file or at the first incomplete or damaged chunk (<see cref="StopReason"/>).</returns>
    public bool TryRead(out RecordedChunk chunk)
    {
        chunk = default;
        if (_ended)
        {
            return false;
        }

        var start = _position;
        var got = ReadFully(_chunkHeader);
        if (got == 0)
        {
            return End(null);
        }

        if (got < _chunkHeader.Length)
        {
            return End(Stopped(start, "the last chunk's header is cut short"));
        }

        if (_chunkHeader[0] != RecordingFormat.ChunkMarker)
        {
            return End(Stopped(start, "no chunk marker (damaged or zero-filled tail)"));
        }

        int index = BinaryPrimitives.ReadUInt16LittleEndian(_chunkHeader.AsSpan(1));
        var arrival = BinaryPrimitives.ReadInt64LittleEndian(_chunkHeader.AsSpan(3));
        var length = BinaryPrimitives.ReadUInt32LittleEndian(_chunkHeader.AsSpan(11));
        if (index >= InputSpecs.Count || length is 0 or > RecordingFormat.MaxChunkBytes || arrival < 0)
        {
            return End(Stopped(start, "a chunk header out of range (damaged)"));
        }

        var data = new byte[length];
        if (ReadFully(data) < data.Length)
        {
            return End(Stopped(start, "the last chunk is cut short"));
        }

        Chunks++;
        chunk = new RecordedChunk(index, arrival, data);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private static string Stopped(long offset, string why) =>
        string.Create(CultureInfo.InvariantCulture, $"stopped at byte {offset}: {why}; everything before it was read");

    private bool End(string? reason)
    {
        _ended = true;
        StopReason = reason;
        return false;
    }

    private int ReadFully(Span<byte> buffer)
    {
        var read = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        _position += read;
        return read;
    }
}
