using Picket.Tracking.Measurements;

namespace Picket.Tracking;

/// <summary>
/// Pressure altitude vs geometric height (issue 9): the filter and the report's height are geometric;
/// expected heights worked by hand (PressureAltitudeConversionTests).
/// Truth is the scene's double-precision sky.
/// </summary>
public class TrackerAltitudeTests
{
    [Fact]
    public void AddModeS_PressureAltitudeWithOwnGnssBaroDifference_GeometricHeightIsBaroPlusDifference()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 10; t++)
        {
            scene.AdsbPosition(t, 0x400006, 10_000 + (200.0 * t), 5_000, altitudeFeet: 30_000);
            var velocity = new ModeSObservation
            {
                TimeUnixMicroseconds = TrackerScene.At(t + 0.5),
                IcaoAddress = 0x400006,
                IsExtendedSquitter = true,
                HasVelocity = true,
                VelocityEastMillimetresPerSecond = 200_000,
                HasGeometricMinusBarometric = true,
                GeometricMinusBarometricMillimetres = 236_220, // +775 ft
            };
            scene.Tracker.AddModeS(ref velocity);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(12));

        var report = scene.Reports.Last(r => r.IcaoAddress == 0x400006);
        Assert.Equal(9_144_000, report.BarometricAltitudeMillimetres);
        Assert.InRange(report.HeightMillimetres, 9_380_220 - 5_000, 9_380_220 + 5_000);
        Assert.True(report.PositionSigmaUpMillimetres >= 14_900 && report.PositionSigmaUpMillimetres < 40_000, $"σ up {report.PositionSigmaUpMillimetres} mm");
    }


    [Fact]
    public void AddModeS_PressureAltitudeOnly_StandardAtmosphereHeightWithItsUncertainty()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 30; t++)
        {
            scene.AdsbPosition(t, 0x400007, 10_000 + (200.0 * t), 5_000, altitudeFeet: 30_000);
            scene.AdsbVelocity(t + 0.5, 0x400007, 200, 0);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(31));

        var report = scene.Reports.Last(r => r.IcaoAddress == 0x400007);
        Assert.Equal(9_144_000, report.BarometricAltitudeMillimetres);
        // ISA: 9,157.172 m geometric; the standard atmosphere's error is a bias, not averaged away.
        Assert.InRange(report.HeightMillimetres, 9_157_172 - 3_000, 9_157_172 + 3_000);
        Assert.InRange(report.PositionSigmaUpMillimetres, 199_000u, 201_000u);
    }


    [Fact]
    public void AddModeS_GnssHeight_UsedDirectlyAsGeometricHeight()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 5; t++)
        {
            var observation = AdsbObservations.Position(t, 0x400008, 10_000 + (200.0 * t), 5_000);
            observation.HasAltitude = false;
            observation.HasGeometricHeight = true;
            observation.GeometricHeightMillimetres = 3_048_000;
            scene.Tracker.AddModeS(ref observation);
            scene.AdsbVelocity(t + 0.5, 0x400008, 200, 0);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(7));

        var report = scene.Reports.Last(r => r.IcaoAddress == 0x400008);
        Assert.False(report.HasBarometricAltitude);
        Assert.InRange(report.HeightMillimetres, 3_048_000 - 2_000, 3_048_000 + 2_000);
    }

}
