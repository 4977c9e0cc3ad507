using Picket.Gateway.Tracking;
using Picket.ModeS.Framing;
using Picket.Tracking.Measurements;

namespace Picket.Cli.Verbs.Track;

/// <summary>
/// SBS-1/BaseStation lines (already decoded by the receiver): each MSG line becomes one Mode S
/// observation. The generated time of day (field 8) is placed on <c>--start</c>'s UTC date (the
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
        var observation = new ModeSObservation
        {
            TimeUnixMicroseconds = CurrentTimeUnixMicroseconds,
            IcaoAddress = (int)(_record.Address & 0xFFFFFF),
            // Transmission types 1-4 are extended squitters; 5-8 are surveillance replies and all-calls.
            IsExtendedSquitter = _record.TransmissionType is >= 1 and <= 4,
            HasPosition = _record.HasPosition,
            LatitudeE7 = _record.LatitudeE7,
            LongitudeE7 = _record.LongitudeE7,
            PositionSigmaMillimetres = pipeline.Tracker.Configuration.AdsbPositionSigmaMillimetres,
            HasAltitude = _record.HasAltitude,
            AltitudeFeet = _record.AltitudeFeet,
            HasSquawk = _record.HasSquawk,
            Squawk = _record.Squawk,
            HasVerticalRate = _record.HasVerticalRate,
            VerticalRateMillimetresPerSecond = _record.VerticalRateFeetPerMinute * 508 / 100,
        };
        if (_record.HasGroundSpeed && _record.HasTrack)
        {
            var speed = _record.GroundSpeedMilliknots * (1852.0 / 3600) / 1000;
            var track = _record.TrackMillidegrees / 1000.0 * Math.PI / 180;
            observation.HasVelocity = true;
            observation.VelocityEastMillimetresPerSecond = (int)Math.Round(speed * Math.Sin(track) * 1000);
            observation.VelocityNorthMillimetresPerSecond = (int)Math.Round(speed * Math.Cos(track) * 1000);
        }

        if (_record.CallsignLength > 0)
        {
            observation.HasCallsign = true;
            observation.CallsignCharacters = EncodeCallsign(_record.Callsign, _record.CallsignLength);
        }

        pipeline.AddModeS(ref observation);
    }

    // Six-bit IA-5 codes (DO-260B table A-7): A-Z are 1-26, digits keep their ASCII code, space is 32.
    private static ulong EncodeCallsign(char[] characters, int length)
    {
        ulong packed = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = i < length ? char.ToUpperInvariant(characters[i]) : ' ';
            var code = c is >= 'A' and <= 'Z' ? c - 'A' + 1 : c is >= '0' and <= '9' ? c : 32;
            packed = (packed << 6) | (uint)code;
        }

        return packed;
    }
}
