using System.Globalization;
using Picket.Gateway.Tracking;
using Picket.ModeS.Framing;
using Picket.Radar;
using Picket.Tracking.Measurements;

namespace Picket.Gateway.Sources;

/// <summary>
/// SBS-1/BaseStation lines (already decoded by the receiver, e.g. readsb's port 30003): each MSG
/// line becomes one Mode S observation (<see cref="SbsObservationBuilder"/>). The generated time
/// of day (field 8) is placed in a replay on the start's UTC date (the nearest day to the start),
/// live on the day nearest the arrival; lines without it take the previous line's time (live: the
/// arrival).
/// </summary>
public sealed class SbsStreamDecoder : StreamDecoder
{
    private const long MicrosecondsPerDay = 86_400_000_000L;
    private readonly SbsRecord _record = new();
    private readonly SbsParser _parser;
    private readonly bool _replay;
    private readonly long _startUnixMicroseconds;
    private readonly long _startMidnightUnixMicroseconds;
    private long _arrivalUnixMicroseconds;

    /// <summary>A live decoder.</summary>
    public SbsStreamDecoder()
    {
        _parser = new SbsParser(_record, new byte[512]);
    }

    /// <summary>A replay decoder: times of day are placed on the day nearest <paramref name="startUnixMicroseconds"/>.</summary>
    /// <param name="startUnixMicroseconds">The replay's start.</param>
    public SbsStreamDecoder(long startUnixMicroseconds) : this()
    {
        _replay = true;
        _startUnixMicroseconds = startUnixMicroseconds;
        // The start's UTC midnight, floored (C#'s % truncates towards zero: before 1970 the
        // remainder is negative and would give the next midnight).
        var sinceMidnight = startUnixMicroseconds % MicrosecondsPerDay;
        _startMidnightUnixMicroseconds = startUnixMicroseconds - (sinceMidnight < 0 ? sinceMidnight + MicrosecondsPerDay : sinceMidnight);
        CurrentTimeUnixMicroseconds = startUnixMicroseconds;
    }

    /// <summary>MSG lines with an address delivered.</summary>
    public long Lines { get; private set; }

    /// <inheritdoc />
    public override long Items => Lines;

    /// <inheritdoc />
    public override long DecodeErrors => _parser.MalformedLines;

    /// <inheritdoc />
    public override string Summary => string.Create(CultureInfo.InvariantCulture, $"{Lines} SBS lines, {_parser.MalformedLines} malformed");

    /// <inheritdoc />
    public override string? NothingFoundMessage(long totalBytes) => Lines == 0 && totalBytes > 0
        ? string.Create(CultureInfo.InvariantCulture, $"no SBS-1 MSG lines in {totalBytes} bytes (expected lines like MSG,3,1,1,4B1908,...)")
        : null;

    /// <inheritdoc />
    public override bool MoveNextAtEnd() => Accept(_parser.Push((byte)'\n'));

    /// <inheritdoc />
    public override void Dispatch(TrackingPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        // The observation is built in the portable core, in integers: the same bits on every host.
        if (SbsObservationBuilder.TryBuild(_record, CurrentTimeUnixMicroseconds, out var observation))
        {
            pipeline.AddModeS(ref observation);
        }
    }

    /// <inheritdoc />
    protected override void OnBegin(byte[] buffer, int offset, int count, long arrivalUnixMicroseconds) =>
        _arrivalUnixMicroseconds = arrivalUnixMicroseconds;

    /// <inheritdoc />
    protected override bool TryReadItem(byte[] buffer, ref int position, int limit)
    {
        while (position < limit)
        {
            if (Accept(_parser.Push(buffer[position++])))
            {
                return true;
            }
        }

        return false;
    }

    private bool Accept(bool ready)
    {
        if (!ready || _record.MessageType != SbsMessageType.Msg || !_record.HasAddress)
        {
            return false;
        }

        Lines++;
        if (!_replay)
        {
            CurrentTimeUnixMicroseconds = _record.HasGeneratedTime
                ? AsterixTime.PlaceOnNearestDay(_record.GeneratedTimeOfDayMilliseconds * 1000L, _arrivalUnixMicroseconds)
                : _arrivalUnixMicroseconds;
            return true;
        }

        if (_record.HasGeneratedTime)
        {
            var time = _startMidnightUnixMicroseconds + (_record.GeneratedTimeOfDayMilliseconds * 1000L);
            // The day nearest the start (a capture started before midnight may run past it).
            if (time - _startUnixMicroseconds > MicrosecondsPerDay / 2)
            {
                time -= MicrosecondsPerDay;
            }

            CurrentTimeUnixMicroseconds = time;
        }

        return true;
    }
}
