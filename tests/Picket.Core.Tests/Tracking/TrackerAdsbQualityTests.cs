using Picket.Tracking.Measurements;

namespace Picket.Tracking;

/// <summary>
/// ADS-B sigmas from the aircraft's own quality indicators (NACp, NIC, NACv; DO-260B tables, AdsbQualityTests).
/// Truth is the scene's double-precision sky.
/// </summary>
public class TrackerAdsbQualityTests
{
    [Fact]
    public void AddModeS_NacPFromOperationalStatus_PositionSigmaFollowsIt()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 20; t++)
        {
            // Same geometry, two aircraft: one announces NACp 10 (EPU < 10 m, σ 4.1 m).
            var precise = AdsbObservations.Position(t, 0x400001, 10_000 + (200.0 * t), 5_000);
            precise.PositionSigmaMillimetres = 0;
            scene.Tracker.AddModeS(ref precise);
            var plain = AdsbObservations.Position(t + 0.01, 0x400002, 10_000 + (200.0 * t), -5_000);
            plain.PositionSigmaMillimetres = 0;
            scene.Tracker.AddModeS(ref plain);
            scene.AdsbVelocity(t + 0.5, 0x400001, 200, 0);
            scene.AdsbVelocity(t + 0.51, 0x400002, 200, 0);
            var status = new ModeSObservation { TimeUnixMicroseconds = TrackerScene.At(t + 0.7), IcaoAddress = 0x400001, IsExtendedSquitter = true, HasNacP = true, NacP = 10 };
            scene.Tracker.AddModeS(ref status);
        }

        var precise20 = scene.Reports.Last(r => r.IcaoAddress == 0x400001);
        var plain20 = scene.Reports.Last(r => r.IcaoAddress == 0x400002);
        // Steady state is below the measurement sigma: √(4.085² + 1.5²) = 4.35 m with NACp 10,
        // the 25 m default without; the default track cannot be under 5 m.
        Assert.True(precise20.PositionSigmaEastMillimetres < 4_400, $"NACp 10: σ east {precise20.PositionSigmaEastMillimetres} mm");
        Assert.True(plain20.PositionSigmaEastMillimetres > 5_000, $"default: σ east {plain20.PositionSigmaEastMillimetres} mm");
    }


    [Fact]
    public void AddModeS_NicWithoutNacP_CapsTheDefaultNeverWidensIt()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 20; t++)
        {
            // TC 9 (Rc < 7.5 m: σ ≤ 1.321 m), TC 11 (Rc < 0.1 NM: σ ≤ 32.6 m, wider than the 25 m default), none.
            var tight = AdsbObservations.Position(t, 0x400011, 10_000 + (200.0 * t), 5_000);
            tight.PositionSigmaMillimetres = 1_321;
            scene.Tracker.AddModeS(ref tight);
            var wide = AdsbObservations.Position(t + 0.01, 0x400012, 10_000 + (200.0 * t), -5_000);
            wide.PositionSigmaMillimetres = 32_617;
            scene.Tracker.AddModeS(ref wide);
            var none = AdsbObservations.Position(t + 0.02, 0x400013, 10_000 + (200.0 * t), 0);
            none.PositionSigmaMillimetres = 0;
            scene.Tracker.AddModeS(ref none);
        }

        var tightReport = scene.Reports.Last(r => r.IcaoAddress == 0x400011);
        var wideReport = scene.Reports.Last(r => r.IcaoAddress == 0x400012);
        var noneReport = scene.Reports.Last(r => r.IcaoAddress == 0x400013);
        // √(1.321² + 1.5²) = 2.0 m per position: the filter's steady state is below it.
        Assert.True(tightReport.PositionSigmaEastMillimetres < 2_000, $"TC 9: σ east {tightReport.PositionSigmaEastMillimetres} mm");
        Assert.Equal(noneReport.PositionSigmaEastMillimetres, wideReport.PositionSigmaEastMillimetres);
    }


    [Fact]
    public void AddModeS_NacVOnTheVelocity_VelocitySigmaFollowsIt()
    {
        // No floor: the NACv sigma as is.
        var scene = new TrackerScene(new TrackerConfiguration { AdsbVelocitySigmaFloorMillimetresPerSecond = 0 });
        for (var t = 0; t <= 10; t++)
        {
            scene.AdsbPosition(t, 0x400003, 10_000 + (200.0 * t), 5_000);
            var velocity = new ModeSObservation
            {
                TimeUnixMicroseconds = TrackerScene.At(t + 0.5),
                IcaoAddress = 0x400003,
                IsExtendedSquitter = true,
                HasVelocity = true,
                VelocityEastMillimetresPerSecond = 200_000,
                HasNacV = true,
                NacV = 4, // < 0.3 m/s: σ 0.123 m/s
            };
            scene.Tracker.AddModeS(ref velocity);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(12));

        var report = scene.Reports.Last(r => r.IcaoAddress == 0x400003);
        // The configured default (2 m/s) would leave the velocity sigma near a metre per second.
        Assert.True(report.VelocitySigmaEastMillimetresPerSecond < 200, $"σ v east {report.VelocitySigmaEastMillimetresPerSecond} mm/s");
    }


    [Fact]
    public void AddModeS_NacVBetterThanTheConfiguredFloor_FloorUsed()
    {
        var configuration = new TrackerConfiguration { AdsbVelocitySigmaFloorMillimetresPerSecond = 2_000 };
        var floored = new TrackerScene(configuration);
        var plain = new TrackerScene(new TrackerConfiguration { AdsbVelocitySigmaFloorMillimetresPerSecond = 0 });
        foreach (var scene in new[] { floored, plain })
        {
            for (var t = 0; t <= 10; t++)
            {
                scene.AdsbPosition(t, 0x400014, 10_000 + (200.0 * t), 5_000);
                var velocity = new ModeSObservation
                {
                    TimeUnixMicroseconds = TrackerScene.At(t + 0.5),
                    IcaoAddress = 0x400014,
                    IsExtendedSquitter = true,
                    HasVelocity = true,
                    VelocityEastMillimetresPerSecond = 200_000,
                    HasNacV = true,
                    NacV = 4,
                };
                scene.Tracker.AddModeS(ref velocity);
            }
        }

        var flooredSigma = floored.Reports[^1].VelocitySigmaEastMillimetresPerSecond;
        var plainSigma = plain.Reports[^1].VelocitySigmaEastMillimetresPerSecond;
        Assert.True(flooredSigma > 3 * plainSigma, $"floored {flooredSigma} mm/s, NACv 4 alone {plainSigma} mm/s");
    }

    [Fact]
    public void AddModeS_ObservationWithSaturations_AddedToTheTrackerCount()
    {
        var scene = new TrackerScene();
        var observation = AdsbObservations.Position(0, 0x40000A, 1_000, 1_000);
        observation.Saturations = 3;

        scene.Tracker.AddModeS(ref observation);

        Assert.Equal(3, scene.Tracker.Counters.Saturations);
    }
}
