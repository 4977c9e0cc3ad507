using Picket.ModeS;
using Picket.ModeS.Cpr;
using Picket.ModeS.Encoders;
using Picket.Tracking.Measurements;

namespace Picket.Tracking;

/// <summary>
/// The Mode S / ADS-B side of the tracker (issue 9): relayed targets, masking, NACp/NACv sigmas,
/// gating of ADS-B positions, pressure vs geometric altitude, callsigns. Truth is the scene's
/// double-precision sky; expected values come from it and from the DO-260B tables.
/// </summary>
public class TrackerModeSTests
{
    private const long TicksPerSecond = 12_000_000;

    // IA-5 "FIN123  " (DO-260B table A-7), as in TrackerTests.
    private const ulong Fin123 = (6UL << 42) | (9UL << 36) | (14UL << 30) | (49UL << 24) | (50UL << 18) | (51UL << 12) | (32UL << 6) | 32UL;

    [Theory]
    [InlineData(2)] // fine TIS-B: a ground station relaying a radar target
    [InlineData(6)] // ADS-R
    public void AddModeSFrame_Df18RelayedPositions_TrackNotCooperativeUntilTheAircraftSquitsItself(int controlField)
    {
        var scene = new TrackerScene();
        var pipeline = NewModeSPipeline();
        var frame = new ModeSFrame { Kind = ModeSFrameKind.ModeSLong, LengthBytes = 14, HasTimestamp = true };
        for (var t = 0; t <= 10; t++)
        {
            // Real bytes: a DF17 airborne position re-stamped as DF18 with the control field, parity recomputed.
            var (latitude, longitude) = TrackerScene.ToGeodetic(10_000 + (200.0 * t), 5_000);
            EncodePosition(frame, 0x3C4B26, latitude, longitude, odd: t % 2 == 1, controlField);
            frame.TimestampTicks = t * TicksPerSecond;
            Feed(scene, pipeline, frame, t);
        }

        var relayed = scene.Reports[^1];
        Assert.Equal(0x3C4B26, relayed.IcaoAddress);
        Assert.False(relayed.Cooperative, "a relayed target has not identified itself");
        Assert.True(Assert.Single(scene.Tracker.Tracks, x => x.InUse).IdentityRelayedOnly);

        // The aircraft's own DF17 squitter: now it identifies itself.
        var (ownLatitude, ownLongitude) = TrackerScene.ToGeodetic(10_000 + (200.0 * 11), 5_000);
        EncodePosition(frame, 0x3C4B26, ownLatitude, ownLongitude, odd: true, controlField: -1);
        frame.TimestampTicks = 11 * TicksPerSecond;
        Feed(scene, pipeline, frame, 11);

        Assert.True(scene.Reports[^1].Cooperative);
        Assert.Equal(relayed.TrackId, scene.Reports[^1].TrackId);
    }

    [Fact]
    public void AddRadar_RelayedTrackWithPrimaryPlots_BecomesNonCooperative()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 40; t++)
        {
            var observation = Position(t, 0x3C4B27, 30_000 + (200.0 * t), 10_000);
            observation.IsRelayed = true;
            scene.Tracker.AddModeS(ref observation);
            if (t % 4 == 2)
            {
                scene.RadarPlot(t + 0.3, 30_000 + (200.0 * (t + 0.3)), 10_000, 30_000 * 0.3048);
            }
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(41));

        var track = Assert.Single(scene.Tracker.Tracks, x => x.InUse);
        Assert.False(track.Cooperative);
        Assert.True(track.NonCooperative, "radar-held and only relayed: a primary-only target");
    }

    [Fact]
    public void AddModeS_AdsbAppearsOnAConfirmedNonCooperativeTrack_OwnTrackAndBothCountPossibleMasking()
    {
        var scene = new TrackerScene();
        for (var scan = 0; scan < 6; scan++)
        {
            scene.RadarPlot(scan * 4.0, 20_000 + (800.0 * scan), -15_000, 9_000, withModeC: false);
        }

        scene.Tracker.FlushRadar();
        var intruder = Assert.Single(scene.Tracker.Tracks, t => t.InUse);
        Assert.True(intruder.NonCooperative);
        var intruderId = intruder.TrackId;

        // A transponder switched on (or a spoofed squitter) right on the intruder.
        scene.AdsbPosition(24, 0x50A001, 20_000 + (200.0 * 24), -15_000, altitudeFeet: 29_500);
        scene.AdsbVelocity(24.5, 0x50A001, 200, 0);
        for (var scan = 6; scan < 9; scan++)
        {
            scene.RadarPlot(scan * 4.0, 20_000 + (800.0 * scan), -15_000, 9_000, withModeC: false);
        }

        scene.Tracker.FlushRadar();

        Assert.Equal(0, scene.Tracker.Counters.TracksMerged);
        Assert.Equal(1, scene.Tracker.Counters.PossibleMasking);
        Assert.Equal(2, scene.Tracker.LiveTrackCount);
        Assert.True(intruder.InUse);
        Assert.Equal(intruderId, intruder.TrackId);
        Assert.False(intruder.Cooperative, "a non-cooperative track never silently becomes cooperative");
        Assert.Equal(1u, intruder.PossibleMaskingCount);
        var adsb = Assert.Single(scene.Tracker.Tracks, t => t.InUse && t.HasIcaoAddress);
        Assert.Equal(1u, adsb.PossibleMaskingCount);
        Assert.Equal(1u, scene.Reports.Last(r => r.TrackId == adsb.TrackId).PossibleMaskingCount);
    }

    [Fact]
    public void AddModeS_NacPFromOperationalStatus_PositionSigmaFollowsIt()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 20; t++)
        {
            // Same geometry, two aircraft: one announces NACp 10 (EPU < 10 m, σ 4.1 m).
            var precise = Position(t, 0x400001, 10_000 + (200.0 * t), 5_000);
            precise.PositionSigmaMillimetres = 0;
            scene.Tracker.AddModeS(ref precise);
            var plain = Position(t + 0.01, 0x400002, 10_000 + (200.0 * t), -5_000);
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
            var tight = Position(t, 0x400011, 10_000 + (200.0 * t), 5_000);
            tight.PositionSigmaMillimetres = 1_321;
            scene.Tracker.AddModeS(ref tight);
            var wide = Position(t + 0.01, 0x400012, 10_000 + (200.0 * t), -5_000);
            wide.PositionSigmaMillimetres = 32_617;
            scene.Tracker.AddModeS(ref wide);
            var none = Position(t + 0.02, 0x400013, 10_000 + (200.0 * t), 0);
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
        var scene = new TrackerScene();
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
    public void AddModeS_OneBadPositionAmidAStraightTrack_RejectedAndCounted()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 30; t++)
        {
            var east = 10_000 + (200.0 * t);
            // Second 15: a position 2 km off (an undetected CPR error).
            scene.AdsbPosition(t, 0x400004, east, t == 15 ? 7_000 : 5_000);
            scene.AdsbVelocity(t + 0.5, 0x400004, 200, 0);
            if (t == 15)
            {
                var report = scene.Reports.Last(r => r.IcaoAddress == 0x400004);
                var seconds = (report.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
                Assert.True(TrackerScene.Distance(report, 10_000 + (200 * seconds), 5_000) < 30, "the bad position did not move the track");
            }
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(31));

        Assert.Equal(1, scene.Tracker.Counters.AdsbPositionsRejected);
        Assert.Equal(0, scene.Tracker.Counters.AdsbTrackRestarts);
        var last = scene.Reports.Last(r => r.IcaoAddress == 0x400004);
        var lastSeconds = (last.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
        Assert.True(TrackerScene.Distance(last, 10_000 + (200 * lastSeconds), 5_000) < 30);
        Assert.Equal(30, Assert.Single(scene.Tracker.Tracks, x => x.InUse).AdsbPositions);
    }

    [Fact]
    public void AddModeS_GenuineJump_RestartsAtTheNewPositionAfterConsecutiveRejects()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 30; t++)
        {
            // From second 15 the aircraft really is 3 km further north (a corrected navigator).
            var north = t < 15 ? 5_000 : 8_000;
            scene.AdsbPosition(t, 0x400005, 10_000 + (200.0 * t), north);
            scene.AdsbVelocity(t + 0.5, 0x400005, 200, 0);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(31));

        Assert.Equal(1, scene.Tracker.Counters.AdsbTrackRestarts);
        Assert.Equal(3, scene.Tracker.Counters.AdsbPositionsRejected);
        Assert.Equal(1, scene.Tracker.LiveTrackCount);
        var last = scene.Reports.Last(r => r.IcaoAddress == 0x400005);
        var seconds = (last.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
        Assert.True(TrackerScene.Distance(last, 10_000 + (200 * seconds), 8_000) < 30, "the track follows the aircraft");
    }

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
            var observation = Position(t, 0x400008, 10_000 + (200.0 * t), 5_000);
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
    public void AddModeS_IdentificationOfAnUnheardAddressWithAKnownCallsign_NeverJoinsByCallsign()
    {
        // The rule: identity is the ICAO address. A track only holds a callsign its own address
        // sent, so a callsign look-up for an unknown address could never succeed; it was removed.
        // Another address sending the same callsign starts nothing without a position.
        var scene = new TrackerScene();
        for (var t = 0; t <= 5; t++)
        {
            scene.AdsbPosition(t, 0x461E1F, 10_000 + (200.0 * t), 5_000);
            scene.AdsbVelocity(t + 0.5, 0x461E1F, 200, 0);
        }

        scene.AdsbIdentification(5.7, 0x461E1F, Fin123);
        scene.AdsbIdentification(5.8, 0x4CA2D6, Fin123);

        var track = Assert.Single(scene.Tracker.Tracks, t => t.InUse);
        Assert.Equal(0x461E1F, track.IcaoAddress);
        Assert.Equal(1, scene.Tracker.Counters.ModeSWithoutTrack);
    }

    [Fact]
    public void AddRadar_PrimaryPlotsSystematicallyOffAnAdsbTrack_DisagreementCounted()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 60; t++)
        {
            // ADS-B claims a position 200 m south of where the radar sees the aircraft: every
            // plot gates (about 3 σ of the 56-73 m cross-range), but all on one side.
            scene.AdsbPosition(t, 0x400009, 30_000 + (200.0 * t), 9_800);
            scene.AdsbVelocity(t + 0.5, 0x400009, 200, 0);
            if (t % 4 == 2)
            {
                scene.RadarPlot(t + 0.3, 30_000 + (200.0 * (t + 0.3)), 10_000, 30_000 * 0.3048);
            }
        }

        scene.Tracker.FlushRadar();

        var track = Assert.Single(scene.Tracker.Tracks, x => x.InUse);
        Assert.True(track.RadarUpdateCount >= 8);
        Assert.True(track.AdsbRadarDisagreementCount > 0);
        Assert.True(scene.Reports[^1].AdsbRadarDisagreementCount > 0);
    }

    [Fact]
    public void AddModeS_ObservationWithSaturations_AddedToTheTrackerCount()
    {
        var scene = new TrackerScene();
        var observation = Position(0, 0x40000A, 1_000, 1_000);
        observation.Saturations = 3;

        scene.Tracker.AddModeS(ref observation);

        Assert.Equal(3, scene.Tracker.Counters.Saturations);
    }

    private static ModeSObservation Position(double seconds, int icao, double east, double north)
    {
        var (latitude, longitude) = TrackerScene.ToGeodetic(east, north);
        return new ModeSObservation
        {
            TimeUnixMicroseconds = TrackerScene.At(seconds),
            IcaoAddress = icao,
            IsExtendedSquitter = true,
            HasPosition = true,
            LatitudeE7 = (int)Math.Round(latitude * 1e7),
            LongitudeE7 = (int)Math.Round(longitude * 1e7),
            PositionSigmaMillimetres = 25_000,
            HasAltitude = true,
            AltitudeFeet = 30_000,
        };
    }

    private static ModeSPipeline NewModeSPipeline()
    {
        var pipeline = new ModeSPipeline(64, new PositionLimits(), 0);
        pipeline.PositionTable.SetReceiver(BinaryAngle(TrackerScene.MastLatitude), BinaryAngle(TrackerScene.MastLongitude));
        return pipeline;
    }

    // A DF17 airborne position (TC 11); with controlField ≥ 0 turned into DF18 with that CF
    // (DO-260B 2.2.3.1: bits 1-5 DF, 6-8 CF), the parity recomputed over bits 1-88.
    private static void EncodePosition(ModeSFrame frame, uint address, double latitude, double longitude, bool odd, int controlField)
    {
        Assert.Equal(14, ExtendedSquitterEncoder.EncodeAirbornePosition(address, 5, 11, 30_000, BinaryAngle(latitude), BinaryAngle(longitude), odd, frame.Data, 0));
        if (controlField >= 0)
        {
            frame.Data[0] = (byte)((18 << 3) | controlField);
            var parity = Crc24.Compute(frame.Data, 0, 11);
            frame.Data[11] = (byte)(parity >> 16);
            frame.Data[12] = (byte)(parity >> 8);
            frame.Data[13] = (byte)parity;
        }
    }

    private static void Feed(TrackerScene scene, ModeSPipeline pipeline, ModeSFrame frame, double seconds)
    {
        var message = default(ModeSMessage);
        Assert.Equal(ModeSFrameOutcome.Decoded, pipeline.Process(frame, 0, ref message, out var position, out var latitude, out var longitude));
        if (ModeSObservationBuilder.TryBuild(ref message, position, latitude, longitude, TrackerScene.At(seconds), 0, out var observation))
        {
            scene.Tracker.AddModeS(ref observation);
        }
    }

    private static int BinaryAngle(double degrees) => (int)(uint)(long)Math.Round(degrees / 360 * 4294967296.0);
}
