using System.Globalization;
using Picket.Gateway.Tracking;
using Picket.ModeS;
using Picket.ModeS.Framing;
using Picket.Radar;

namespace Picket.Gateway.Sources;

/// <summary>
/// Beast binary or AVR text frames into the Mode S pipeline. Time: in a replay, 12 MHz receiver
/// timestamps count from the replay's start at the first timestamped frame, and frames without
/// one (AVR <c>*</c>, MLAT synthesised) take the time of the previous frame. Live, every frame
/// takes the arrival time of the chunk that completed it, unless the stream carries GNSS time
/// (<see cref="BeastTimestampFormat.GpsSecondsOfDay"/>), which is placed on the day nearest the arrival.
/// </summary>
public sealed class ModeSStreamDecoder : StreamDecoder
{
    private const long TicksPerMicrosecond = 12;
    private const long NanosecondsMask = (1L << 30) - 1;
    private readonly ModeSFrame _frame = new();
    private readonly BeastFramer? _beast;
    private readonly AvrFramer? _avr;
    private readonly bool _replay;
    private readonly BeastTimestampFormat _timestampFormat;
    private readonly long _startUnixMicroseconds;
    private long _arrivalUnixMicroseconds;
    private bool _hasFirst;
    private long _firstTicks;
    private long _lastTicks;

    private ModeSStreamDecoder(bool beast)
    {
        Beast = beast;
        if (beast)
        {
            _beast = new BeastFramer(_frame);
        }
        else
        {
            _avr = new AvrFramer(_frame);
        }
    }

    /// <summary>A live decoder: frames are timed by arrival (or by their GNSS timestamp).</summary>
    /// <param name="beast">True for Beast binary, false for AVR text.</param>
    /// <param name="timestampFormat">What the receiver's timestamps count.</param>
    public ModeSStreamDecoder(bool beast, BeastTimestampFormat timestampFormat) : this(beast)
    {
        _timestampFormat = timestampFormat;
    }

    /// <summary>A replay decoder: 12 MHz timestamps count from <paramref name="startUnixMicroseconds"/>.</summary>
    /// <param name="beast">True for Beast binary, false for AVR text.</param>
    /// <param name="startUnixMicroseconds">UTC time of the first timestamped frame (or of <paramref name="ticksAtStart"/>).</param>
    /// <param name="ticksAtStart">The receiver tick that is <paramref name="startUnixMicroseconds"/>, or null for "the first frame's".</param>
    public ModeSStreamDecoder(bool beast, long startUnixMicroseconds, long? ticksAtStart) : this(beast)
    {
        _replay = true;
        _startUnixMicroseconds = startUnixMicroseconds;
        if (ticksAtStart is { } ticks)
        {
            _hasFirst = true;
            _firstTicks = ticks;
        }

        CurrentTimeUnixMicroseconds = startUnixMicroseconds;
    }

    /// <summary>True for Beast binary, false for AVR text.</summary>
    public bool Beast { get; }

    /// <summary>Frames delivered.</summary>
    public long Frames { get; private set; }

    /// <inheritdoc />
    public override long Items => Frames;

    /// <inheritdoc />
    public override long DecodeErrors => _beast is not null
        ? _beast.GarbageBytes + _beast.TruncatedFrames
        : _avr!.GarbageBytes + _avr.TruncatedFrames + _avr.MalformedFrames;

    /// <inheritdoc />
    public override string Summary => string.Create(CultureInfo.InvariantCulture, $"{Frames} frames");

    /// <summary>The frame just decoded (overwritten by the next).</summary>
    public ModeSFrame Frame => _frame;

    /// <inheritdoc />
    public override string? NothingFoundMessage(long totalBytes) => Frames == 0 && totalBytes > 0
        ? string.Create(CultureInfo.InvariantCulture, $"no Mode S frames in {totalBytes} bytes (is it {(_beast is not null ? "Beast binary" : "AVR text")}?)")
        : null;

    /// <inheritdoc />
    public override void Dispatch(TrackingPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (_frame.IsSynthesized || !_frame.HasTimestamp)
        {
            // No receiver clock on this frame: CPR pairing uses the last receiver time.
            _frame.HasTimestamp = false;
        }

        pipeline.AddModeSFrame(_frame, CurrentTimeUnixMicroseconds, _lastTicks);
    }

    /// <inheritdoc />
    protected override void OnBegin(byte[] buffer, int offset, int count, long arrivalUnixMicroseconds) =>
        _arrivalUnixMicroseconds = arrivalUnixMicroseconds;

    /// <inheritdoc />
    protected override bool TryReadItem(byte[] buffer, ref int position, int limit)
    {
        while (position < limit)
        {
            bool ready;
            if (_beast is not null)
            {
                position += _beast.Push(buffer, position, limit - position, out ready);
            }
            else
            {
                ready = _avr!.Push(buffer[position++]);
            }

            if (ready)
            {
                Frames++;
                if (_replay)
                {
                    TimeRecordedFrame();
                }
                else
                {
                    TimeLiveFrame();
                }

                return true;
            }
        }

        return false;
    }

    private void TimeRecordedFrame()
    {
        if (_frame.HasTimestamp && !_frame.IsSynthesized)
        {
            if (!_hasFirst)
            {
                _hasFirst = true;
                _firstTicks = _frame.TimestampTicks;
            }

            _lastTicks = _frame.TimestampTicks;
            CurrentTimeUnixMicroseconds = _startUnixMicroseconds + ((_frame.TimestampTicks - _firstTicks) / TicksPerMicrosecond);
        }
    }

    private void TimeLiveFrame()
    {
        CurrentTimeUnixMicroseconds = _arrivalUnixMicroseconds;
        if (!_frame.HasTimestamp || _frame.IsSynthesized)
        {
            return;
        }

        if (_timestampFormat == BeastTimestampFormat.GpsSecondsOfDay)
        {
            var secondsOfDay = _frame.TimestampTicks >> 30;
            var nanoseconds = _frame.TimestampTicks & NanosecondsMask;
            CurrentTimeUnixMicroseconds = AsterixTime.PlaceOnNearestDay((secondsOfDay * 1_000_000) + (nanoseconds / 1000), _arrivalUnixMicroseconds);
            // CPR pairing counts 12 MHz ticks: give it the GNSS time on one continuous line (no wrap at midnight).
            _frame.TimestampTicks = CurrentTimeUnixMicroseconds * TicksPerMicrosecond;
        }

        _lastTicks = _frame.TimestampTicks;
    }
}
