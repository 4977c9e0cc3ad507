using BenchmarkDotNet.Attributes;
using Picket.Numerics;
using Picket.Tracking.Filter;

namespace Picket.Benchmarks;

/// <summary>
/// One filter cycle, fixed point (the core) against double (same algorithm): predict by 1 s,
/// then either the four ADS-B scalar updates (east, north, v_east, v_north) or one radar plot
/// (range and cross-range); and the IMM with two position updates and the combination, with its
/// two nearly-constant-velocity modes alone and with the four coordinated-turn modes as well (the
/// tracker's aircraft of unknown class).
/// Allocation per cycle must be zero.
/// </summary>
[MemoryDiagnoser]
public class TrackFilterBenchmarks
{
    private const int Steps = 3600;
    private const double Speed = 230;
    private readonly TrackFilter _fixed = new();
    private readonly DoubleTrackFilter _double = new();
    private readonly InteractingMultipleModelFilter _imm = new(Q39x24.FromInteger(1), Q39x24.FromInteger(400), Q2x61.One / 20, Q2x61.One / 10);
    private readonly InteractingMultipleModelFilter _turningImm = new(Q39x24.FromInteger(1), Q39x24.FromInteger(400), Q2x61.One / 20, Q2x61.One / 10)
    {
        TurnRate = Q2x61.Pi / 120,
        WideTurnRate = Q2x61.Pi / 60,
        TurnDensity = Q39x24.One,
        QuietToTurn = Q2x61.One / 100_000 * 3,
        TurnToQuiet = Q2x61.One / 20,
    };
    private readonly double[] _noise = new double[Steps];
    private long _sine;
    private long _cosine;
    private int _fixedStep;
    private int _doubleStep;
    private int _immStep;
    private int _turningImmStep;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (int i = 0; i < Steps; i++)
        {
            _noise[i] = (random.NextDouble() - 0.5) * 30;
        }

        Trigonometry.SinCos(Q2x61.One / 2, out _sine, out _cosine);
        _fixedStep = Steps;
        _doubleStep = Steps;
        _immStep = Steps;
        _turningImmStep = Steps;
    }

    [Benchmark(Baseline = true)]
    public double DoubleAdsbCycle()
    {
        int step = NextDouble();
        double east = Speed * step + _noise[step];
        double nis = _double.Update(0, 1, -1, 0, east, 225);
        nis += _double.Update(1, 1, -1, 0, 50_000 + _noise[Steps - 1 - step], 225);
        nis += _double.Update(2, 1, -1, 0, Speed, 1);
        nis += _double.Update(3, 1, -1, 0, 0, 1);
        return nis;
    }

    [Benchmark]
    public long FixedAdsbCycle()
    {
        int step = NextFixed();
        long east = (long)((Speed * step + _noise[step]) * 4294967296.0);
        long nis = _fixed.UpdateEast(east, Q39x24.FromInteger(225));
        nis += _fixed.UpdateNorth((long)((50_000 + _noise[Steps - 1 - step]) * 4294967296.0), Q39x24.FromInteger(225));
        nis += _fixed.UpdateVelocityEast(Q31x32.FromInteger(230), Q39x24.One);
        nis += _fixed.UpdateVelocityNorth(0, Q39x24.One);
        return nis;
    }

    [Benchmark]
    public double DoubleRadarCycle()
    {
        int step = NextDouble();
        double range = 100_000 + _noise[step];
        double sine = Math.Sin(0.5), cosine = Math.Cos(0.5);
        return _double.Update(0, sine, 1, cosine, range, 1600) + _double.Update(0, cosine, 1, -sine, 0, 40_000);
    }

    [Benchmark]
    public long FixedRadarCycle()
    {
        int step = NextFixed();
        long range = (long)((100_000 + _noise[step]) * 4294967296.0);
        return _fixed.UpdateRadar(0, 0, range, _sine, _cosine, Q39x24.FromInteger(1600), Q39x24.FromInteger(40_000));
    }

    [Benchmark]
    public long FixedImmPositionCycle() => ImmPositionCycle(_imm, ref _immStep);

    [Benchmark]
    public long FixedImmWithTurnModesPositionCycle() => ImmPositionCycle(_turningImm, ref _turningImmStep);

    private long ImmPositionCycle(InteractingMultipleModelFilter imm, ref int immStep)
    {
        if (++immStep >= Steps)
        {
            immStep = 0;
            imm.Initialise(0, 0, Q31x32.FromInteger(50_000), Q39x24.FromInteger(225), Q31x32.FromInteger(230), 0, Q39x24.FromInteger(100));
        }
        else
        {
            imm.Predict(immStep * 1_000_000L);
        }

        long east = (long)((Speed * immStep + _noise[immStep]) * 4294967296.0);
        long nis = imm.Update(0, east, Q39x24.FromInteger(225));
        nis += imm.Update(1, (long)((50_000 + _noise[Steps - 1 - immStep]) * 4294967296.0), Q39x24.FromInteger(225));
        return nis + imm.Combine().Mean[0];
    }

    // Advances 1 s (predict included in the measured cost); restarts the track every hour so
    // positions stay in range however many invocations BenchmarkDotNet makes.
    private int NextFixed()
    {
        if (++_fixedStep >= Steps)
        {
            _fixedStep = 0;
            _fixed.Initialise(0, 0, Q31x32.FromInteger(50_000), Q39x24.FromInteger(225), Q31x32.FromInteger(230), 0, Q39x24.FromInteger(100));
        }
        else
        {
            _fixed.Predict(_fixedStep * 1_000_000L);
        }

        return _fixedStep;
    }

    private int NextDouble()
    {
        if (++_doubleStep >= Steps)
        {
            _doubleStep = 0;
            _double.Initialise(0, 0, 50_000, 225, 230, 0, 100);
        }
        else
        {
            _double.Predict(_doubleStep * 1_000_000L);
        }

        return _doubleStep;
    }
}
