using Picket.Simulation.Geodesy;
using Picket.Simulation.Scenarios;

namespace Picket.Simulation.Truth;

/// <summary>Truth trajectories against kinematics: arc lengths, closed turn circles, climbs.</summary>
public class TargetMotionTests
{
    [Fact]
    public void AdvanceTo_StraightNorth_CoversTheMeridianArcOfSpeedTimesTime()
    {
        var motion = new TargetMotion(Target(59.0, 25.0, 0, 250, 0, []));

        motion.AdvanceTo(100_000_000);

        // Independent: the meridian arc length between the two latitudes by Simpson's rule over
        // the meridian radius of curvature M(phi).
        var arc = MeridianArc(59.0, motion.State.Position.LatitudeDegrees);
        Assert.Equal(25_000.0, arc, 0.01);
        Assert.Equal(25.0, motion.State.Position.LongitudeDegrees, 1e-12);
    }

    [Fact]
    public void AdvanceTo_FullCoordinatedTurn_ClosesACircleOfRadiusSpeedOverRate()
    {
        // 3 deg/s for 120 s is one full circle; radius v / omega.
        var start = new GeoPosition(59.5, 26.5, 3_000);
        var motion = new TargetMotion(Target(start.LatitudeDegrees, start.LongitudeDegrees, 3_000, 250, 90, [new LegDefinition { DurationS = 120, TurnRateDegS = 3 }]));
        var farthest = 0.0;
        for (var t = 0L; t <= 120_000_000; t += 500_000)
        {
            motion.AdvanceTo(t);
            farthest = Math.Max(farthest, Wgs84.ToEnu(start, motion.State.Position).Length);
        }

        var diameter = 2 * 250 / Wgs84.ToRadians(3);
        Assert.Equal(diameter, farthest, 1.0);
        Assert.True(Wgs84.ToEnu(start, motion.State.Position).Length < 1.0);
        Assert.Equal(90.0, motion.State.HeadingDegrees, 1e-3); // transport-rate terms cancel around a closed circle
    }

    [Fact]
    public void AdvanceTo_ClimbLeg_GainsVerticalRateTimesDuration()
    {
        var motion = new TargetMotion(Target(59.0, 25.0, 1_000, 200, 45, [new LegDefinition { DurationS = 60, VerticalRateMS = 50 }]));

        motion.AdvanceTo(90_000_000);

        Assert.Equal(4_000.0, motion.State.Position.HeightMetres, 1e-6);
        Assert.Equal(0.0, motion.State.VerticalRateMetresPerSecond);
    }

    [Fact]
    public void AdvanceTo_Acceleration_ChangesSpeedLinearly()
    {
        var motion = new TargetMotion(Target(59.0, 25.0, 1_000, 200, 45, [new LegDefinition { DurationS = 20, AccelerationMS2 = 5 }]));

        motion.AdvanceTo(20_000_000);

        Assert.Equal(300.0, motion.State.SpeedMetresPerSecond, 1e-9);
    }

    private static SimulatedTarget Target(double latitude, double longitude, double height, double speed, double heading, LegDefinition[] legs) => new()
    {
        Index = 0,
        Name = "t",
        Class = TargetClass.Airliner,
        AppearMicroseconds = 0,
        DisappearMicroseconds = long.MaxValue,
        Start = new GeoPosition(latitude, longitude, height),
        SpeedMetresPerSecond = speed,
        HeadingDegrees = heading,
        Legs = legs,
    };

    private static double MeridianArc(double fromDegrees, double toDegrees)
    {
        const int steps = 1000;
        var a = Wgs84.ToRadians(fromDegrees);
        var b = Wgs84.ToRadians(toDegrees);
        var h = (b - a) / steps;
        var sum = Wgs84.MeridianRadius(a) + Wgs84.MeridianRadius(b);
        for (var i = 1; i < steps; i++)
        {
            sum += (i % 2 == 1 ? 4 : 2) * Wgs84.MeridianRadius(a + (i * h));
        }

        return sum * h / 3;
    }
}
