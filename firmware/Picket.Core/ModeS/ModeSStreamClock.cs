namespace Picket.ModeS;

/// <summary>
/// One time base for one receiver stream, in 12 MHz ticks. A frame with a receiver timestamp is
/// timed by it; a frame without one (a bare AVR <c>*hex;</c> line, a synthesized timestamp) is
/// timed from the last timestamp seen plus the arrival time elapsed since, or by arrival alone
/// before any timestamp. A stream that mixes the two is then never checked against another time
/// base (issue 10: a bare DF4/5/20/21 reply was checked against the known-address table in host
/// time while the DF11/17/18 that marked it were in receiver time, and dropped).
/// </summary>
/// <remarks>
/// Only differences of these times mean anything (address expiry, CPR pair age, speed checks).
/// If bare frames came before the first timestamp, timestamps are shifted by a constant so that
/// the stream's time does not jump there; a stream with timestamps from its first frame keeps them
/// unchanged.
/// </remarks>
public sealed class ModeSStreamClock
{
    private bool _seenFrame;
    private bool _seenTimestamp;
    private long _timestampOffset;
    private long _lastTimestampTicks;
    private long _arrivalAtLastTimestampTicks;

    /// <summary>
    /// The stream time of a frame.
    /// </summary>
    /// <param name="hasTimestamp">True when the frame carries a receiver timestamp.</param>
    /// <param name="timestampTicks">The receiver timestamp, 12 MHz ticks (used when <paramref name="hasTimestamp"/>).</param>
    /// <param name="arrivalTicks">When the frame arrived by the host's monotonic clock, 12 MHz ticks.</param>
    /// <returns>The frame's time on the stream's one time base, 12 MHz ticks.</returns>
    public long Time(bool hasTimestamp, long timestampTicks, long arrivalTicks)
    {
        long time;
        if (hasTimestamp)
        {
            if (!_seenTimestamp)
            {
                // Continue from the bare frames' arrival time, if there were any.
                _timestampOffset = _seenFrame ? arrivalTicks - timestampTicks : 0;
                _seenTimestamp = true;
            }

            time = timestampTicks + _timestampOffset;
            _lastTimestampTicks = time;
            _arrivalAtLastTimestampTicks = arrivalTicks;
        }
        else if (_seenTimestamp)
        {
            // A host clock that steps back never moves the stream back past its last timestamp.
            long elapsed = arrivalTicks - _arrivalAtLastTimestampTicks;
            time = _lastTimestampTicks + (elapsed > 0 ? elapsed : 0);
        }
        else
        {
            time = arrivalTicks;
        }

        _seenFrame = true;
        return time;
    }

    /// <summary>Forgets the stream (a new connection or file).</summary>
    public void Reset()
    {
        _seenFrame = false;
        _seenTimestamp = false;
        _timestampOffset = 0;
        _lastTimestampTicks = 0;
        _arrivalAtLastTimestampTicks = 0;
    }
}
