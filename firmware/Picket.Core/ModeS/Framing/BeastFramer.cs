namespace Picket.ModeS.Framing;

/// <summary>
/// Frames the Mode-S Beast binary protocol (receivers' serial output at 3 Mbaud and TCP port
/// 30005) one byte at a time: <c>0x1a</c>, a type byte, a 6-byte 12 MHz timestamp, a signal byte
/// and the frame; every <c>0x1a</c> after the type byte is doubled. Types '1' (Mode A/C, 2 bytes),
/// '2' (56-bit) and '3' (112-bit) are delivered; '4' (receiver status) and '5' (Radarcape
/// position) are counted and skipped. A <c>0x1a</c> followed by a type byte inside a frame
/// means the frame was cut short: it is counted as truncated and the new frame is read.
/// Bytes outside any frame are counted as garbage. The caller owns the output frame.
/// </summary>
public sealed class BeastFramer
{
    private const byte Escape = 0x1A;
    private const int HeaderBytes = 7;

    private readonly byte[] _payload = new byte[HeaderBytes + 14];
    private readonly ModeSFrame _frame;
    private BeastState _state;
    private byte _type;
    private int _expected;
    private int _count;
    private bool _escapePending;

    /// <summary>Creates a framer that fills <paramref name="frame"/>.</summary>
    public BeastFramer(ModeSFrame frame)
    {
        _frame = frame ?? throw new System.ArgumentNullException(nameof(frame));
    }

    /// <summary>Frames delivered (types '1' to '3').</summary>
    public long Frames { get; private set; }

    /// <summary>Status ('4') and Radarcape position ('5') messages skipped.</summary>
    public long SkippedMessages { get; private set; }

    /// <summary>Frames cut short by the start of the next one.</summary>
    public long TruncatedFrames { get; private set; }

    /// <summary>Bytes outside any frame (including a 0x1a followed by an unknown type).</summary>
    public long GarbageBytes { get; private set; }

    /// <summary>
    /// Consumes one byte. Returns true when it completed a frame, which is then in the frame
    /// given to the constructor until the next call.
    /// </summary>
    public bool Push(byte value)
    {
        switch (_state)
        {
            case BeastState.Idle:
                if (value == Escape)
                {
                    _state = BeastState.Type;
                }
                else
                {
                    GarbageBytes++;
                }

                return false;
            case BeastState.Type:
                return StartFrame(value);
            default:
                return ReadPayload(value);
        }
    }

    /// <summary>Consumes <paramref name="count"/> bytes; stops after the first completed frame.</summary>
    /// <returns>Bytes consumed (up to and including the byte that completed a frame).</returns>
    public int Push(byte[] buffer, int offset, int count, out bool frameReady)
    {
        var i = offset;
        var end = offset + count;
        while (i < end)
        {
            if (_state == BeastState.Payload && !_escapePending)
            {
                // Fast path: payload bytes other than 0x1a are copied without going through the state switch.
                var value = buffer[i];
                if (value != Escape && _count < _expected - 1)
                {
                    _payload[_count++] = value;
                    i++;
                    continue;
                }
            }

            if (Push(buffer[i++]))
            {
                frameReady = true;
                return i - offset;
            }
        }

        frameReady = false;
        return count;
    }

    /// <summary>Forgets a partly read frame (after a reconnect).</summary>
    public void Reset()
    {
        _state = BeastState.Idle;
        _escapePending = false;
    }

    private bool StartFrame(byte type)
    {
        int dataBytes;
        switch (type)
        {
            case (byte)'1': dataBytes = 2; break;
            case (byte)'2': dataBytes = 7; break;
            case (byte)'3':
            case (byte)'4':
            case (byte)'5': dataBytes = 14; break;
            case Escape:
                // 0x1a 0x1a outside a frame: the first is garbage, the second may start a frame.
                GarbageBytes++;
                return false;
            default:
                GarbageBytes += 2;
                _state = BeastState.Idle;
                return false;
        }

        _type = type;
        _expected = HeaderBytes + dataBytes;
        _count = 0;
        _escapePending = false;
        _state = BeastState.Payload;
        return false;
    }

    private bool ReadPayload(byte value)
    {
        if (_escapePending)
        {
            _escapePending = false;
            if (value != Escape)
            {
                // A lone 0x1a inside a frame starts the next frame: this one was cut short.
                TruncatedFrames++;
                return StartFrame(value);
            }
        }
        else if (value == Escape)
        {
            _escapePending = true;
            return false;
        }

        _payload[_count++] = value;
        if (_count < _expected)
        {
            return false;
        }

        _state = BeastState.Idle;
        if (_type == (byte)'4' || _type == (byte)'5')
        {
            SkippedMessages++;
            return false;
        }

        Deliver();
        return true;
    }

    private void Deliver()
    {
        long timestamp = 0;
        for (var i = 0; i < 6; i++)
        {
            timestamp = (timestamp << 8) | _payload[i];
        }

        var dataBytes = _expected - HeaderBytes;
        for (var i = 0; i < dataBytes; i++)
        {
            _frame.Data[i] = _payload[HeaderBytes + i];
        }

        _frame.LengthBytes = dataBytes;
        _frame.Kind = _type == (byte)'1' ? ModeSFrameKind.ModeAC : (_type == (byte)'2' ? ModeSFrameKind.ModeSShort : ModeSFrameKind.ModeSLong);
        _frame.IsSynthesized = timestamp == ModeSFrame.SynthesizedTimestamp;
        _frame.HasTimestamp = timestamp != 0 && !_frame.IsSynthesized;
        _frame.TimestampTicks = timestamp;
        _frame.SignalLevel = _payload[6];
        _frame.HasSignal = _payload[6] != 0;
        Frames++;
    }
}
