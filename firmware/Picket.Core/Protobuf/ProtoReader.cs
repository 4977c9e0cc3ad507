namespace Picket.Protobuf;

/// <summary>
/// Reads the Protocol Buffers wire format from a caller-owned byte array, field by field,
/// without allocating. Malformed input never throws: a read that runs past the end or meets
/// an over-long varint returns false and leaves <see cref="IsMalformed"/> set.
/// </summary>
public struct ProtoReader
{
    private readonly byte[] _buffer;
    private int _position;
    private readonly int _end;
    private bool _malformed;

    /// <summary>Starts reading <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
    public ProtoReader(byte[] buffer, int offset, int count)
    {
        _buffer = buffer;
        _position = offset;
        _malformed = buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count;

        // Malformed arguments read as empty input rather than throwing.
        _end = _malformed ? offset : offset + count;
    }

    /// <summary>Index of the next unread byte.</summary>
    public int Position => _position;

    /// <summary>True once a read met truncated or invalid data.</summary>
    public bool IsMalformed => _malformed;

    /// <summary>Reads the next field key.</summary>
    /// <returns>False at the end of the input or on malformed data.</returns>
    public bool TryReadTag(out int fieldNumber, out WireType wireType)
    {
        fieldNumber = 0;
        wireType = WireType.Varint;
        if (_position >= _end)
        {
            return false;
        }

        ulong key;
        if (!TryReadVarint(out key) || key > 0xFFFFFFFF || (key >> 3) == 0)
        {
            _malformed = true;
            return false;
        }

        fieldNumber = (int)(key >> 3);
        wireType = (WireType)(int)(key & 7);
        return true;
    }

    /// <summary>Reads a varint of up to ten bytes.</summary>
    public bool TryReadVarint(out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _end)
            {
                _malformed = true;
                return false;
            }

            var b = _buffer[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        _malformed = true;
        return false;
    }

    /// <summary>Reads the length of a length-delimited field and returns where its bytes start.</summary>
    public bool TryReadLengthDelimited(out int offset, out int length)
    {
        offset = 0;
        length = 0;
        ulong raw;
        if (!TryReadVarint(out raw) || raw > (ulong)(_end - _position))
        {
            _malformed = true;
            return false;
        }

        offset = _position;
        length = (int)raw;
        _position += length;
        return true;
    }

    /// <summary>Skips the value of a field of <paramref name="wireType"/> (for unknown fields).</summary>
    public bool TrySkip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ulong ignored;
                return TryReadVarint(out ignored);
            case WireType.Fixed64:
                return TryAdvance(8);
            case WireType.Fixed32:
                return TryAdvance(4);
            case WireType.LengthDelimited:
                int offset;
                int length;
                return TryReadLengthDelimited(out offset, out length);
            default:
                // Groups (3, 4) are deprecated and never used by picket.v1; 6 and 7 are invalid.
                _malformed = true;
                return false;
        }
    }

    private bool TryAdvance(int count)
    {
        if (_end - _position < count)
        {
            _malformed = true;
            return false;
        }

        _position += count;
        return true;
    }
}
