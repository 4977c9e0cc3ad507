namespace Picket.ModeS;

/// <summary>
/// One received frame as a framer delivers it: the raw bytes, when it was received and how
/// strong it was. Owned by the caller and overwritten by each frame (no allocation per frame).
/// </summary>
public sealed class ModeSFrame
{
    /// <summary>The MLAT timestamp receivers put on frames they synthesised themselves (e.g. from MLAT results): "FF 00 4D 4C 41 54" ("..MLAT").</summary>
    public const long SynthesizedTimestamp = 0xFF004D4C4154;

    /// <summary>The frame bytes: 2 (Mode A/C), 7 (56-bit) or 14 (112-bit) of them are valid.</summary>
    public readonly byte[] Data = new byte[14];

    /// <summary>What kind of frame this is.</summary>
    public ModeSFrameKind Kind;

    /// <summary>Valid bytes in <see cref="Data"/>: 2, 7 or 14.</summary>
    public int LengthBytes;

    /// <summary>True when <see cref="TimestampTicks"/> is set.</summary>
    public bool HasTimestamp;

    /// <summary>Receiver timestamp, 12 MHz ticks (48 bits: wraps after about 271 days).</summary>
    public long TimestampTicks;

    /// <summary>True when the receiver marked the frame as synthesised (MLAT result, not heard on air): <see cref="SynthesizedTimestamp"/>.</summary>
    public bool IsSynthesized;

    /// <summary>True when <see cref="SignalLevel"/> is set.</summary>
    public bool HasSignal;

    /// <summary>Beast signal byte: the square root of the signal power scaled to 0-255 (see <see cref="BeastSignal"/>).</summary>
    public int SignalLevel;

    /// <summary>Copies another frame into this one.</summary>
    public void CopyFrom(ModeSFrame other)
    {
        for (var i = 0; i < 14; i++)
        {
            Data[i] = other.Data[i];
        }

        Kind = other.Kind;
        LengthBytes = other.LengthBytes;
        HasTimestamp = other.HasTimestamp;
        TimestampTicks = other.TimestampTicks;
        IsSynthesized = other.IsSynthesized;
        HasSignal = other.HasSignal;
        SignalLevel = other.SignalLevel;
    }
}
