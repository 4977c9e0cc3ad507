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

    [Fact]
    public void AddModeS_VelocityAtCruiseHeight_TrackKeepsToTheGroundPositions()
    {
        // An aircraft at FL350 (10.7 km) flies north at 240 m/s, its own speed, which ADS-B
        // reports: over the ground beneath it that is 240 R / (R + h), 0.40 m/s less (the scene's
        // sphere, radius R at the mast northwards). Exact positions every 0.5 s and the velocity
        // every 0.5 s: the track must stay on the positions. A filter that took 240 m/s as ground
        // speed ran ahead of them by metres (the busy sky's 3 m at 15 ms, found on the simulator).
        var scene = new TrackerScene();
        var height = 35_000 * 0.3048;
        var radius = TrackerScene.EarthRadius(0, 1);
        var groundSpeed = 240 * radius / (radius + height);
        for (var k = 0; k <= 240; k++)
        {
            var t = k * 0.5;
            scene.AdsbPosition(t, 0x4CA001, 0, 20_000 + (groundSpeed * t), altitudeFeet: 35_000);
            scene.AdsbVelocity(t + 0.25, 0x4CA001, 0, 240);
        }

        var report = scene.Reports.Last(r => r.IcaoAddress == 0x4CA001);
        var seconds = (report.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
        var (east, north) = TrackerScene.ToLocal(report.LatitudeE7, report.LongitudeE7);
        Assert.InRange(north - (20_000 + (groundSpeed * seconds)), -1.0, 1.0);
        Assert.InRange(east, -1.0, 1.0);

        // Reported as the aircraft's own velocity again.
        Assert.InRange(report.VelocityNorthMillimetresPerSecond, 239_800, 240_200);
    }
}
