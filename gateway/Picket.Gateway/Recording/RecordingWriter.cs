using System.Buffers.Binary;
using System.Text;

namespace Picket.Gateway.Recording;

/// <summary>
/// Writes a recording (<see cref="RecordingFormat"/>) to a stream: the header at once, then one
/// chunk per <see cref="Write"/>. Every chunk is written whole into the stream's buffer before
/// the next, so a file cut anywhere is readable up to its last whole chunk.
/// </summary>
/// <remarks>Not thread-safe: one thread writes.</remarks>
public sealed class RecordingWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _header = new byte[RecordingFormat.ChunkHeaderBytes];
    private bool _disposed;

    /// <summary>Writes the header.</summary>
    /// <param name="stream">Where the recording goes (a file, buffered by the caller if wanted).</param>
    /// <param name="inputSpecs">The inputs, in the order their indexes refer to.</param>
    /// <param name="startUnixMicroseconds">When recording began, UTC µs.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="stream"/> open.</param>
    /// <exception cref="ArgumentException">No input, too many, or a spec too long.</exception>
    public RecordingWriter(Stream stream, IReadOnlyList<string> inputSpecs, long startUnixMicroseconds, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(inputSpecs);
        if (inputSpecs.Count is 0 or > RecordingFormat.MaxInputs)
        {
            throw new ArgumentException($"a recording holds 1 to {RecordingFormat.MaxInputs} inputs, not {inputSpecs.Count}", nameof(inputSpecs));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        InputCount = inputSpecs.Count;
        var header = new MemoryStream();
        header.Write(RecordingFormat.Magic);
        Span<byte> field = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(field, RecordingFormat.Version);
        header.Write(field[..2]);
        BinaryPrimitives.WriteUInt16LittleEndian(field, 0);
        header.Write(field[..2]);
        BinaryPrimitives.WriteInt64LittleEndian(field, startUnixMicroseconds);
        header.Write(field);
        BinaryPrimitives.WriteUInt16LittleEndian(field, (ushort)inputSpecs.Count);
        header.Write(field[..2]);
        foreach (var spec in inputSpecs)
        {
            var bytes = Encoding.UTF8.GetBytes(spec);
            if (bytes.Length is 0 or > RecordingFormat.MaxSpecBytes)
            {
                throw new ArgumentException($"input spec '{spec}' is empty or longer than {RecordingFormat.MaxSpecBytes} bytes", nameof(inputSpecs));
            }

            BinaryPrimitives.WriteUInt16LittleEndian(field, (ushort)bytes.Length);
            header.Write(field[..2]);
            header.Write(bytes);
        }

        _stream.Write(header.GetBuffer(), 0, (int)header.Length);
    }

    /// <summary>Number of inputs in the header.</summary>
    public int InputCount { get; }

    /// <summary>Chunks written.</summary>
    public long Chunks { get; private set; }

    /// <summary>Data bytes written (chunk headers excluded).</summary>
    public long Bytes { get; private set; }

    /// <summary>Appends one chunk.</summary>
    /// <param name="inputIndex">The input that read the bytes.</param>
    /// <param name="arrivalUnixMicroseconds">Their arrival time, UTC µs.</param>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes (1 to <see cref="RecordingFormat.MaxChunkBytes"/>).</param>
    public void Write(int inputIndex, long arrivalUnixMicroseconds, byte[] buffer, int offset, int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(inputIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(inputIndex, InputCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, RecordingFormat.MaxChunkBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - offset);
        _header[0] = RecordingFormat.ChunkMarker;
        BinaryPrimitives.WriteUInt16LittleEndian(_header.AsSpan(1), (ushort)inputIndex);
        BinaryPrimitives.WriteInt64LittleEndian(_header.AsSpan(3), arrivalUnixMicroseconds);
        BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(11), (uint)count);
        _stream.Write(_header, 0, _header.Length);
        _stream.Write(buffer, offset, count);
        Chunks++;
        Bytes += count;
    }

    /// <summary>Flushes the stream to the operating system.</summary>
    public void Flush() => _stream.Flush();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _stream.Flush();
        }
        finally
        {
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }
}
