using Picket.Gateway.Tracking;
using Picket.ModeS;
using Picket.ModeS.Framing;

namespace Picket.Cli.Verbs.Track;

/// <summary>
/// Beast binary or AVR text frames from a file. 12 MHz receiver timestamps count from
/// <c>--start</c> at the first timestamped frame; frames without one (AVR <c>*</c>, MLAT
/// synthesised) take the time of the previous frame.
/// </summary>
internal sealed class ModeSReplaySource : IReplaySource
{
    private const long TicksPerMicrosecond = 12;
    private readonly byte[] _bytes;
    private readonly ModeSFrame _frame = new();
    private readonly BeastFramer? _beast;
    private readonly AvrFramer? _avr;
    private readonly long _startUnixMicroseconds;
    private int _position;
    private bool _hasFirst;
    private long _firstTicks;
    private long _lastTicks;

    /// <summary>Reads frames from <paramref name="bytes"/>.</summary>
    /// <param name="description">The input as named on the command line.</param>
    /// <param name="bytes">The file's content.</param>
    /// <param name="beast">True for Beast binary, false for AVR text.</param>
    /// <param name="startUnixMicroseconds">UTC time of the first frame (or of <paramref name="ticksAtStart"/>).</param>
    /// <param name="ticksAtStart">The receiver tick that is <paramref name="startUnixMicroseconds"/>, or null for "the first frame's".</param>
    public ModeSReplaySource(string description, byte[] bytes, bool beast, long startUnixMicroseconds, long? ticksAtStart = null)
    {
        if (ticksAtStart is { } ticks)
        {
            _hasFirst = true;
            _firstTicks = ticks;
        }

        Description = description;
        _bytes = bytes;
        _startUnixMicroseconds = startUnixMicroseconds;
        if (beast)
        {
            _beast = new BeastFramer(_frame);
        }
        else
        {
            _avr = new AvrFramer(_frame);
        }

        CurrentTimeUnixMicroseconds = startUnixMicroseconds;
    }

    public string Description { get; }

    public long CurrentTimeUnixMicroseconds { get; private set; }

    public long Frames { get; private set; }

    public string Summary => $"{Description}: {Frames} frames";

    public long FramerFrames => _beast?.Frames ?? _avr!.Frames;

    public bool MoveNext()
    {
        while (_position < _bytes.Length)
        {
            bool ready;
            if (_beast is not null)
            {
                _position += _beast.Push(_bytes, _position, _bytes.Length - _position, out ready);
            }
            else
            {
                ready = _avr!.Push(_bytes[_position++]);
            }

            if (ready)
            {
                Frames++;
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

                return true;
            }
        }

        if (Frames == 0 && _bytes.Length > 0)
        {
            throw new InputException($"{Description}: no Mode S frames in {_bytes.Length} bytes (is it {(_beast is not null ? "Beast binary" : "AVR text")}?)");
        }

        return false;
    }

    public void Dispatch(TrackingPipeline pipeline)
    {
        if (_frame.IsSynthesized || !_frame.HasTimestamp)
        {
            // No receiver clock on this frame: CPR pairing uses the last receiver time.
            _frame.HasTimestamp = false;
        }

        pipeline.AddModeSFrame(_frame, CurrentTimeUnixMicroseconds, _lastTicks);
    }
}
