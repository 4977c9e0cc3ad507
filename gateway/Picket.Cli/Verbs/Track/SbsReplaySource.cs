using Picket.Gateway.Tracking;
using Picket.ModeS.Framing;
using Picket.Tracking.Measurements;

namespace Picket.Cli.Verbs.Track;

/// <summary>
/// SBS-1/BaseStation lines (already decoded by the receiver): each MSG line becomes one Mode S
/// observation (<see cref="SbsObservationBuilder"/>). The generated time of day (field 8) is placed on <c>--start</c>'s UTC date (the
/// nearest day, as for ASTERIX); lines without it take the previous line's time.
/// </summary>
internal sealed class SbsReplaySource : IReplaySource
{
    private const long MicrosecondsPerDay = 86_400_000_000L;
    private readonly byte[] _bytes;
    private readonly SbsRecord _record = new();
    private readonly SbsParser _parser;
    private readonly long _startUnixMicroseconds;
    private readonly long _startMidnightUnixMicroseconds;
    private int _position;
    private bool _endPushed;

    public SbsReplaySource(string description, byte[] bytes, long startUnixMicroseconds)
    {
        Description = description;
        _bytes = bytes;
        _parser = new SbsParser(_record, new byte[512]);
        _startUnixMicroseconds = startUnixMicroseconds;
        _startMidnightUnixMicroseconds = startUnixMicroseconds - (startUnixMicroseconds % MicrosecondsPerDay);
        CurrentTimeUnixMicroseconds = startUnixMicroseconds;
    }

    public string Description { get; }

    public long CurrentTimeUnixMicroseconds { get; private set; }

    public long Lines { get; private set; }

    public string Summary => $"{Description}: {Lines} SBS lines, {_parser.MalformedLines} malformed";

    public bool MoveNext()
    {
        while (_position < _bytes.Length || !_endPushed)
        {
            bool ready;
            if (_position < _bytes.Length)
            {
                ready = _parser.Push(_bytes[_position++]);
            }
            else
            {
                _endPushed = true;
                ready = _parser.Push((byte)'\n');
            }

            if (ready && _record.MessageType == SbsMessageType.Msg && _record.HasAddress)
            {
                Lines++;
                if (_record.HasGeneratedTime)
                {
                    var time = _startMidnightUnixMicroseconds + (_record.GeneratedTimeOfDayMilliseconds * 1000L);
                    // The day nearest --start (a capture started before midnight may run past it).
                    if (time - _startUnixMicroseconds > MicrosecondsPerDay / 2)
                    {
                        time -= MicrosecondsPerDay;
                    }

                    CurrentTimeUnixMicroseconds = time;
                }

                return true;
            }
        }

        if (Lines == 0 && _bytes.Length > 0)
        {
            throw new InputException($"{Description}: no SBS-1 MSG lines in {_bytes.Length} bytes (expected lines like MSG,3,1,1,4B1908,...)");
        }

        return false;
    }

    public void Dispatch(TrackingPipeline pipeline)
    {
        // The observation is built in the portable core, in integers: the same bits on every host.
        if (SbsObservationBuilder.TryBuild(_record, CurrentTimeUnixMicroseconds, out var observation))
        {
            pipeline.AddModeS(ref observation);
        }
    }
}
