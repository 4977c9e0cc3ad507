namespace Picket.Nmea;

/// <summary>
/// Collects NMEA 0183 sentences from a serial byte stream one octet at a time, into a buffer
/// the framer owns (no allocation after construction). A sentence starts at <c>$</c> or
/// <c>!</c> and ends at CR or LF (NMEA 0183 section 5.3); octets outside a sentence and
/// sentences longer than the buffer are counted as skipped.
/// </summary>
public sealed class NmeaLineFramer
{
    /// <summary>NMEA 0183 limits a sentence to 82 characters including <c>$</c> and CR LF.</summary>
    public const int DefaultMaxLength = 82;

    private readonly byte[] _line;
    private int _length; // 0 outside a sentence: a sentence holds at least its start character

    /// <summary>Creates a framer for sentences of up to <paramref name="maxLength"/> characters.</summary>
    public NmeaLineFramer(int maxLength)
    {
        if (maxLength < 8)
        {
            throw new System.ArgumentOutOfRangeException(nameof(maxLength));
        }

        _line = new byte[maxLength];
    }

    /// <summary>The sentence buffer; after <see cref="Push"/> returned true the sentence is its first <see cref="LineLength"/> octets (no CR LF).</summary>
    public byte[] Line => _line;

    /// <summary>Length of the sentence just completed.</summary>
    public int LineLength { get; private set; }

    /// <summary>Octets discarded outside sentences or in over-long sentences.</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>Adds one octet; true when a sentence is complete in <see cref="Line"/>.</summary>
    public bool Push(byte value)
    {
        if (value == (byte)'$' || value == (byte)'!')
        {
            // A start character inside a sentence means the previous one was cut short.
            SkippedBytes += _length;
            _line[0] = value;
            _length = 1;
            return false;
        }

        if (value == (byte)'\r' || value == (byte)'\n')
        {
            if (_length == 0)
            {
                return false;
            }

            LineLength = _length;
            _length = 0;
            return true;
        }

        if (_length == 0)
        {
            SkippedBytes++;
            return false;
        }

        if (_length == _line.Length)
        {
            SkippedBytes += _length + 1;
            _length = 0;
            return false;
        }

        _line[_length++] = value;
        return false;
    }
}
