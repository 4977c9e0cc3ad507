namespace Picket.Nmea;

/// <summary>
/// Checks one sentence's checksum and locates its comma-separated fields in place, so values
/// are parsed straight from the line buffer without substrings. Field 0 is the address
/// (talker + sentence formatter, e.g. <c>RATTM</c>). One instance is reused for every line.
/// </summary>
public sealed class NmeaFieldReader
{
    /// <summary>Most fields a sentence may have here.</summary>
    public const int MaxFields = 32;

    private readonly int[] _starts = new int[MaxFields];
    private readonly int[] _ends = new int[MaxFields];
    private byte[] _line;

    /// <summary>Fields found, including the address.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Verifies <c>$address,f1,...,fn*hh</c> (NMEA 0183 section 5.2.1: XOR of every character
    /// between <c>$</c> and <c>*</c>) and indexes the fields.
    /// </summary>
    public NmeaStatus Read(byte[] line, int length)
    {
        Count = 0;
        _line = line;
        if (length < 7 || (line[0] != (byte)'$' && line[0] != (byte)'!'))
        {
            return NmeaStatus.Malformed;
        }

        var star = -1;
        var checksum = 0;
        for (var i = 1; i < length; i++)
        {
            if (line[i] == (byte)'*')
            {
                star = i;
                break;
            }

            checksum ^= line[i];
        }

        if (star < 0)
        {
            return NmeaStatus.MissingChecksum;
        }

        var high = HexValue(star + 1 < length ? line[star + 1] : (byte)0);
        var low = HexValue(star + 2 < length ? line[star + 2] : (byte)0);
        if (high < 0 || low < 0 || star + 3 != length)
        {
            return NmeaStatus.Malformed;
        }

        if (((high << 4) | low) != checksum)
        {
            return NmeaStatus.BadChecksum;
        }

        var start = 1;
        for (var i = 1; i <= star; i++)
        {
            if (i == star || line[i] == (byte)',')
            {
                if (Count == MaxFields)
                {
                    return NmeaStatus.Malformed;
                }

                _starts[Count] = start;
                _ends[Count] = i;
                Count++;
                start = i + 1;
            }
        }

        return NmeaStatus.Ok;
    }

    /// <summary>True when the address ends with the 3-letter formatter, e.g. <c>TTM</c> (any talker).</summary>
    public bool FormatterIs(string formatter)
    {
        if (Count == 0 || _ends[0] - _starts[0] != 5)
        {
            return false;
        }

        for (var i = 0; i < 3; i++)
        {
            if (_line[_starts[0] + 2 + i] != formatter[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The address's three formatter characters packed as ('T' &lt;&lt; 16) | ('T' &lt;&lt; 8) | 'M'; 0 when absent.</summary>
    public int Formatter =>
        Count > 0 && _ends[0] - _starts[0] == 5 ? (_line[_starts[0] + 2] << 16) | (_line[_starts[0] + 3] << 8) | _line[_starts[0] + 4] : 0;

    /// <summary>True when field <paramref name="index"/> is missing or empty.</summary>
    public bool IsEmpty(int index) => index >= Count || _ends[index] == _starts[index];

    /// <summary>The first character of field <paramref name="index"/>, or 0 when empty.</summary>
    public char FirstChar(int index) => IsEmpty(index) ? '\0' : (char)_line[_starts[index]];

    /// <summary>Index in the line of field <paramref name="index"/>'s first character.</summary>
    public int StartOf(int index) => _starts[index];

    /// <summary>Length of field <paramref name="index"/>.</summary>
    public int LengthOf(int index) => index < Count ? _ends[index] - _starts[index] : 0;

    /// <summary>
    /// Parses field <paramref name="index"/> as an unsigned or signed base-10 number scaled by
    /// 10^<paramref name="decimals"/> (digits beyond are truncated): "1.43" with 4 decimals is 14,300.
    /// </summary>
    public bool TryGetFixed(int index, int decimals, out long value)
    {
        value = 0;
        if (IsEmpty(index))
        {
            return false;
        }

        var position = _starts[index];
        var end = _ends[index];
        var negative = _line[position] == (byte)'-';
        if (negative || _line[position] == (byte)'+')
        {
            position++;
        }

        var digits = 0;
        var fraction = -1;
        for (; position < end; position++)
        {
            var c = _line[position];
            if (c == (byte)'.' && fraction < 0)
            {
                fraction = 0;
                continue;
            }

            if (c < (byte)'0' || c > (byte)'9' || digits > 15)
            {
                return false;
            }

            digits++;
            if (fraction >= 0)
            {
                if (fraction == decimals)
                {
                    continue;
                }

                fraction++;
            }

            value = (value * 10) + (c - '0');
        }

        if (digits == 0)
        {
            return false;
        }

        for (var f = fraction < 0 ? 0 : fraction; f < decimals; f++)
        {
            value *= 10;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    private static int HexValue(byte c)
    {
        if (c >= (byte)'0' && c <= (byte)'9')
        {
            return c - '0';
        }

        if (c >= (byte)'A' && c <= (byte)'F')
        {
            return c - 'A' + 10;
        }

        return c >= (byte)'a' && c <= (byte)'f' ? c - 'a' + 10 : -1;
    }
}
