using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Picket.Contract.V1;
using Picket.Publishing;
using Picket.Tracking;

namespace Picket.Benchmarks;

/// <summary>
/// Writing one whole uplink batch (300 track updates, 2 alerts, a health report with 3 inputs)
/// with the core's <see cref="UplinkBatchWriter"/>, against Google.Protobuf serializing the same
/// message into the same kind of buffer (the baseline): time and allocation per batch.
/// </summary>
[MemoryDiagnoser]
public class UplinkBatchWriterBenchmarks
{
    private const int Tracks = 300;
    private readonly byte[] _buffer = new byte[UplinkBatchWriter.DefaultMaxMessageLength + 4];
    private readonly TrackReport[] _reports = new TrackReport[Tracks];
    private readonly ZoneAlert[] _alerts = new ZoneAlert[2];
    private readonly GatewayHealthReport _health = new(3);
    private UplinkBatchWriter _writer = null!;
    private UplinkMessage _message = new();

    [GlobalSetup]
    public void Setup()
    {
        _writer = new UplinkBatchWriter(_buffer, UplinkBatchWriter.DefaultMaxMessageLength, 4096);
        for (var i = 0; i < Tracks; i++)
        {
            _reports[i] = new TrackReport
            {
                TrackId = 1000 + i,
                Status = Picket.Publishing.TrackStatus.Confirmed,
                TimeUnixMicroseconds = 1_764_064_800_000_000 + (i * 3_331),
                LatitudeE7 = 596_000_000 + (i * 10_007),
                LongitudeE7 = 271_000_000 - (i * 7_919),
                HasHeight = true,
                HeightMillimetres = 10_500_000 - (i * 1_000),
                VelocityEastMillimetresPerSecond = 250_000 - (i * 97),
                VelocityNorthMillimetresPerSecond = -12_000 + (i * 89),
                PositionSigmaEastMillimetres = 35_000,
                PositionSigmaNorthMillimetres = 40_000,
                Sources = TrackSources.Adsb | TrackSources.RadarSsr,
                HasIcaoAddress = true,
                IcaoAddress = 0x4CA2D6 + i,
                Callsign = "RYR" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Cooperative = true,
                UpdateCount = 120,
            };
        }

        _alerts[0] = new ZoneAlert { TimeUnixMicroseconds = 1_764_064_800_000_000, TrackId = 1001, ZoneName = "Gulf band", Event = ZoneAlertEvent.Enter };
        _alerts[1] = new ZoneAlert { TimeUnixMicroseconds = 1_764_064_800_000_000, TrackId = 1002, ZoneName = "Gulf band", Event = ZoneAlertEvent.Exit, DurationMicroseconds = 60_000_000 };
        _health.GatewayId = "mast-07";
        _health.UptimeSeconds = 86_400;
        _health.SourceCount = 3;
        for (var i = 0; i < 3; i++)
        {
            _health.Sources[i] = new SourceHealthReport { Name = "in" + i, Kind = "beast-serial", Connected = true, MessagesTotal = 1_000_000 * (i + 1) };
        }

        // The baseline serializes the same message (parsed from the core's bytes).
        _message = UplinkMessage.Parser.ParseFrom(_buffer, 0, CoreUplinkBatchWriter());
    }

    [Benchmark]
    public int CoreUplinkBatchWriter()
    {
        _writer.Begin("mast-07", 42, 1_764_064_801_000_000);
        for (var i = 0; i < _reports.Length; i++)
        {
            _writer.TryAddTrack(ref _reports[i]);
        }

        for (var i = 0; i < _alerts.Length; i++)
        {
            _writer.TryAddAlert(ref _alerts[i]);
        }

        _writer.TrySetHealth(_health);
        return _writer.Finish();
    }

    [Benchmark(Baseline = true)]
    public int GoogleProtobuf()
    {
        var output = new CodedOutputStream(_buffer);
        _message.WriteTo(output);
        return (int)output.Position;
    }
}
