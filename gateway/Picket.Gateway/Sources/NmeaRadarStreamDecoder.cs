using System.Globalization;
using Picket.Gateway.Tracking;
using Picket.Nmea;
using Picket.Radar;
using Picket.Tracking;

namespace Picket.Gateway.Sources;

/// <summary>
/// NMEA 0183 ARPA target reports from a marine radar at the configured radar site (else the
/// mast): each <c>$--TTM</c> (range and bearing) becomes a radar measurement of sensor
/// <see cref="SensorId"/>, each <c>$--TLL</c> (latitude and longitude) a position measurement of
/// the same sensor. A radar that sends both for one target computes the TLL from the same range
/// and bearing: a TLL of a target whose TTM arrived within <see cref="DuplicateWindowMicroseconds"/>
/// is the same data and is skipped (counted), never applied twice. A sentence's own UTC time is
/// placed on the day nearest the previous item's time (in a replay at first the start; live the
/// arrival); sentences without one take that time. Other sentences are counted and skipped.
/// </summary>
public sealed class NmeaRadarStreamDecoder : StreamDecoder
{
    /// <summary>The ARPA radar's sensor id (outside the SAC/SIC range of ASTERIX radars).</summary>
    public const int SensorId = 0x10000;

    /// <summary>A TLL this close (data time) to a TTM of the same target number repeats it.</summary>
    public const long DuplicateWindowMicroseconds = 2_000_000;

    // Per target number, the last TTM's time (Track.NeverMicroseconds: none; 0 is a real time before which replays may start).
    private readonly long[] _lastTtmMicroseconds = NewTtmTimes();
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

    private readonly bool _replay;
    private RadarMeasurement _measurement;
    private bool _siteSet;

    /// <summary>A live decoder.</summary>
    public NmeaRadarStreamDecoder()
    {
    }

    /// <summary>A replay decoder.</summary>
    /// <param name="startUnixMicroseconds">The replay's start.</param>
    public NmeaRadarStreamDecoder(long startUnixMicroseconds)
    {
        _replay = true;
        CurrentTimeUnixMicroseconds = startUnixMicroseconds;
    }

    /// <summary>Sentences framed.</summary>
    public long Sentences { get; private set; }

    /// <summary>TTM target reports delivered.</summary>
    public long Targets { get; private set; }

    /// <summary>TLL positions delivered.</summary>
    public long Positions { get; private set; }

    /// <summary>TLL positions skipped as repeating a TTM.</summary>
    public long DuplicatePositions { get; private set; }

    /// <summary>Sentences that failed the checksum or field checks.</summary>
    public long Malformed { get; private set; }

    /// <inheritdoc />
    public override long Items => Targets + Positions;

    /// <inheritdoc />
    public override long DecodeErrors => Malformed;

    /// <inheritdoc />
    public override string Summary => string.Create(CultureInfo.InvariantCulture, $"{Sentences} sentences, {Targets} ARPA targets, {Positions} TLL positions ({DuplicatePositions} repeating a TTM skipped)");

    /// <inheritdoc />
    public override string? NothingFoundMessage(long totalBytes) => Sentences == 0 && totalBytes > 0
        ? string.Create(CultureInfo.InvariantCulture, $"no NMEA 0183 sentence found in {totalBytes} bytes (expected lines starting with '$')")
        : null;

    /// <inheritdoc />
    public override void Dispatch(TrackingPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!_siteSet)
        {
            _siteSet = true;
            pipeline.SetRadarSite(SensorId, pipeline.RadarSite ?? pipeline.Site);
        }

        pipeline.AddRadar(ref _measurement);
    }

    /// <inheritdoc />
    protected override void OnBegin(byte[] buffer, int offset, int count, long arrivalUnixMicroseconds)
    {
        if (!_replay)
        {
            CurrentTimeUnixMicroseconds = arrivalUnixMicroseconds;
        }
    }

    /// <inheritdoc />
    protected override bool TryReadItem(byte[] buffer, ref int position, int limit)
    {
        while (position < limit)
        {
            if (!_framer.Push(buffer[position++]))
            {
                continue;
            }

            Sentences++;
            if (_fields.Read(_framer.Line, _framer.LineLength) != NmeaStatus.Ok)
            {
                Malformed++;
                continue;
            }

            if (_fields.FormatterIs("TTM"))
            {
                if (ArpaSentenceParser.TryParseTtm(_fields, out var target) != NmeaStatus.Ok
                    || !RadarMeasurementBuilder.TryFromArpa(ref target, _sensor, CurrentTimeUnixMicroseconds, out _measurement))
                {
                    Malformed++;
                    continue;
                }

                Targets++;
                _lastTtmMicroseconds[target.TargetNumber % _lastTtmMicroseconds.Length] = _measurement.TimeUnixMicroseconds;
                CurrentTimeUnixMicroseconds = _measurement.TimeUnixMicroseconds;
                return true;
            }

            if (_fields.FormatterIs("TLL"))
            {
                if (ArpaSentenceParser.TryParseTll(_fields, out var targetPosition) != NmeaStatus.Ok
                    || !RadarMeasurementBuilder.TryFromTll(ref targetPosition, _sensor, CurrentTimeUnixMicroseconds, out _measurement))
                {
                    Malformed++;
                    continue;
                }

                var lastTtm = _lastTtmMicroseconds[targetPosition.TargetNumber % _lastTtmMicroseconds.Length];
                if (lastTtm != Track.NeverMicroseconds && Math.Abs(_measurement.TimeUnixMicroseconds - lastTtm) <= DuplicateWindowMicroseconds)
                {
                    DuplicatePositions++;
                    continue;
                }

                Positions++;
                CurrentTimeUnixMicroseconds = _measurement.TimeUnixMicroseconds;
                return true;
            }
        }

        return false;
    }

    private static long[] NewTtmTimes()
    {
        var times = new long[1000];
        Array.Fill(times, Track.NeverMicroseconds);
        return times;
    }
}
