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

    private static void Shadow(DuplicateTracks duplicates, Track younger, Track older, int scans)
    {
        for (var scan = 1; scan <= scans; scan++)
        {
            duplicates.Observe(younger, older, shadowed: true, Start + (scan * Scan));
        }
    }


    private (DuplicateTracks Duplicates, TrackTable Table, TrackerCounters Counters) Rig(int zones = 0)
    {
        var saturations = 0;
        var configuration = new TrackerConfiguration { TrackCapacity = 4 };
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
