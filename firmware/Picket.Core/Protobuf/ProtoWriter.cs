using System;

namespace Picket.Protobuf;

/// <summary>
/// Writes the Protocol Buffers wire format into a caller-owned byte array, without allocating.
/// Runs unchanged on nanoFramework (no spans, no generics), so the board and the Pi produce the
/// same bytes for the same message.
/// </summary>
/// <remarks>
/// Embedded messages are written between <see cref="BeginMessage"/> and <see cref="EndMessage"/>:
/// the writer reserves one length byte and, if the body turns out longer than 127 bytes, moves
/// the body up to make room for the longer varint. Nesting is limited to
/// <see cref="MaxDepth"/> levels.
/// Running out of room never throws: the writer stops, <see cref="HasOverflowed"/> turns true
/// and every later write is ignored, so the caller checks once at the end.
/// </remarks>
public sealed class ProtoWriter
{
    /// <summary>How many embedded messages may be open at once.</summary>
    public const int MaxDepth = 8;

    private readonly int[] _messageStarts = new int[MaxDepth];
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _position;
    private int _depth;
    private bool _overflowed;

    /// <summary>Creates a writer over the whole of <paramref name="buffer"/>.</summary>
    public ProtoWriter(byte[] buffer)
    {
        Reset(buffer, 0, buffer == null ? 0 : buffer.Length);
    }

    /// <summary>Bytes written since the last <see cref="Reset(byte[], int, int)"/>.</summary>
    public int Length => _position - _start;

    /// <summary>The index in the buffer where the next byte goes.</summary>
    public int Position => _position;

    /// <summary>True once a write did not fit; the output is then incomplete and must be discarded.</summary>
    public bool HasOverflowed => _overflowed;

    /// <summary>True while an embedded message is open.</summary>
    public bool IsInsideMessage => _depth > 0;

    /// <summary>Starts over on <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
    public void Reset(byte[] buffer, int offset, int count)
    {
        if (buffer == null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        if (offset < 0 || count < 0 || offset > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _buffer = buffer;
        _start = offset;
        _end = offset + count;
        _position = offset;
        _depth = 0;
        _overflowed = false;
    }

    /// <summary>Writes a field key: <c>(fieldNumber &lt;&lt; 3) | wireType</c>.</summary>
    /// <param name="fieldNumber">1 to 536,870,911 (2^29 - 1).</param>
    /// <param name="wireType">The field's wire type.</param>
    public void WriteTag(int fieldNumber, WireType wireType)
    {
        WriteVarint32((uint)((fieldNumber << 3) | (int)wireType));
    }

    /// <summary>Writes an unsigned varint of up to 5 bytes.</summary>
    public void WriteVarint32(uint value)
    {
        while (value >= 0x80)
        {
            WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte((byte)value);
    }

    /// <summary>Writes an unsigned varint of up to 10 bytes.</summary>
    public void WriteVarint64(ulong value)
    {
        while (value >= 0x80)
        {
            WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte((byte)value);
    }

    /// <summary>An <c>int32</c> field: negative values take 10 bytes (sign-extended), as the spec requires.</summary>
    public void WriteInt32(int fieldNumber, int value)
    {
        WriteTag(fieldNumber, WireType.Varint);
        WriteVarint64((ulong)(long)value);
    }

    /// <summary>An <c>int64</c> field.</summary>
    public void WriteInt64(int fieldNumber, long value)
    {
        WriteTag(fieldNumber, WireType.Varint);
        WriteVarint64((ulong)value);
    }

    /// <summary>A <c>uint32</c> field.</summary>
    public void WriteUInt32(int fieldNumber, uint value)
    {
        WriteTag(fieldNumber, WireType.Varint);
        WriteVarint32(value);
    }

    /// <summary>A <c>uint64</c> field.</summary>
    public void WriteUInt64(int fieldNumber, ulong value)
    {
        WriteTag(fieldNumber, WireType.Varint);
        WriteVarint64(value);
    }

    /// <summary>An <c>sint32</c> field (ZigZag: 0, -1, 1, -2 ... become 0, 1, 2, 3 ...).</summary>
    public void WriteSInt32(int fieldNumber, int value)
    {
        WriteTag(fieldNumber, WireType.Varint);
        WriteVarint32(ZigZag32(value));
    }

    /// <summary>An <c>sint64</c> field (ZigZag).</summary>
    public void WriteSInt64(int fieldNumber, long value)
    {
        WriteTag(fieldNumber, WireType.Varint);
        WriteVarint64(ZigZag64(value));
    }

    /// <summary>A <c>bool</c> field.</summary>
    public void WriteBool(int fieldNumber, bool value)
    {
        WriteTag(fieldNumber, WireType.Varint);
        WriteByte(value ? (byte)1 : (byte)0);
    }

    /// <summary>An enum field: the value as an <c>int32</c> varint.</summary>
    public void WriteEnum(int fieldNumber, int value)
    {
        WriteInt32(fieldNumber, value);
    }

    /// <summary>A <c>fixed32</c> field, little-endian.</summary>
    public void WriteFixed32(int fieldNumber, uint value)
    {
        WriteTag(fieldNumber, WireType.Fixed32);
        WriteRawFixed32(value);
    }

    /// <summary>An <c>sfixed32</c> field, little-endian two's complement.</summary>
    public void WriteSFixed32(int fieldNumber, int value)
    {
        WriteFixed32(fieldNumber, (uint)value);
    }

    /// <summary>A <c>fixed64</c> field, little-endian.</summary>
    public void WriteFixed64(int fieldNumber, ulong value)
    {
        WriteTag(fieldNumber, WireType.Fixed64);
        WriteRawFixed32((uint)value);
        WriteRawFixed32((uint)(value >> 32));
    }

    /// <summary>An <c>sfixed64</c> field, little-endian two's complement.</summary>
    public void WriteSFixed64(int fieldNumber, long value)
    {
        WriteFixed64(fieldNumber, (ulong)value);
    }

    /// <summary>A <c>bytes</c> field from <paramref name="count"/> bytes of <paramref name="source"/> at <paramref name="offset"/>.</summary>
    public void WriteBytes(int fieldNumber, byte[] source, int offset, int count)
    {
        WriteTag(fieldNumber, WireType.LengthDelimited);
        WriteVarint32((uint)count);
        if (!Reserve(count))
        {
            return;
        }

        Array.Copy(source, offset, _buffer, _position, count);
        _position += count;
    }

    /// <summary>A <c>string</c> field, encoded as UTF-8 (surrogate pairs joined; a lone surrogate becomes U+FFFD).</summary>
    public void WriteString(int fieldNumber, string value)
    {
        WriteTag(fieldNumber, WireType.LengthDelimited);
        if (value == null)
        {
            WriteByte(0);
            return;
        }

        WriteVarint32((uint)Utf8Length(value));
        for (var i = 0; i < value.Length; i++)
        {
            int c = value[i];
            if (c >= 0xD800 && c <= 0xDFFF)
            {
                var isPair = c <= 0xDBFF && i + 1 < value.Length && value[i + 1] >= 0xDC00 && value[i + 1] <= 0xDFFF;
                if (isPair)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (value[++i] - 0xDC00);
                }
                else
                {
                    c = 0xFFFD;
                }
            }

            WriteCodePoint(c);
        }
    }

    /// <summary>
    /// Opens an embedded message (or a packed repeated field) as field <paramref name="fieldNumber"/>;
    /// close it with <see cref="EndMessage"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">More than <see cref="MaxDepth"/> messages are open.</exception>
    public void BeginMessage(int fieldNumber)
    {
        if (_depth == MaxDepth)
        {
            throw new InvalidOperationException("ProtoWriter: embedded messages nested deeper than MaxDepth.");
        }

        WriteTag(fieldNumber, WireType.LengthDelimited);
        _messageStarts[_depth++] = _position;

        // One byte for the length; EndMessage widens it if the body needs more.
        WriteByte(0);
    }

    /// <summary>Closes the innermost embedded message and writes its length.</summary>
    /// <exception cref="InvalidOperationException">No message is open.</exception>
    public void EndMessage()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("ProtoWriter: EndMessage without BeginMessage.");
        }

        var lengthAt = _messageStarts[--_depth];
        if (_overflowed)
        {
            return;
        }

        var bodyStart = lengthAt + 1;
        var bodyLength = _position - bodyStart;
        var extra = VarintSize32((uint)bodyLength) - 1;
        if (extra > 0)
        {
            if (!Reserve(extra))
            {
                return;
            }

            Array.Copy(_buffer, bodyStart, _buffer, bodyStart + extra, bodyLength);
            _position += extra;
        }

        var at = lengthAt;
        var length = (uint)bodyLength;
        while (length >= 0x80)
        {
            _buffer[at++] = (byte)(length | 0x80);
            length >>= 7;
        }

        _buffer[at] = (byte)length;
    }

    /// <summary>Writes one raw byte.</summary>
    public void WriteByte(byte value)
    {
        if (_position >= _end)
        {
            _overflowed = true;
            return;
        }

        _buffer[_position++] = value;
    }

    /// <summary>The number of bytes <paramref name="value"/> takes as a varint (1 to 5).</summary>
    public static int VarintSize32(uint value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    /// <summary>ZigZag-encodes a 32-bit signed value.</summary>
    public static uint ZigZag32(int value) => (uint)((value << 1) ^ (value >> 31));

    /// <summary>ZigZag-encodes a 64-bit signed value.</summary>
    public static ulong ZigZag64(long value) => (ulong)((value << 1) ^ (value >> 63));

    private void WriteRawFixed32(uint value)
    {
        WriteByte((byte)value);
        WriteByte((byte)(value >> 8));
        WriteByte((byte)(value >> 16));
        WriteByte((byte)(value >> 24));
    }

    private void WriteCodePoint(int c)
    {
        if (c < 0x80)
        {
            WriteByte((byte)c);
        }
        else if (c < 0x800)
        {
            WriteByte((byte)(0xC0 | (c >> 6)));
            WriteByte((byte)(0x80 | (c & 0x3F)));
        }
        else if (c < 0x10000)
        {
            WriteByte((byte)(0xE0 | (c >> 12)));
            WriteByte((byte)(0x80 | ((c >> 6) & 0x3F)));
            WriteByte((byte)(0x80 | (c & 0x3F)));
        }
        else
        {
            WriteByte((byte)(0xF0 | (c >> 18)));
            WriteByte((byte)(0x80 | ((c >> 12) & 0x3F)));
            WriteByte((byte)(0x80 | ((c >> 6) & 0x3F)));
            WriteByte((byte)(0x80 | (c & 0x3F)));
        }
    }

    private static int Utf8Length(string value)
    {
        var length = 0;
        for (var i = 0; i < value.Length; i++)
        {
            int c = value[i];
            if (c < 0x80)
            {
                length += 1;
            }
            else if (c < 0x800)
            {
                length += 2;
            }
            else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < value.Length && value[i + 1] >= 0xDC00 && value[i + 1] <= 0xDFFF)
            {
                length += 4;
                i++;
            }
            else
            {
                // BMP characters and lone surrogates (written as U+FFFD) both take three bytes.
                length += 3;
            }
        }

        return length;
    }

    private bool Reserve(int count)
    {
        if (_overflowed || _end - _position < count)
        {
            _overflowed = true;
            return false;
        }

        return true;
    }
}
