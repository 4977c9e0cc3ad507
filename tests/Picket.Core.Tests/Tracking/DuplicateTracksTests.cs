using Picket.Geodesy;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Zones;

namespace Picket.Tracking;

/// <summary>
/// The duplicate role alone, on hand-made tracks (README: two primary-only tracks that shared one
/// plot for five scans are one target, and the one left without the plot ends; a scan with both
/// updated is two), then in the whole
/// tracker: two aircraft in company with Pd 0.8 are never merged.
/// </summary>
public class DuplicateTracksTests : ITrackerOutput
{
    private const long Start = 1_000_000_000_000;
    private const long Scan = 4_000_000;
    private readonly List<ZoneAlert> _alerts = [];
    private readonly List<TrackReport> _reports = [];

    void ITrackerOutput.OnTrackReport(ref TrackReport report) => _reports.Add(report);

    void ITrackerOutput.OnZoneAlert(ref ZoneAlert alert) => _alerts.Add(alert);

    [Fact]
    public void Observe_OnePlotSharedForFiveScans_YoungerDroppedIntoTheOlder()
    {
        var (duplicates, table, counters) = Rig();
        var older = Place(table, Start);
        var younger = Place(table, Start + 1_000_000);

        // The plot goes to each in turn; the other is left without one.
        for (var scan = 1; scan <= 4; scan++)
        {
            var (shadowed, taker) = scan % 2 == 0 ? (older, younger) : (younger, older);
            duplicates.Observe(shadowed, taker, shadowed: true, Start + (scan * Scan));
            Assert.True(younger.InUse, $"merged after {scan} scans");
        }

        duplicates.Observe(younger, older, shadowed: true, Start + (5 * Scan));

        Assert.False(younger.InUse);
        Assert.True(older.InUse);
        Assert.Equal(1, counters.TracksMerged);
        Assert.Contains(_reports, r => r.TrackId == younger.TrackId && r.Status == TrackStatus.Dropped);
        Assert.DoesNotContain(_reports, r => r.TrackId == older.TrackId && r.Status == TrackStatus.Dropped);
    }

    [Fact]
    public void Observe_TheOlderLeftWithoutThePlotForFiveScans_TheOlderEndsAndTheYoungerTakesItsZone()
    {
        // The older track has stopped following the target (it coasts beside it) and the younger
        // takes every plot: the one left without the plot ends, whatever its age, and the one on
        // the target inherits its zone occupancy without an alert.
        var (duplicates, table, counters) = Rig(zones: 1);
        var older = Place(table, Start);
        var younger = Place(table, Start + 1_000_000);
        older.Occupancy[0].Inside = true;
        older.Occupancy[0].EnteredMicroseconds = Start + 500_000;

        for (var scan = 1; scan <= 5; scan++)
        {
            duplicates.Observe(older, younger, shadowed: true, Start + (scan * Scan));
        }

        Assert.False(older.InUse);
        Assert.True(younger.InUse);
        Assert.Equal(1, counters.TracksMerged);
        Assert.True(younger.Occupancy[0].Inside);
        Assert.Equal(Start + 500_000, younger.Occupancy[0].EnteredMicroseconds);
        Assert.Empty(_alerts);
    }

    [Fact]
    public void Observe_ATentativeYoungerTakesThePlots_TheConfirmedOlderIsKept()
    {
        // A tentative track does not replace a confirmed one: the younger ends, as when it is the one shadowed.
        var (duplicates, table, _) = Rig();
        var older = Place(table, Start);
        var younger = Place(table, Start + 1_000_000);
        younger.Status = TrackStatus.Tentative;

        for (var scan = 1; scan <= 5; scan++)
        {
            duplicates.Observe(older, younger, shadowed: true, Start + (scan * Scan));
        }

        Assert.True(older.InUse);
        Assert.False(younger.InUse);
    }

    [Fact]
    public void Observe_BothUpdatedInOneScan_TheEvidenceStartsAgain()
    {
        var (duplicates, table, _) = Rig();
        var older = Place(table, Start);
        var younger = Place(table, Start + 1_000_000);
        var time = Start;
        for (var scan = 0; scan < 4; scan++)
        {
            duplicates.Observe(younger, older, shadowed: true, time += Scan);
        }

        // Two plots, one each, each in the other's gate: two targets.
        duplicates.Observe(older, younger, shadowed: false, time += Scan);
        for (var scan = 0; scan < 4; scan++)
        {
            duplicates.Observe(younger, older, shadowed: true, time += Scan);
        }

        Assert.True(younger.InUse);
        duplicates.Observe(younger, older, shadowed: true, time + Scan);
        Assert.False(younger.InUse);
    }

    [Fact]
    public void Observe_TwoShadowedBatchesInOneScanOrAPauseLongerThanTheMemory_CountOnce()
    {
        var (duplicates, table, _) = Rig();
        var older = Place(table, Start);
        var younger = Place(table, Start + 1_000_000);

        // Five shadowed batches 1 s apart on a 4 s radar are two scans' worth.
        for (var batch = 1; batch <= 5; batch++)
        {
            duplicates.Observe(younger, older, shadowed: true, Start + (batch * 1_000_000));
        }

        Assert.Equal(2, younger.DuplicateEvidence);

        // 13 s later (memory 12 s): the evidence starts again at one.
        duplicates.Observe(younger, older, shadowed: true, Start + 18_000_000);
        Assert.Equal(1, younger.DuplicateEvidence);
    }

    [Fact]
    public void Observe_IdentityAdsbOrATentativeOlderTrack_NeverMerged()
    {
        var (duplicates, table, _) = Rig();
        var older = Place(table, Start);
        var younger = Place(table, Start + 1_000_000);

        younger.HasMode3A = true;
        Shadow(duplicates, younger, older, 6);
        younger.HasMode3A = false;
        Assert.Equal(0, younger.DuplicateEvidence);

        older.LastAdsbPositionMicroseconds = Start;
        Shadow(duplicates, younger, older, 6);
        older.LastAdsbPositionMicroseconds = Track.NeverMicroseconds;
        Assert.Equal(0, younger.DuplicateEvidence);

        older.Status = TrackStatus.Tentative;
        Shadow(duplicates, younger, older, 6);
        Assert.True(younger.InUse);
        Assert.Equal(0, younger.DuplicateEvidence);
    }

    [Fact]
    public void Merge_YoungerInsideAZoneTheOlderNotYet_OlderTakesTheEntryAndNoAlertIsRaised()
    {
        var (duplicates, table, _) = Rig(zones: 1);
        var older = Place(table, Start);
        var younger = Place(table, Start + 1_000_000);
        younger.Occupancy[0].Inside = true;
        younger.Occupancy[0].EnteredMicroseconds = Start + 2_000_000;

        Shadow(duplicates, younger, older, 5);

        Assert.False(younger.InUse);
        Assert.True(older.Occupancy[0].Inside);
        Assert.Equal(Start + 2_000_000, older.Occupancy[0].EnteredMicroseconds);
        Assert.Empty(_alerts);
    }

    [Fact]
    public void Tracker_TwoPrimaryOnlyAircraftInCompanyWithPd08_NeverMerged()
    {
        // Two primary-only aircraft 350 m apart abreast (as the formation of transponder-masking),
        // 40 km north of the mast at 3-D radar heights, east at 230 m/s; a 4 s scan, σ 50 m and
        // 0.1°, each detected with probability 0.8, for 100 scans.
        var scene = new TrackerScene();
        var random = new Random(350);
        for (var scan = 0; scan < 100; scan++)
        {
            var time = scan * 4.0;
            foreach (var north in (double[])[40_000, 40_350])
            {
                if (random.NextDouble() < 0.8)
                {
                    scene.RadarPlot(time, -20_000 + (230 * time), north, 8_000, TrackerScene.Gaussian(random) * 50, TrackerScene.Gaussian(random) * 0.1, 50_000, 100_000, withModeC: false, measuresHeight: true);
                }
            }

            scene.Tracker.AdvanceTo(TrackerScene.At(time + 2)); // other data moves time on
        }

        scene.Tracker.Finish();

        Assert.Equal(0, scene.Tracker.Counters.TracksMerged);
        var confirmed = scene.Reports.Where(r => r.Status == TrackStatus.Confirmed && r.TimeUnixMicroseconds >= TrackerScene.At(200)).Select(r => r.TrackId).Distinct().Count();
        Assert.True(confirmed >= 2, $"{confirmed} confirmed tracks after 200 s");
    }

    [Fact]
    public void ObserveIdentityShadow_CoincidesForThreeScansWithoutAPlotOfItsOwn_EndsAndTheIdentifiedTrackCountsAMasking()
    {
        var (duplicates, table, counters) = Rig();
        var primary = Place(table, Start);
        var identified = Identified(table);

        duplicates.ObserveIdentityShadow(primary, identified, coincide: true, Start + Scan);
        duplicates.ObserveIdentityShadow(primary, identified, coincide: true, Start + (2 * Scan));
        Assert.True(primary.InUse);

        duplicates.ObserveIdentityShadow(primary, identified, coincide: true, Start + (3 * Scan));

        Assert.False(primary.InUse);
        Assert.True(identified.InUse);
        Assert.Equal(1, counters.TracksEndedBesideIdentity);
        Assert.Equal(0, counters.TracksMerged);
        Assert.Equal(1u, identified.PossibleMaskingCount);
        Assert.Contains(_reports, r => r.TrackId == primary.TrackId && r.Status == TrackStatus.Dropped);
    }

    [Fact]
    public void ObserveIdentityShadow_APlotOfItsOwnOrAScanApart_TheCountStartsAgain()
    {
        var (duplicates, table, _) = Rig();
        var primary = Place(table, Start);
        var identified = Identified(table);
        var time = Start;
        duplicates.ObserveIdentityShadow(primary, identified, coincide: true, time += Scan);
        duplicates.ObserveIdentityShadow(primary, identified, coincide: true, time += Scan);

        // A plot of its own in this scan: a target of its own beside the identified one.
        primary.LastRadarMicroseconds = (time += Scan) - 1_000_000;
        duplicates.ObserveIdentityShadow(primary, identified, coincide: true, time);
        Assert.Equal(0, primary.IdentityShadowScans);

        duplicates.ObserveIdentityShadow(primary, identified, coincide: true, time += Scan);
        duplicates.ObserveIdentityShadow(primary, identified, coincide: true, time += Scan);

        // Apart in this scan.
        duplicates.ObserveIdentityShadow(primary, identified, coincide: false, time += Scan);
        Assert.Equal(0, primary.IdentityShadowScans);

        // Two batches of one scan count once; a scan the identified track missed passes.
        duplicates.ObserveIdentityShadow(primary, identified, coincide: true, time += Scan);
        duplicates.ObserveIdentityShadow(primary, identified, coincide: true, time + 1_000_000);
        duplicates.ObserveIdentityShadow(primary, identified, coincide: true, time += 2 * Scan);
        Assert.Equal(2, primary.IdentityShadowScans);
        Assert.True(primary.InUse);

        duplicates.ObserveIdentityShadow(primary, identified, coincide: true, time + Scan);
        Assert.False(primary.InUse);
    }

    [Fact]
    public void ObserveIdentityShadow_InsideAZoneOrTheRuleOff_NeverEnded()
    {
        var (duplicates, table, counters) = Rig(zones: 1);
        var primary = Place(table, Start);
        var identified = Identified(table);
        primary.Occupancy[0].Inside = true;
        for (var scan = 1; scan <= 6; scan++)
        {
            duplicates.ObserveIdentityShadow(primary, identified, coincide: true, Start + (scan * Scan));
        }

        Assert.True(primary.InUse);

        var (off, offTable, offCounters) = Rig(configure: c => c.IdentityShadowedScans = 0);
        var other = Place(offTable, Start);
        var otherIdentified = Identified(offTable);
        for (var scan = 1; scan <= 6; scan++)
        {
            off.ObserveIdentityShadow(other, otherIdentified, coincide: true, Start + (scan * Scan));
        }

        Assert.True(other.InUse);
        Assert.Equal(0, counters.TracksEndedBesideIdentity + offCounters.TracksEndedBesideIdentity);
        Assert.Empty(_alerts);
    }

    [Fact]
    public void Observe_OneOfAPairCoincidesWithAnIdentifiedTrack_ThatOneEndsWhicheverWasLeftWithoutThePlot()
    {
        // The masker's old primary-only track, beside its new identified track, shares the
        // intruder's plot with the intruder's own track: at the fifth shared scan the intruder's
        // track is the one left without the plot, but the track that coincides with the
        // identified one is the duplicate.
        var (duplicates, table, counters) = Rig();
        var old = Place(table, Start);
        var intruder = Place(table, Start + 1_000_000);
        var identified = Identified(table);
        for (var scan = 1; scan <= 5; scan++)
        {
            var time = Start + (scan * Scan);
            // Each scan the old track takes a plot (so it is not ended for coinciding alone).
            old.LastRadarMicroseconds = time - 100_000;
            duplicates.ObserveIdentityShadow(old, identified, coincide: true, time);
            duplicates.ObserveIdentityShadow(intruder, identified, coincide: false, time);
            duplicates.Observe(intruder, old, shadowed: true, time);
        }

        Assert.False(old.InUse);
        Assert.True(intruder.InUse);
        Assert.Equal(1, counters.TracksMerged);
        Assert.Equal(0, counters.TracksEndedBesideIdentity);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Tracker_PrimaryOnlyAircraftSwitchesItsTransponderOn_ItsOldTrackEndsAndItsWingmansTrackIsKept(bool rule)
    {
        // Two primary-only aircraft 350 m apart abreast, 40 km north of the mast at 3-D radar
        // heights, east at 230 m/s; a 4 s scan, σ 50 m and 0.1°, every plot detected. At 100 s one
        // of them switches its transponder on: its plots carry its Mode S address and it squits
        // ADS-B positions twice a second. Its old primary-only track has no plot of its own from
        // then on and ends at the third scan with the identified plot (100, 104, 108 s), before
        // the misses alone end it (114 s in this run with the rule off); its wingman's track is
        // never ended.
        const int Icao = 0x511B07;
        var configuration = new TrackerConfiguration();
        if (!rule)
        {
            configuration.IdentityShadowedScans = 0;
        }

        var scene = new TrackerScene(configuration);
        var random = new Random(2026);
        for (var scan = 0; scan < 75; scan++)
        {
            var time = scan * 4.0;
            var transponder = time >= 100;
            foreach (var north in (double[])[40_000, 40_350])
            {
                var masker = north == 40_000;
                scene.RadarPlot(time + (north / 1e6), -20_000 + (230 * time), north, 8_000, TrackerScene.Gaussian(random) * 50, TrackerScene.Gaussian(random) * 0.1, 50_000, 100_000, icao: masker && transponder ? Icao : 0, withModeC: masker && transponder, measuresHeight: true);
            }

            if (transponder)
            {
                for (var half = 0; half < 8; half++)
                {
                    var t = time + 0.3 + (half * 0.5);
                    scene.AdsbPosition(t, Icao, -20_000 + (230 * t), 40_000, altitudeFeet: 26_250);
                }
            }

            scene.Tracker.AdvanceTo(TrackerScene.At(time + 4));
        }

        scene.Tracker.Finish();

        // The tracks on each aircraft just before the transponder came on.
        var before = scene.Reports.Where(r => r.Status == TrackStatus.Confirmed && r.TimeUnixMicroseconds >= TrackerScene.At(92) && r.TimeUnixMicroseconds <= TrackerScene.At(99)).ToList();
        var old = before.MinBy(r => TrackerScene.Distance(r, -20_000 + (230 * 96.0), 40_000)).TrackId;
        var wingman = before.MinBy(r => TrackerScene.Distance(r, -20_000 + (230 * 96.0), 40_350)).TrackId;
        Assert.NotEqual(old, wingman);
        var oldEnds = scene.Reports.Where(r => r.TrackId == old && r.Status == TrackStatus.Dropped).Select(r => r.TimeUnixMicroseconds).DefaultIfEmpty(long.MaxValue).First();
        Assert.DoesNotContain(scene.Reports, r => r.TrackId == wingman && r.Status == TrackStatus.Dropped);
        Assert.Contains(scene.Reports, r => r.TrackId == wingman && r.TimeUnixMicroseconds >= TrackerScene.At(290));
        if (rule)
        {
            Assert.True(oldEnds <= TrackerScene.At(110), $"the old track ended at {(oldEnds - TrackerScene.StartMicroseconds) / 1e6} s");
            Assert.Equal(1, scene.Tracker.Counters.TracksEndedBesideIdentity);
        }
        else
        {
            Assert.True(oldEnds > TrackerScene.At(110), $"the old track ended at {(oldEnds - TrackerScene.StartMicroseconds) / 1e6} s with the rule off");
            Assert.Equal(0, scene.Tracker.Counters.TracksEndedBesideIdentity);
        }
    }

    // A cooperative track (an ICAO address).
    private static Track Identified(TrackTable table)
    {
        var track = Place(table, Start);
        track.HasIcaoAddress = true;
        track.IcaoAddress = 0x511B07;
        return track;
    }

    private static void Shadow(DuplicateTracks duplicates, Track younger, Track older, int scans)
    {
        for (var scan = 1; scan <= scans; scan++)
        {
            duplicates.Observe(younger, older, shadowed: true, Start + (scan * Scan));
        }
    }


    private (DuplicateTracks Duplicates, TrackTable Table, TrackerCounters Counters) Rig(int zones = 0, Action<TrackerConfiguration>? configure = null)
    {
        var saturations = 0;
        var configuration = new TrackerConfiguration { TrackCapacity = 4 };
        configure?.Invoke(configuration);
        var plane = new MastPlane(Q2x61.FromDegreesE7(595_000_000, ref saturations), Q2x61.FromDegreesE7(250_000_000, ref saturations));
        var counters = new TrackerCounters();
        var geometry = Enumerable.Range(0, zones).Select(_ => new ZoneGeometry([0, 1_000_000, 1_000_000, 0], [0, 0, 1_000_000, 1_000_000], [0])).ToArray();
        var monitor = new ZoneMonitor(geometry, geometry.Select((_, i) => "zone-" + i).ToArray(), 100_000, 2, 10_000, 2, 500, this, counters);
        var table = new TrackTable(configuration, zones, monitor, new TrackReporter(plane, this), counters);
        return (new DuplicateTracks(configuration, table, new RadarSiteTable(configuration.RadarCapacity), counters), table, counters);
    }

    // A confirmed primary-only track born at bornMicroseconds, at rest at the mast.
    private static Track Place(TrackTable table, long bornMicroseconds)
    {
        var track = table.Allocate(bornMicroseconds, bornMicroseconds);
        track.Filter.Initialise(bornMicroseconds, 0, 0, Q39x24.FromInteger(10_000), 0, 0, Q39x24.FromInteger(25));
        track.Status = TrackStatus.Confirmed;
        return track;
    }
}
