using BenchmarkDotNet.Attributes;
using Picket.ModeS;
using Picket.ModeS.Encoders;
using Picket.ModeS.Framing;

namespace Picket.Benchmarks;

/// <summary>
/// The core's Mode S encoders over 4,096 pre-drawn inputs (fixed seed), against the CRC of the
/// same frames as the baseline: the floor of any encoder. Every figure is per frame
/// (OperationsPerInvoke); allocated bytes per frame must be 0.
/// </summary>
[MemoryDiagnoser]
public class ModeSEncodeBenchmarks
{
    private const int Count = 4096;

    private readonly byte[] _frame = new byte[14];
    private readonly byte[] _beast = new byte[BeastWriter.MaxEncodedLength];
    private readonly int[] _latitudes = new int[Count];
    private readonly int[] _longitudes = new int[Count];
    private readonly int[] _altitudes = new int[Count];
    private readonly GroundVelocity[] _velocities = new GroundVelocity[Count];
    private readonly ulong[] _callsigns = new ulong[Count];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < Count; i++)
        {
            _latitudes[i] = random.Next(-(1 << 30), 1 << 30);
            _longitudes[i] = random.Next();
            _altitudes[i] = random.Next(-1000, 50_000);
            _velocities[i] = new GroundVelocity
            {
                EastKnots = random.Next(-600, 600),
                NorthKnots = random.Next(-600, 600),
                HasVerticalRate = true,
                VerticalRateFeetPerMinute = random.Next(-6000, 6000),
                BarometricVerticalRate = true,
            };
            CallsignAlphabet.TryPack("SIM" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), out _callsigns[i]);
        }
    }

    /// <summary>CRC-24 of 11 data bytes: what every extended squitter costs at least.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public uint CrcOnly()
    {
        uint sum = 0;
        for (var i = 0; i < Count; i++)
        {
            _frame[5] = (byte)i;
            sum += Crc24.Compute(_frame, 0, 11);
        }

        return sum;
    }

    /// <summary>DF17 TC 11: 25 ft altitude and CPR encoding of a position.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int AirbornePosition()
    {
        var sum = 0;
        for (var i = 0; i < Count; i++)
        {
            sum += ExtendedSquitterEncoder.EncodeAirbornePosition(0x4B1801, 5, 11, _altitudes[i], _latitudes[i], _longitudes[i], (i & 1) != 0, _frame, 0);
        }

        return sum;
    }

    /// <summary>DF17 TC 19 subtype 1.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Velocity()
    {
        var sum = 0;
        for (var i = 0; i < Count; i++)
        {
            sum += ExtendedSquitterEncoder.EncodeVelocity(0x4B1801, 5, ref _velocities[i], _frame, 0);
        }

        return sum;
    }

    /// <summary>DF17 TC 4.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Identification()
    {
        var sum = 0;
        for (var i = 0; i < Count; i++)
        {
            sum += ExtendedSquitterEncoder.EncodeIdentification(0x4B1801, 5, 1, 3, _callsigns[i], _frame, 0);
        }

        return sum;
    }

    /// <summary>Position encoded and written as a Beast frame (what the scenario recorder does per squitter).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int AirbornePositionToBeast()
    {
        var sum = 0;
        for (var i = 0; i < Count; i++)
        {
            ExtendedSquitterEncoder.EncodeAirbornePosition(0x4B1801, 5, 11, _altitudes[i], _latitudes[i], _longitudes[i], (i & 1) != 0, _frame, 0);
            sum += BeastWriter.Write(_frame, 0, 14, 12L * i, 40, _beast, 0);
        }

        return sum;
    }
}
