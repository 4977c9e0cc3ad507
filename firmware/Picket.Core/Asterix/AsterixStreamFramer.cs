namespace Picket.Asterix;

/// <summary>
/// Finds ASTERIX data blocks in a serial byte stream, which has no datagram boundaries: a
/// byte-at-a-time state machine whose buffer the framer owns (nothing is allocated after
/// construction). A candidate must look plausible at every step (a category with a profile,
/// LEN from 4 to the buffer size, a non-empty first FSPEC octet) and, once LEN octets are in,
/// its records must walk to exactly LEN. On any failure the first octet is counted as skipped
/// and the search restarts at the next octet, re-examining what was already buffered.
/// </summary>
public sealed class AsterixStreamFramer
{
    private readonly byte[] _buffer;
    private readonly int[] _itemOffsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];
    private int _candidate;
    private int _filled;
    private int _readyLength;

    /// <summary>Creates a framer that accepts blocks of up to <paramref name="maxBlockLength"/> octets (4 to 65,535).</summary>
    public AsterixStreamFramer(int maxBlockLength)
    {
        if (maxBlockLength < 4 || maxBlockLength > 0xFFFF)
        {
            throw new System.ArgumentOutOfRangeException(nameof(maxBlockLength));
        }

        _buffer = new byte[maxBlockLength + 1];
    }

    /// <summary>The framer's buffer; after <see cref="Push"/> or <see cref="Advance"/> returned true the block is its first <see cref="BlockLength"/> octets.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Length of the block just framed.</summary>
    public int BlockLength => _readyLength;

    /// <summary>Octets discarded while searching for blocks, since construction.</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>Blocks framed since construction.</summary>
    public long BlockCount { get; private set; }

    /// <summary>
    /// Adds one received octet. Returns true when a whole block is ready in <see cref="Buffer"/>;
    /// the caller then uses it and calls <see cref="Advance"/> until it returns false, because
    /// octets buffered during a resynchronisation may hold further blocks.
    /// </summary>
    public bool Push(byte value)
    {
        Release();
        if (_filled == _buffer.Length)
        {
            Skip();
        }

        _buffer[_filled++] = value;
        return Advance();
    }

    /// <summary>Examines octets already buffered; true when another block is ready.</summary>
    public bool Advance()
    {
        Release();
        while (_candidate < _filled)
        {
            _candidate++;
            if (!IsPlausible())
            {
                Skip();
                continue;
            }

            if (_candidate >= 4 && _candidate == AsterixBytes.ReadUInt16(_buffer, 1))
            {
                if (AsterixDataBlock.Validate(_buffer, 0, _candidate, _itemOffsets, out _) == AsterixStatus.Ok)
                {
                    _readyLength = _candidate;
                    BlockCount++;
                    return true;
                }

                Skip();
            }
        }

        return false;
    }

    private bool IsPlausible()
    {
        switch (_candidate)
        {
            case 1:
                return AsterixUap.ForCategory(_buffer[0]) != null;
            case 3:
                var length = AsterixBytes.ReadUInt16(_buffer, 1);
                return length >= 4 && length < _buffer.Length;
            case 4:
                return _buffer[3] != 0;
            default:
                return true;
        }
    }

    private void Release()
    {
        if (_readyLength > 0)
        {
            Shift(_readyLength);
            _readyLength = 0;
        }
    }

    private void Skip()
    {
        SkippedBytes++;
        Shift(1);
    }

    private void Shift(int count)
    {
        for (var i = count; i < _filled; i++)
        {
            _buffer[i - count] = _buffer[i];
        }

        _filled -= count;
        _candidate = 0;
    }
}
