namespace Picket.Tracking.Filter;

/// <summary>
/// A truth trajectory in the mast plane (racetrack: straight legs joined by coordinated 180°
/// turns, with climbs and descents) and noisy sensor measurements drawn from a seeded RNG. The
/// measurements are already quantised to the fixed-point formats, so the fixed filter and the
/// double shadow see identical inputs.
/// </summary>
internal sealed class SimulatedFlight
{
    public const double Q32 = 4294967296.0;
    public const double Q24 = 16777216.0;
    public const double Q61 = 2305843009213693952.0;

    public const double AdsbPositionSigma = 15;
    public const double AdsbVelocitySigma = 1;
    public const double HeightSigma = 10;
    public const double VerticalRateSigma = 1;
    public const double RadarRangeSigma = 40;
    public const double RadarAzimuthSigma = 0.002;

    private readonly Random _random;

    public SimulatedFlight(TargetClass targetClass, int seed)
    {
        _random = new Random(seed);
        (Speed, TurnRateRadiansPerSecond) = targetClass switch
        {
            TargetClass.Fighter => (300.0, 9 * Math.PI / 180),
            TargetClass.Drone => (30.0, 15 * Math.PI / 180),
            _ => (230.0, 3 * Math.PI / 180),
        };
    }

    public double Speed { get; }

    public double TurnRateRadiansPerSecond { get; }

    /// <summary>Truth at a time: east, north, height, v_east, v_north, v_up.</summary>
    public (double East, double North, double Height, double VelocityEast, double VelocityNorth, double VelocityUp) Truth(double seconds)
    {
        // Racetrack: 300 s leg, half-turn, 300 s leg, half-turn; heights cycle 9000 ↔ 10500 m.
        double turnDuration = Math.PI / TurnRateRadiansPerSecond;
        double legLength = Speed * 300;
        double radius = Speed / TurnRateRadiansPerSecond;
        double lap = 600 + 2 * turnDuration;
        double phase = seconds % lap;
        double east, north, velocityEast, velocityNorth;
        if (phase < 300)
        {
            east = 0;
            north = Speed * phase;
            velocityEast = 0;
            velocityNorth = Speed;
        }
        else if (phase < 300 + turnDuration)
        {
            double angle = (phase - 300) * TurnRateRadiansPerSecond;
            east = radius - radius * Math.Cos(angle);
            north = legLength + radius * Math.Sin(angle);
            velocityEast = Speed * Math.Sin(angle);
            velocityNorth = Speed * Math.Cos(angle);
        }
        else if (phase < 600 + turnDuration)
        {
            double along = phase - 300 - turnDuration;
            east = 2 * radius;
            north = legLength - Speed * along;
            velocityEast = 0;
            velocityNorth = -Speed;
        }
        else
        {
            double angle = (phase - 600 - turnDuration) * TurnRateRadiansPerSecond;
            east = radius + radius * Math.Cos(angle);
            north = -radius * Math.Sin(angle);
            velocityEast = -Speed * Math.Sin(angle);
            velocityNorth = -Speed * Math.Cos(angle);
        }

        // Climb at 10 m/s for 150 s, hold, descend, hold: a 1,500 s height cycle.
        double heightPhase = seconds % 1500;
        double height, velocityUp;
        if (heightPhase < 150)
        {
            height = 9000 + 10 * heightPhase;
            velocityUp = 10;
        }
        else if (heightPhase < 750)
        {
            height = 10500;
            velocityUp = 0;
        }
        else if (heightPhase < 900)
        {
            height = 10500 - 10 * (heightPhase - 750);
            velocityUp = -10;
        }
        else
        {
            height = 9000;
            velocityUp = 0;
        }

        // The racetrack sits 80 km east, 120 km south of the mast.
        return (80_000 + east, -120_000 + north, height, velocityEast, velocityNorth, velocityUp);
    }

    public double Gaussian(double sigma)
    {
        // Box-Muller on the seeded generator.
        double u1 = 1.0 - _random.NextDouble();
        double u2 = _random.NextDouble();
        return sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public int Jitter(int maximum) => _random.Next(maximum);

    public static long ToQ32(double value) => (long)Math.Round(value * Q32);

    public static long ToQ24(double value) => (long)Math.Round(value * Q24);
}
