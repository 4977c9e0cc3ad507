namespace Picket.ModeS.Framing;

/// <summary>
/// Frames AVR raw text one byte at a time: <c>*hex;</c> or <c>:hex;</c> (frame only), <c>@</c> or <c>%</c>
/// followed by a 12-digit 12 MHz timestamp and the frame, <c>&lt;</c> followed by the timestamp,
/// a 2-digit signal level and the frame. Frames are 4, 14 or 28 hex digits (Mode A/C, 56 or
/// 112 bits). A line ends the frame when the <c>;</c> is missing (CR/LF tolerant); a start
/// character inside a frame means it was cut short (counted, the new one is read); anything
/// else outside a frame is garbage and counted.
/// </summary>
public sealed class AvrFramer
{
    private const int MaxDigits = 14 + 28;

    private readonly byte[] _nibbles = new byte[MaxDigits];
    private readonly ModeSFrame _frame;
    private bool _inFrame;
    private int _prefixDigits;
    private int _count;

    /// <summary>Creates a framer that fills <paramref name="frame"/>.</summary>
    public AvrFramer(ModeSFrame frame)
    {
        _frame = frame ?? throw new System.ArgumentNullException(nameof(frame));
    }

    /// <summary>Frames delivered.</summary>
    public long Frames { get; private set; }

    /// <summary>Frames cut short by the next start character.</summary>
    public long TruncatedFrames { get; private set; }

    /// <summary>Frames with a wrong digit count or a non-hex character, dropped.</summary>
    public long MalformedFrames { get; private set; }

    /// <summary>Bytes outside any frame other than line ends and spaces.</summary>
    public long GarbageBytes { get; private set; }

    /// <summary>Consumes one byte; true when it completed a frame (then in the constructor's frame).</summary>
    public bool Push(byte value)
    {
        if (value == '*' || value == ':' || value == '@' || value == '%' || value == '<')
        {
            if (_inFrame)
            {
                TruncatedFrames++;
            }

            _inFrame = true;
            _count = 0;
            _prefixDigits = value == '*' || value == ':' ? 0 : (value == '<' ? 14 : 12);
            return false;
        }

        if (!_inFrame)
        {
            if (value != '\r' && value != '\n' && value != ' ')
            {
                GarbageBytes++;
            }

            return false;
        }

        if (value == ';' || value == '\r' || value == '\n')
        {
            _inFrame = false;
            return Finish();
        }

        var nibble = HexValue(value);
        if (nibble < 0 || _count == MaxDigits)
        {
            MalformedFrames++;
            _inFrame = false;
            return false;
        }

        _nibbles[_count++] = (byte)nibble;
        return false;
    }

    /// <summary>Forgets a partly read frame.</summary>
    public void Reset()
    {
        _inFrame = false;
    }

    private bool Finish()
    {
        var dataDigits = _count - _prefixDigits;
        if (dataDigits != 4 && dataDigits != 14 && dataDigits != 28)
        {
            MalformedFrames++;
            return false;
        }

        long timestamp = 0;
        var timestampDigits = _prefixDigits >= 12 ? 12 : 0;
        for (var i = 0; i < timestampDigits; i++)
        {
            timestamp = (timestamp << 4) | _nibbles[i];
        }

        var signal = _prefixDigits == 14 ? (_nibbles[12] << 4) | _nibbles[13] : 0;
        for (var i = 0; i < dataDigits / 2; i++)
        {
            _frame.Data[i] = (byte)((_nibbles[_prefixDigits + (2 * i)] << 4) | _nibbles[_prefixDigits + (2 * i) + 1]);
        }

        _frame.LengthBytes = dataDigits / 2;
        _frame.Kind = dataDigits == 4 ? ModeSFrameKind.ModeAC : (dataDigits == 14 ? ModeSFrameKind.ModeSShort : ModeSFrameKind.ModeSLong);
        _frame.IsSynthesized = timestamp == ModeSFrame.SynthesizedTimestamp;
        _frame.HasTimestamp = timestampDigits > 0 && timestamp != 0 && !_frame.IsSynthesized;
        _frame.TimestampTicks = timestamp;
        _frame.HasSignal = signal != 0;
        _frame.SignalLevel = signal;
        Frames++;
        return true;
    }

    private static int HexValue(byte value)
    {
        if (value >= '0' && value <= '9')
        {
            return value - '0';
        }

        if (value >= 'A' && value <= 'F')
        {
            return value - 'A' + 10;
        }

        if (value >= 'a' && value <= 'f')
        {
            return value - 'a' + 10;
        }

        return -1;
    }
}
