using Picket.Gateway.Tracking;
using Picket.Nmea;
using Picket.Radar;

namespace Picket.Cli.Verbs.Track;

/// <summary>
/// NMEA 0183 ARPA target reports from a marine radar at <c>--radar-site</c> (else the mast): each
/// <c>$--TTM</c> (range and bearing) becomes a radar measurement of sensor <see cref="SensorId"/>,
/// each <c>$--TLL</c> (latitude and longitude) a position measurement of the same sensor. A radar
/// that sends both for one target computes the TLL from the same range and bearing: a TLL of a
/// target whose TTM arrived within <see cref="DuplicateWindowMicroseconds"/> is the same data and
/// is skipped (counted), never applied twice. A sentence's own UTC time is placed on the day
/// nearest the previous item's time (at first, <c>--start</c>); sentences without one take the
/// previous time. Other sentences are counted and skipped.
/// </summary>
internal sealed class NmeaReplaySource : IReplaySource
{
    /// <summary>The ARPA radar's sensor id (outside the SAC/SIC range of ASTERIX radars).</summary>
    public const int SensorId = 0x10000;

    /// <summary>A TLL this close (data time) to a TTM of the same target number repeats it.</summary>
    public const long DuplicateWindowMicroseconds = 2_000_000;

    private readonly long[] _lastTtmMicroseconds = new long[1000];
    private readonly byte[] _bytes;
    private readonly NmeaLineFramer _framer = new(NmeaLineFramer.DefaultMaxLength);
    private readonly NmeaFieldReader _fields = new();
    private readonly RadarSensor _sensor = new()
    {
        HasConfiguredSensorId = true,
        SensorId = SensorId,
        // ARPA targets are the radar's own smoothed tracks; typical marine radar accuracy.
        SigmaRangeMillimetres = 50_000,
        SigmaAzimuthMicrodegrees = 1_000_000,
    };

    private int _position;
    private RadarMeasurement _measurement;
    private bool _siteSet;

    public NmeaReplaySource(string description, byte[] bytes, long startUnixMicroseconds)
    {
        Description = description;
        _bytes = bytes;
        CurrentTimeUnixMicroseconds = startUnixMicroseconds;
    }

    public string Description { get; }

    public long CurrentTimeUnixMicroseconds { get; private set; }

    public long Sentences { get; private set; }

    public long Targets { get; private set; }

    public long Positions { get; private set; }

    public long DuplicatePositions { get; private set; }

    public string Summary => $"{Description}: {Sentences} sentences, {Targets} ARPA targets, {Positions} TLL positions ({DuplicatePositions} repeating a TTM skipped)";

    public bool MoveNext()
    {
        while (_position < _bytes.Length)
        {
            if (!_framer.Push(_bytes[_position++]))
            {
                continue;
            }

            Sentences++;
            if (_fields.Read(_framer.Line, _framer.LineLength) != NmeaStatus.Ok)
            {
                continue;
            }

            if (_fields.FormatterIs("TTM"))
            {
                if (ArpaSentenceParser.TryParseTtm(_fields, out var target) != NmeaStatus.Ok
                    || !RadarMeasurementBuilder.TryFromArpa(ref target, _sensor, CurrentTimeUnixMicroseconds, out _measurement))
                {
                    continue;
                }

                Targets++;
                _lastTtmMicroseconds[target.TargetNumber % _lastTtmMicroseconds.Length] = _measurement.TimeUnixMicroseconds;
                CurrentTimeUnixMicroseconds = _measurement.TimeUnixMicroseconds;
                return true;
            }

            if (_fields.FormatterIs("TLL"))
            {
                if (ArpaSentenceParser.TryParseTll(_fields, out var position) != NmeaStatus.Ok
                    || !RadarMeasurementBuilder.TryFromTll(ref position, _sensor, CurrentTimeUnixMicroseconds, out _measurement))
                {
                    continue;
                }

                var lastTtm = _lastTtmMicroseconds[position.TargetNumber % _lastTtmMicroseconds.Length];
                if (lastTtm != 0 && Math.Abs(_measurement.TimeUnixMicroseconds - lastTtm) <= DuplicateWindowMicroseconds)
                {
                    DuplicatePositions++;
                    continue;
                }

                Positions++;
                CurrentTimeUnixMicroseconds = _measurement.TimeUnixMicroseconds;
                return true;
            }
        }

        if (Sentences == 0 && _bytes.Length > 0)
        {
            throw new InputException($"{Description}: no NMEA 0183 sentence found in {_bytes.Length} bytes (expected lines starting with '$')");
        }

        return false;
    }

    public void Dispatch(TrackingPipeline pipeline)
    {
        if (!_siteSet)
        {
            _siteSet = true;
            pipeline.SetRadarSite(SensorId, pipeline.RadarSite ?? pipeline.Site);
        }

        pipeline.AddRadar(ref _measurement);
    }
}
