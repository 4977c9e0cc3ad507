using Picket.ModeS.Cpr;

namespace Picket.ModeS;

/// <summary>
/// The receiver pipeline's bookkeeping: the known-aircraft table, the per-aircraft CPR state and
/// the counters, around the pure <see cref="ModeSDecoder"/>. One per receiver; allocates only
/// when constructed.
/// </summary>
public sealed class ModeSPipeline
{
    /// <summary>How long an address stays known after its last DF11/17/18 frame: 60 s in 12 MHz ticks.</summary>
    public const long DefaultAddressExpiryTicks = 60 * PositionLimits.TicksPerSecond;

    private readonly KnownAircraftTable _known;
    private readonly AircraftPositionTable _positions;
    private readonly ModeSStreamClock _clock = new ModeSStreamClock();
    private readonly int _maxCorrectedBits;

    /// <summary>Creates a pipeline.</summary>
    /// <param name="capacity">Aircraft slots of each table, a power of two (1,024 covers a busy site).</param>
    /// <param name="limits">Position plausibility limits.</param>
    /// <param name="maxCorrectedBits">0, 1 or 2 bits corrected in DF11/17/18 (readsb's default is 1; 2 for DF17/18 is optional).</param>
    public ModeSPipeline(int capacity, PositionLimits limits, int maxCorrectedBits)
    {
        _known = new KnownAircraftTable(capacity, DefaultAddressExpiryTicks);
        _positions = new AircraftPositionTable(capacity, limits);
        _maxCorrectedBits = maxCorrectedBits;
    }

    /// <summary>The per-aircraft position state (set its receiver position here).</summary>
    public AircraftPositionTable PositionTable => _positions;

    /// <summary>Frames processed.</summary>
    public long Frames { get; private set; }

    /// <summary>Frames decoded with trusted parity.</summary>
    public long Decoded { get; private set; }

    /// <summary>Frames decoded after correcting 1 or 2 bits.</summary>
    public long Corrected { get; private set; }

    /// <summary>Mode A/C frames passed over.</summary>
    public long ModeAC { get; private set; }

    /// <summary>Frames rejected for a length that does not match the format.</summary>
    public long RejectedLength { get; private set; }

    /// <summary>Frames rejected for an uncorrectable parity error.</summary>
    public long RejectedCrc { get; private set; }

    /// <summary>Address/parity frames rejected because the address is not known.</summary>
    public long RejectedUnknownAddress { get; private set; }

    /// <summary>Frames of formats without parity rules.</summary>
    public long RejectedUnsupportedFormat { get; private set; }

    /// <summary>Positions reported (confirmed).</summary>
    public long ConfirmedPositions { get; private set; }

    /// <summary>Positions decoded but not reported: range or speed check failed, zones differed.</summary>
    public long RejectedPositions { get; private set; }

    /// <summary>
    /// Decodes one frame and updates the tables. Frames are timed on the stream's one time base
    /// (<see cref="ModeSStreamClock"/>): by the frame's timestamp when it has one, else by the
    /// last timestamp seen plus the arrival time elapsed since (arrival alone before any).
    /// </summary>
    /// <param name="frame">The frame (corrected in place when bits are fixed).</param>
    /// <param name="fallbackTicks">When the frame arrived by the caller's monotonic clock, 12 MHz ticks.</param>
    /// <param name="message">The decoded message (valid for <see cref="ModeSFrameOutcome.Decoded"/>).</param>
    /// <param name="position">What became of the message's position, if it has one.</param>
    /// <param name="latitude">Position latitude, binary angle (for <see cref="PositionStatus.Confirmed"/>).</param>
    /// <param name="longitude">Position longitude, binary angle.</param>
    public ModeSFrameOutcome Process(ModeSFrame frame, long fallbackTicks, ref ModeSMessage message, out PositionStatus position, out int latitude, out int longitude)
    {
        Frames++;
        position = PositionStatus.NoPosition;
        latitude = 0;
        longitude = 0;

        // Every frame's timestamp moves the stream's clock, Mode A/C included.
        var now = _clock.Time(frame.HasTimestamp, frame.TimestampTicks, fallbackTicks);
        if (frame.Kind == ModeSFrameKind.ModeAC)
        {
            ModeAC++;
            return ModeSFrameOutcome.ModeAC;
        }

        if (!ModeSDecoder.Decode(frame.Data, 0, frame.LengthBytes, _known, now, _maxCorrectedBits, ref message))
        {
            RejectedLength++;
            return ModeSFrameOutcome.RejectedLength;
        }

        switch (message.CrcStatus)
        {
            case ModeSCrcStatus.Invalid:
                RejectedCrc++;
                return ModeSFrameOutcome.RejectedCrc;
            case ModeSCrcStatus.AddressUnconfirmed:
                RejectedUnknownAddress++;
                return ModeSFrameOutcome.RejectedUnknownAddress;
            case ModeSCrcStatus.NotChecked:
                RejectedUnsupportedFormat++;
                return ModeSFrameOutcome.RejectedUnsupportedFormat;
            case ModeSCrcStatus.Corrected:
                Corrected++;
                break;
            default:
                break;
        }

        Decoded++;
        position = _positions.Update(ref message, now, out latitude, out longitude);
        if (position == PositionStatus.Confirmed)
        {
            ConfirmedPositions++;
        }
        else if (position == PositionStatus.RejectedRange || position == PositionStatus.RejectedSpeed || position == PositionStatus.RejectedZoneMismatch)
        {
            RejectedPositions++;
        }

        return ModeSFrameOutcome.Decoded;
    }
}
