using BenchmarkDotNet.Attributes;
using Picket.Publishing;

namespace Picket.Benchmarks;

/// <summary>Encoding one full TrackUpdate with the core's writer: time and allocation per message.</summary>
[MemoryDiagnoser]
public class ProtoWriterBenchmarks
{
    private readonly byte[] _buffer = new byte[512];
    private TrackReport _report;

    [GlobalSetup]
    public void Setup()
    {
        _report = new TrackReport
        {
            TrackId = 4711,
            Status = TrackStatus.Confirmed,
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
    }

    [Benchmark]
    public int EncodeTrackUpdate() => TrackUpdateEncoder.Encode(ref _report, _buffer, 0);
}
