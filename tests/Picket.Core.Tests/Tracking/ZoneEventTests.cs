using Picket.Publishing;
using Picket.Zones;

namespace Picket.Tracking;

/// <summary>
/// Zone alert semantics: enter and exit only from the track's own estimate crossing the boundary;
/// a track that ends inside is <see cref="ZoneAlertEvent.Lost"/>, never an exit; the end of the
/// input ends nothing.
/// </summary>
public class ZoneEventTests
{
    // Radar-only targets fly east along 40 km north of the mast at 3 km: far enough that the
    // unknown height barely changes the ground range.
    private const double Lane = 40_000;

    // 10 km × 10 km square from 10 to 20 km east, 35 to 45 km north (mm).
    private static ZoneGeometry Square() =>
        new([10_000_000, 20_000_000, 20_000_000, 10_000_000], [35_000_000, 35_000_000, 45_000_000, 45_000_000], [0]);

    [Fact]
    public void Finish_TrackInsideAZone_NoAlertNoDropTrackStaysLive()
    {
        var scene = new TrackerScene(zones: [Square()]);
        for (var t = 0; t <= 70; t++)
        {
            // Truth: enters at 50 s (10 km east) and is still inside (14 km) when the input ends.
            scene.AdsbPosition(t, 0x4B1802, 200.0 * t, Lane);
            scene.AdsbVelocity(t + 0.5, 0x4B1802, 200, 0);
        }

        scene.Tracker.Finish();

        var alert = Assert.Single(scene.Alerts);
        Assert.Equal(ZoneAlertEvent.Enter, alert.Event);
        Assert.Equal(1, scene.Tracker.LiveTrackCount);
        Assert.DoesNotContain(scene.Reports, r => r.Status == TrackStatus.Dropped);
    }

    [Fact]
    public void Housekeeping_PrimaryTrackLostInsideAZone_LostNeverExit()
    {
        var scene = new TrackerScene(zones: [Square()]);
        // A primary-only target flying east at 250 m/s through the zone, seen every 4 s until
        // 72 s (18 km east, inside), then never again (transponder off, radar loses it).
        for (var scan = 0; scan <= 18; scan++)
        {
            scene.RadarPlot(scan * 4.0, 250.0 * scan * 4.0, Lane, 3_000, withModeC: false);
        }

        // Data time goes on (other traffic far away) until well after the track must be dropped.
        for (var t = 73; t <= 140; t++)
        {
            scene.AdsbPosition(t, 0x4B1899, -40_000, -40_000 + (200.0 * (t - 73)));
        }

        scene.Tracker.Finish();

        var events = scene.Alerts.Where(a => !a.Cooperative).Select(a => a.Event).ToList();
        Assert.Equal([ZoneAlertEvent.Enter, ZoneAlertEvent.Lost], events);
        var lost = scene.Alerts.Single(a => a.Event == ZoneAlertEvent.Lost);
        var enter = scene.Alerts.Single(a => a.Event == ZoneAlertEvent.Enter);
        Assert.Equal(lost.TimeUnixMicroseconds - enter.TimeUnixMicroseconds, lost.DurationMicroseconds);
        Assert.Contains(scene.Reports, r => r.TrackId == lost.TrackId && r.Status == TrackStatus.Dropped);

        // Held inside the zone: dropped at its ninth miss (ConfirmedMaxMisses 5 + ZoneHoldMisses 3
        // exceeded), the misses counted from half a scan after its last plot: 72 + 2 + 9 × 4 = 110 s.
        Assert.Equal(TrackerScene.At(110), lost.TimeUnixMicroseconds);
    }

    [Theory]
    [InlineData(3, new[] { ZoneAlertEvent.Enter })] // held through the six missed scans: one stay
    [InlineData(0, new[] { ZoneAlertEvent.Enter, ZoneAlertEvent.Lost, ZoneAlertEvent.Enter })] // dropped after five: lost, then a new track enters
    public void Housekeeping_PrimaryTrackMissesSixScansInsideAZone_HeldThroughThem(int zoneHoldMisses, ZoneAlertEvent[] expected)
    {
        var scene = new TrackerScene(new TrackerConfiguration { ZoneHoldMisses = zoneHoldMisses }, [Square()]);
        // A primary-only target flying east at 150 m/s into the zone (10 km east at 40 s), seen
        // every 4 s except the six scans from 52 to 72 s (inside: 11.8-14.8 km east), then on
        // (19 km east at 100 s, still inside).
        for (var scan = 0; scan <= 24; scan++)
        {
            var seconds = scan * 4.0;
            if (seconds < 52 || seconds > 72)
            {
                scene.RadarPlot(seconds, 4_000 + (150.0 * seconds), Lane, 3_000, withModeC: false);
            }
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(100));

        Assert.Equal(expected, scene.Alerts.Select(a => a.Event));
    }

    [Fact]
    public void Housekeeping_HeldTrackFoundAgainThenLeavingTheZone_KeepsItsIdThroughTheExit()
    {
        var scene = new TrackerScene(zones: [Square()]);
        // A primary-only target east at 150 m/s: inside from 40 s (10 km east), unseen for the
        // seven scans from 76 to 100 s (more than its score allows, fewer than the hold's eight
        // misses), seen again from 104 s (19.6 km east), out of the zone at 107 s (20 km), seen
        // to 160 s: once outside, the score its misses lowered must not end it.
        for (var scan = 0; scan <= 40; scan++)
        {
            var seconds = scan * 4.0;
            if (seconds < 76 || seconds > 100)
            {
                scene.RadarPlot(seconds, 4_000 + (150.0 * seconds), Lane, 3_000, withModeC: false);
            }
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(162));

        Assert.Equal([ZoneAlertEvent.Enter, ZoneAlertEvent.Exit], scene.Alerts.Select(a => a.Event));
        Assert.Single(scene.Reports.Where(r => r.Status is TrackStatus.Confirmed or TrackStatus.Coasting).Select(r => r.TrackId).Distinct());
        Assert.DoesNotContain(scene.Reports, r => r.Status == TrackStatus.Dropped);
    }

    [Fact]
    public void Housekeeping_CoastingExtrapolationLeavesTheZone_NoExit()
    {
        // The zone is only 2 km deep (10-12 km east): a target seen until 44 s (11 km) coasts out
        // of it on its extrapolation within the missed scans before the drop.
        var zone = new ZoneGeometry([10_000_000, 12_000_000, 12_000_000, 10_000_000], [35_000_000, 35_000_000, 45_000_000, 45_000_000], [0]);
        var scene = new TrackerScene(zones: [zone]);
        for (var scan = 0; scan <= 11; scan++)
        {
            scene.RadarPlot(scan * 4.0, 250.0 * scan * 4.0, Lane, 3_000, withModeC: false);
        }

        for (var t = 45; t <= 120; t++)
        {
            scene.AdsbPosition(t, 0x4B1899, -40_000, -40_000 + (200.0 * (t - 45)));
        }

        scene.Tracker.Finish();

        var events = scene.Alerts.Where(a => !a.Cooperative).Select(a => a.Event).ToList();
        Assert.DoesNotContain(ZoneAlertEvent.Exit, events);
        Assert.Equal([ZoneAlertEvent.Enter, ZoneAlertEvent.Lost], events);
    }

    [Fact]
    public void Housekeeping_SlowTargetWithAWideSigma_EnterAlertSoonAfterTheCrossing()
    {
        // A slow target (20 m/s, a Mode S reply with Mode C, so its height is known) seen every
        // second by a radar whose azimuth noise is 0.2° at 20 km (70 m across): its position
        // sigma is tens of metres, but the entry margin is no deeper than it flies in half a
        // second (10 m). Truth: it crosses x = 10 km at 150 s (starting 7 km east, 20 km north).
        var capped = EntryTime(new TrackerConfiguration { ScanPeriodMicroseconds = 1_000_000 });
        var sigmaOnly = EntryTime(new TrackerConfiguration { ScanPeriodMicroseconds = 1_000_000, ZoneEnterMarginTravelMilliseconds = 1_000_000 });

        Assert.InRange(capped, 149.0, 154.0);
        Assert.True(capped < sigmaOnly, $"capped margin {capped} s, two sigmas {sigmaOnly} s");
    }

    [Fact]
    public void AddRadar_DroneCrossesOnAOneSecondRadar_EnterAsSoonAsTheUpdateIsProcessed()
    {
        // A 30 m/s drone (Mode S, height known) on a 1 s radar, noiseless plots at whole seconds
        // + 0.3 s, each processed 0.6 s later (other data moves time on; batches wait half a
        // scan); truth crosses x = 10 km at 100.0 s. Entry margin: 2σ capped to 500 ms of
        // travel, 15 m: the plot at 101.3 s (39 m in) is the first inside it for sure. Sampled
        // only by the once-a-second housekeeping loop (at 101.3 s, predicted, then 102.3 s) the
        // entry needed the sample at 102.3 s; sampled also when the plot is processed (101.9 s,
        // 0.6 s after the previous sample, so it counts) it is raised at 101.9 s.
        var zone = new ZoneGeometry([10_000_000, 30_000_000, 30_000_000, 10_000_000], [10_000_000, 10_000_000, 30_000_000, 30_000_000], [0]);
        var scene = new TrackerScene(new TrackerConfiguration { ScanPeriodMicroseconds = 1_000_000 }, zones: [zone]);
        for (var second = 0; second <= 130; second++)
        {
            var time = second + 0.3;
            scene.RadarPlot(time, 7_000 + (30.0 * time), 20_000, 300, 0, 0, 20_000, 200_000, icao: 0x4B1F02);
            scene.Tracker.AdvanceTo(TrackerScene.At(time + 0.6)); // other data moves time on
        }

        scene.Tracker.Finish();
        var enter = Assert.Single(scene.Alerts, a => a.Event == ZoneAlertEvent.Enter);
        var seconds = (enter.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
        Assert.InRange(seconds, 100.0, 102.0);
    }

    [Fact]
    public void AdvanceTo_DwellPartWay_SecondSampleHalfASecondAfterTheFirstNotAtTheNextRound()
    {
        // The drone above, time moved on by other data every 100 ms. Truth crosses at 100.0 s and
        // is 15 m in (the entry margin) at 100.5 s: no sample can count before then, and the
        // dwell's second sample comes 300 ms after the first, so 100.8 s is the earliest entry.
        // Left to the once-a-second housekeeping round and the next plot, the second sample
        // waits for whichever of them comes first 300 ms after the first sample; with the dwell
        // rounds it is the first data 300 ms after it (within 100 ms). An entry sampled at its
        // plot skips the dwell (the next test): off here, where the dwell is under test.
        var withRounds = DroneEntry(new TrackerConfiguration { ScanPeriodMicroseconds = 1_000_000, ZoneApproachPredictionMicroseconds = 0, ZoneEnterHeadingInAtPlot = false });
        var withoutRounds = DroneEntry(new TrackerConfiguration { ScanPeriodMicroseconds = 1_000_000, ZoneDwellRoundIntervalMicroseconds = 0, ZoneEnterHeadingInAtPlot = false });

        Assert.True(withRounds < withoutRounds, $"with dwell rounds {withRounds} s, without {withoutRounds} s");
        Assert.InRange(withRounds, 100.8, 101.3);
    }

    [Fact]
    public void AdvanceTo_PlotPutsATrackHeadingInBeyondTheMargin_EntersWithoutTheDwell()
    {
        // The drone above, no samples between plots. Its plot of 100.3 s (9 m in) is processed
        // when data time passes 100.8 s (a batch waits half the 1 s scan; time moves on in 100 ms
        // steps), its estimate flown on to then 24-27 m in: beyond the 15 m entry margin, and
        // flown on for the 2 s lead further in still. At its plot it enters then, 100.8-100.9 s.
        // With the dwell that sample is only the first; the second comes 300 ms later (within a
        // 100 ms round), 101.1-101.3 s, the same estimate flown on with no plot in between.
        var atPlot = DroneEntry(new TrackerConfiguration { ScanPeriodMicroseconds = 1_000_000, ZoneApproachPredictionMicroseconds = 0 });
        var withDwell = DroneEntry(new TrackerConfiguration { ScanPeriodMicroseconds = 1_000_000, ZoneApproachPredictionMicroseconds = 0, ZoneEnterHeadingInAtPlot = false });

        Assert.InRange(atPlot, 100.8, 100.9);
        Assert.InRange(withDwell, 101.1, 101.3);
    }

    [Fact]
    public void AdvanceTo_ApproachingAZone_FirstSampleBetweenPlots()
    {
        // The same drone: its estimate is 15 m in at 100.5 s, between the plots of 100.3 and
        // 101.3 s. Sampled only at plots and housekeeping rounds, the first sample that counts is
        // the round at 101.0 s or the plot at 101.3 s; sampled in the rounds as it approaches, it
        // is within 100 ms of 100.5 s, and the entry comes 300 ms after: 100.8-100.95 s (with the
        // dwell's 500 ms of before, 101.0-101.2 s). The entry lead off: it is the next test's.
        var approach = DroneEntry(new TrackerConfiguration { ScanPeriodMicroseconds = 1_000_000, ZoneEnterLeadMilliseconds = 0 });
        var noApproach = DroneEntry(new TrackerConfiguration { ScanPeriodMicroseconds = 1_000_000, ZoneApproachPredictionMicroseconds = 0, ZoneEnterLeadMilliseconds = 0 });

        Assert.True(approach < noApproach, $"with approach rounds {approach} s, without {noApproach} s");
        Assert.InRange(approach, 100.8, 100.95);
    }

    [Fact]
    public void AdvanceTo_DroneHeadingIn_EntryAtTheSmallestMargin()
    {
        // The same drone, heading straight in: flown on for the 2 s entry lead its estimate is
        // 60 m further in, past the 15 m entry margin, so 10 m in (the smallest margin) counts:
        // 100.33 s, sampled within 100 ms, and the entry 300 ms after: 100.6-100.8 s (without
        // the lead, the test above: 100.8-100.95 s).
        var withLead = DroneEntry(new TrackerConfiguration { ScanPeriodMicroseconds = 1_000_000 });
        var withoutLead = DroneEntry(new TrackerConfiguration { ScanPeriodMicroseconds = 1_000_000, ZoneEnterLeadMilliseconds = 0 });

        Assert.True(withLead < withoutLead, $"with the lead {withLead} s, without {withoutLead} s");
        Assert.InRange(withLead, 100.6, 100.8);
    }

    [Fact]
    public void AdvanceTo_JetCrossingShallowOnAFourSecondRadar_LeadOfOneScan()
    {
        // A jet at 250 m/s (Mode S, height known) crosses x = 10 km at 8° to it, 34.8 m/s across,
        // at 100.0 s; noiseless plots every 4 s (the default scan) claiming a 1° azimuth sigma,
        // time moved on every 100 ms. Its entry margin is the full margin, 100 m (two sigmas are
        // more), and the margin the lead must reach is two sigmas capped by the distance flown in
        // 500 ms, 125 m. Without a lead the entry needs the estimate 100 m in: 102.87 s, counted at
        // 102.9 s, entered 300 ms after: 103.2 s. Flown on for the fixed 2 s lead the estimate is
        // 69.6 m further in, so the smallest margin (10 m) counts from 55.4 m in: 101.59 s, the
        // entry 101.9 s. Flown on for one scan, 139 m: from 10 m in, 100.29 s, the entry 100.6 s.
        var oneScan = JetEntry(new TrackerConfiguration());
        var fixedLead = JetEntry(new TrackerConfiguration { ZoneEnterLeadRadarScans = 0 });
        var noLead = JetEntry(new TrackerConfiguration { ZoneEnterLeadMilliseconds = 0 });

        Assert.InRange(oneScan, 100.55, 100.8);
        Assert.InRange(fixedLead, 101.85, 102.1);
        Assert.InRange(noLead, 103.15, 103.4);
    }

    [Fact]
    public void AdvanceTo_JetCrossingAtTenDegreesAfterALongStraightLeg_AlertedWithinAScanAndASecond()
    {
        // A primary-only jet at 250 m/s and 10 km (a 3-D radar measures its height) flies 300 s
        // straight, heading 280°, and crosses a zone's southern edge (an east-west line) at 10° to
        // it, 43.4 m/s across, 79 km west of the radar: there the edge runs along the radar's ray,
        // so the crossing is across it, where a 0.12° azimuth σ is 165 m. The limit for an
        // alert is one scan + 1 s after the crossing: 5 s on this 4 s radar. Twenty draws of the
        // noise and of the scan's phase; the tracker is told 30 % more noise than is drawn. A lone
        // jet, every scan detected, no clutter: jet-formation's re-entry of this kind, in its
        // formation at Pd 0.9, was alerted 6.8 s after it on tuning seed 130 before 716c74b. Here
        // the worst of the twenty is 3.0 s (2.0 s with the quiet mode's earlier q of 1 m²/s³, so
        // this scene does not show that change); some alerts come up to 3.1 s before the crossing,
        // from an estimate 10 m inside and heading in while the jet is still up to 135 m outside.
        const double crossing = 300;
        const double edge = -5_000;
        var velocityEast = 250 * Math.Sin(280 * Math.PI / 180);
        var velocityNorth = 250 * Math.Cos(280 * Math.PI / 180);
        var delays = new List<double>();
        for (var seed = 1; seed <= 20; seed++)
        {
            var zone = new ZoneGeometry([-200_000_000, 10_000_000, 10_000_000, -200_000_000], [(long)edge * 1000, (long)edge * 1000, 100_000_000, 100_000_000], [0]);
            var scene = new TrackerScene(zones: [zone]);
            var random = new Random(seed);
            var phase = 4 * random.NextDouble();
            for (var scan = 0; scan < 85; scan++)
            {
                var time = (scan * 4) + phase;
                var east = -5_000 + (velocityEast * time);
                var north = edge + (velocityNorth * (time - crossing));
                scene.RadarPlot(time, east, north, 10_000, TrackerScene.Gaussian(random) * 60, TrackerScene.Gaussian(random) * 0.12, 78_000, 156_000, withModeC: false, measuresHeight: true);
                for (var tick = 1; tick <= 39; tick++)
                {
                    scene.Tracker.AdvanceTo(TrackerScene.At(time + (tick * 0.1))); // other data moves time on
                }
            }

            scene.Tracker.Finish();
            var enter = Assert.Single(scene.Alerts, a => a.Event == ZoneAlertEvent.Enter);
            delays.Add(((enter.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6) - crossing);
        }

        var listed = string.Join(", ", delays.Select(d => d.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(delays.Max() <= 5.0, $"alerts after the crossing, s: {listed}");
    }

    private static double JetEntry(TrackerConfiguration configuration)
    {
        configuration.RadarRegistration = false; // the plots keep the sigma they state
        var zone = new ZoneGeometry([10_000_000, 30_000_000, 30_000_000, 10_000_000], [10_000_000, 10_000_000, 30_000_000, 30_000_000], [0]);
        var scene = new TrackerScene(configuration, zones: [zone]);
        var across = 250 * Math.Sin(8 * Math.PI / 180);
        var along = 250 * Math.Cos(8 * Math.PI / 180);
        for (var scan = 0; scan <= 35; scan++)
        {
            var time = (scan * 4) + 0.3;
            scene.RadarPlot(time, 10_000 + (across * (time - 100)), 15_000 + (along * (time - 100)), 300, 0, 0, 50_000, 1_000_000, icao: 0x4B1F03);
            for (var tick = 1; tick <= 39; tick++)
            {
                scene.Tracker.AdvanceTo(TrackerScene.At(time + (tick * 0.1))); // other data moves time on
            }
        }

        scene.Tracker.Finish();
        var enter = Assert.Single(scene.Alerts, a => a.Event == ZoneAlertEvent.Enter);
        return (enter.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
    }

    private static double DroneEntry(TrackerConfiguration configuration)
    {
        var zone = new ZoneGeometry([10_000_000, 30_000_000, 30_000_000, 10_000_000], [10_000_000, 10_000_000, 30_000_000, 30_000_000], [0]);
        var scene = new TrackerScene(configuration, zones: [zone]);
        for (var second = 0; second <= 130; second++)
        {
            var time = second + 0.3;
            scene.RadarPlot(time, 7_000 + (30.0 * time), 20_000, 300, 0, 0, 20_000, 200_000, icao: 0x4B1F02);
            for (var tick = 1; tick <= 9; tick++)
            {
                scene.Tracker.AdvanceTo(TrackerScene.At(time + (tick * 0.1))); // other data moves time on
            }
        }

        scene.Tracker.Finish();
        var enter = Assert.Single(scene.Alerts, a => a.Event == ZoneAlertEvent.Enter);
        return (enter.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
    }

    private static double EntryTime(TrackerConfiguration configuration)
    {
        var zone = new ZoneGeometry([10_000_000, 30_000_000, 30_000_000, 10_000_000], [10_000_000, 10_000_000, 30_000_000, 30_000_000], [0]);
        var scene = new TrackerScene(configuration, zones: [zone]);
        var random = new Random(9001);
        for (var second = 0; second <= 200; second++)
        {
            var noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            scene.RadarPlot(second, 7_000 + (20.0 * second), 20_000, 300, 0, noise * 0.2, 20_000, 200_000, icao: 0x4B1F01);
        }

        scene.Tracker.Finish();
        var enter = Assert.Single(scene.Alerts, a => a.Event == ZoneAlertEvent.Enter);
        return (enter.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
    }
}
