using BenchmarkDotNet.Attributes;
using Picket.Geodesy;
using Picket.Numerics;

namespace Picket.Benchmarks;

/// <summary>
/// Cost of the integer geodesy per ADS-B position (geodetic → plane), per published track
/// (plane → geodetic) and per ADS-B velocity (Jacobian), against a 400 km target.
/// </summary>
[MemoryDiagnoser]
public class MastPlaneBenchmarks
{
    private MastPlane _plane = null!;
    private long _latitude;
    private long _longitude;
    private long _east;
    private long _north;

    [GlobalSetup]
    public void Setup()
    {
        int saturations = 0;
        _plane = new MastPlane(Q2x61.FromDegreesE7(601_000_000, ref saturations), Q2x61.FromDegreesE7(255_000_000, ref saturations));
        _latitude = Q2x61.FromDegreesE7(625_000_000, ref saturations);
        _longitude = Q2x61.FromDegreesE7(310_000_000, ref saturations);
        _plane.ToPlane(_latitude, _longitude, out _east, out _north, ref saturations);
    }

    [Benchmark(Baseline = true)]
    public long ToPlane()
    {
        int saturations = 0;
        _plane.ToPlane(_latitude, _longitude, out long east, out long north, ref saturations);
        return east + north;
    }

    [Benchmark]
    public long ToGeodetic()
    {
        int saturations = 0;
        _plane.ToGeodetic(_east, _north, out long latitude, out long longitude, ref saturations);
        return latitude + longitude;
    }

    [Benchmark]
    public long VelocityToPlane()
    {
        int saturations = 0;
        _plane.VelocityToPlane(_latitude, _longitude, 10_000L << 32, 200L << 32, -50L << 32, out long east, out long north, ref saturations);
        return east + north;
    }
}
