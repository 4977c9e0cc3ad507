using Picket.ModeS;
using Picket.ModeS.Cpr;
using Picket.ModeS.Encoders;
using Picket.Tracking.Measurements;

namespace Picket.Tracking;

/// <summary>
/// Who makes a track cooperative (issue 9): relayed DF18 (TIS-B, ADS-R) does not, an ADS-B address never
/// takes over an established non-cooperative track (possible masking), a callsign never associates alone.
/// Truth is the scene's double-precision sky.
/// </summary>
public class TrackerCooperativeIdentityTests
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
            var observation = AdsbObservations.Position(t, 0x3C4B27, 30_000 + (200.0 * t), 10_000);
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
