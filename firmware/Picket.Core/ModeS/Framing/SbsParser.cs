namespace Picket.ModeS.Framing;

/// <summary>
/// Reads SBS-1/BaseStation CSV (port 30003) one byte at a time into a caller-owned
/// <see cref="SbsRecord"/>. A line is 22 comma-separated fields (10 or more for the non-MSG
/// types); empty fields are simply absent values. Lines that are too long, have too few fields,
/// an unknown message type or a malformed number are counted and skipped; CR/LF tolerant.
/// </summary>
public sealed partial class SbsParser
{
    /// <summary>Fields of a full MSG line.</summary>
    public const int FieldCount = 22;

    private readonly SbsRecord _record;
    private readonly byte[] _line;
    private readonly int[] _fieldStarts = new int[FieldCount + 1];
    private int _length;
    private bool _overlong;

    /// <summary>Creates a parser.</summary>
    /// <param name="record">Receives each line.</param>
    /// <param name="lineBuffer">Holds one line; 256 bytes is ample (real lines are under 150).</param>
    public SbsParser(SbsRecord record, byte[] lineBuffer)
    {
        _record = record ?? throw new System.ArgumentNullException(nameof(record));
        _line = lineBuffer ?? throw new System.ArgumentNullException(nameof(lineBuffer));
    }

    /// <summary>Lines parsed into the record.</summary>
    public long Records { get; private set; }

    /// <summary>Lines skipped as malformed (including blank-free garbage lines).</summary>
    public long MalformedLines { get; private set; }

    /// <summary>Bytes of skipped lines.</summary>
    public long GarbageBytes { get; private set; }

    /// <summary>Consumes one byte; true when it completed a line, parsed into the record.</summary>
    public bool Push(byte value)
    {
        if (value == '\n' || value == '\r')
        {
            if (_length == 0 && !_overlong)
            {
                return false;
            }

            var length = _length;
            var overlong = _overlong;
            _length = 0;
            _overlong = false;
            if (!overlong && Parse(length))
            {
                Records++;
                return true;
            }

            MalformedLines++;
            GarbageBytes += length;
            return false;
        }

        if (_length == _line.Length)
        {
            _overlong = true;
            GarbageBytes++;
            return false;
        }

        _line[_length++] = value;
        return false;
    }

    private bool Parse(int length)
    {
        var record = _record;
        record.Clear();
        var fields = 0;
        _fieldStarts[0] = 0;
        for (var i = 0; i < length && fields < FieldCount; i++)
        {
            if (_line[i] == ',')
            {
                fields++;
                _fieldStarts[fields] = i + 1;
            }
        }

        fields++;
        if (fields > FieldCount)
        {
            return false;
        }

        _fieldStarts[fields] = length + 1;
        record.MessageType = ParseType(Start(0), End(0));
        if (record.MessageType == SbsMessageType.Unknown || fields < 10 || (record.MessageType == SbsMessageType.Msg && fields != FieldCount))
        {
            return false;
        }

        return ParseFields(record, fields);
    }

    private int Start(int field)
    {
        return _fieldStarts[field];
    }

    private int End(int field)
    {
        return _fieldStarts[field + 1] - 1;
    }

    private SbsMessageType ParseType(int start, int end)
    {
        if (end - start != 3 && end - start != 2)
        {
            return SbsMessageType.Unknown;
        }

        if (Is(start, end, 'M', 'S', 'G'))
        {
            return SbsMessageType.Msg;
        }

        if (Is(start, end, 'S', 'E', 'L'))
        {
            return SbsMessageType.Sel;
        }

        if (Is(start, end, 'A', 'I', 'R'))
        {
            return SbsMessageType.Air;
        }

        if (Is(start, end, 'S', 'T', 'A'))
        {
            return SbsMessageType.Sta;
        }

        if (Is(start, end, 'C', 'L', 'K'))
        {
            return SbsMessageType.Clk;
        }

        return end - start == 2 && _line[start] == 'I' && _line[start + 1] == 'D' ? SbsMessageType.Id : SbsMessageType.Unknown;
    }

    private bool Is(int start, int end, char a, char b, char c)
    {
        return end - start == 3 && _line[start] == a && _line[start + 1] == b && _line[start + 2] == c;
    }
}
