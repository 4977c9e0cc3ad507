using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Picket.Contract.V1;
using Picket.Protobuf;
using Picket.Publishing;

namespace Picket.Benchmarks;

/// <summary>
/// Encoding one full TrackUpdate with the core's writer, against Google.Protobuf serializing the
/// same message into the same kind of buffer (the baseline): time and allocation per message.
/// </summary>
[MemoryDiagnoser]
public class ProtoWriterBenchmarks
{
    private readonly byte[] _buffer = new byte[512];
    private ProtoWriter _writer = null!;
    private TrackReport _report;
    private TrackUpdate _message = new();

    [GlobalSetup]
    public void Setup()
    {
        _writer = new ProtoWriter(_buffer);
        _report = new TrackReport
        {
            TrackId = 4711,
            Status = Picket.Publishing.TrackStatus.Confirmed,
            TimeUnixMicroseconds = 1_764_064_800_000_000,
            LatitudeE7 = 596_000_000,
            LongitudeE7 = 271_000_000,
            HasHeight = true,
            HeightMillimetres = 10_500_000,
            VelocityEastMillimetresPerSecond = 250_000,
            VelocityNorthMillimetresPerSecond = -12_000,
            PositionSigmaEastMillimetres = 35_000,
            PositionSigmaNorthMillimetres = 40_000,
            Sources = TrackSources.Adsb | TrackSources.RadarSsr,
            HasIcaoAddress = true,
            IcaoAddress = 0x4CA2D6,
            Callsign = "RYR4TX",
            Cooperative = true,
            UpdateCount = 120,
        };

        // The baseline serializes the same message (parsed from the core's bytes).
        _message = TrackUpdate.Parser.ParseFrom(_buffer, 0, TrackUpdateEncoder.Encode(ref _report, _buffer, 0));
    }

    [Benchmark]
    public int CoreProtoWriter() => TrackUpdateEncoder.Encode(_writer, ref _report, _buffer, 0);

    [Benchmark(Baseline = true)]
    public int GoogleProtobuf()
    {
        var output = new CodedOutputStream(_buffer);
        _message.WriteTo(output);
        return (int)output.Position;
    }
}
