using Picket.Publishing;
using Picket.Zones;

namespace Picket.Tracking;

/// <summary>The tracker's life cycle, association, fusion and alerts on small scripted skies.</summary>
public class TrackerTests
{
    // IA-5 "FIN123  ": F=6 I=9 N=14 1=49 2=50 3=51, space=32 (DO-260B table A-7).
    private const ulong Fin123 = (6UL << 42) | (9UL << 36) | (14UL << 30) | (49UL << 24) | (50UL << 18) | (51UL << 12) | (32UL << 6) | 32UL;

    [Fact]
    public void AddModeS_TwoAircraft_OneConfirmedTrackEachWithItsIdentityOnItsPosition()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 20; t++)
        {
            scene.AdsbPosition(t, 0x461E1F, 10_000 + (200.0 * t), 5_000);
            scene.AdsbVelocity(t + 0.5, 0x461E1F, 200, 0);
            scene.AdsbPosition(t + 0.1, 0x4CA2D6, -8_000, 20_000 - (150.0 * t));
            scene.AdsbVelocity(t + 0.6, 0x4CA2D6, 0, -150);
        }

        scene.AdsbIdentification(20.7, 0x461E1F, Fin123);
        scene.Tracker.AdvanceTo(TrackerScene.At(21));

        Assert.Equal(2, scene.Tracker.LiveTrackCount);
        var first = scene.Reports.Last(r => r.IcaoAddress == 0x461E1F);
        var second = scene.Reports.Last(r => r.IcaoAddress == 0x4CA2D6);
        Assert.NotEqual(first.TrackId, second.TrackId);
        Assert.Equal(TrackStatus.Confirmed, first.Status);
        Assert.Equal("FIN123", first.Callsign);
        Assert.True(first.Cooperative);
        Assert.Equal(TrackSources.Adsb, first.Sources);
        var firstSeconds = (first.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
        Assert.True(TrackerScene.Distance(first, 10_000 + (200 * firstSeconds), 5_000) < 30, "position within 30 m of truth");
        Assert.InRange(first.VelocityEastMillimetresPerSecond, 199_000, 201_000);
    }

    [Fact]
    public void Finish_SilentAircraft_CoastsReportsEveryFiveSecondsThenDroppedOnceAndItsIdIsNeverReused()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 10; t++)
        {
            scene.AdsbPosition(t, 0x000001, 1_000 + (100.0 * t), 0);
            scene.AdsbVelocity(t + 0.5, 0x000001, 100, 0);
        }

        // A second aircraft keeps data time moving for two minutes; the first one comes back after.
        for (var t = 0; t <= 120; t++)
        {
            scene.AdsbPosition(t + 0.2, 0x000002, -5_000, 0);
        }

        scene.AdsbPosition(121, 0x000001, 30_000, 0);
        scene.AdsbPosition(122, 0x000001, 30_100, 0);
        scene.Tracker.Finish();

        var firstId = scene.Reports.First(r => r.IcaoAddress == 1).TrackId;
        var firstLife = scene.Reports.Where(r => r.TrackId == firstId).ToList();
        Assert.Contains(firstLife, r => r.Status == TrackStatus.Coasting);
        Assert.Equal(1, firstLife.Count(r => r.Status == TrackStatus.Dropped));
        Assert.Equal(TrackStatus.Dropped, firstLife[^1].Status);
        for (var i = 1; i < firstLife.Count; i++)
        {
            Assert.True(firstLife[i].TimeUnixMicroseconds - firstLife[i - 1].TimeUnixMicroseconds <= 5_000_000);
        }

        var ids = scene.Reports.Where(r => r.IcaoAddress == 1).Select(r => r.TrackId).Distinct().ToList();
        Assert.Equal(2, ids.Count);
        Assert.True(ids[1] > scene.Reports.Max(r => r.IcaoAddress == 2 ? r.TrackId : 0));
    }

    [Fact]
    public void AddRadar_MorePlotsThanSlots_ShedsOldestTentativeTracksAndCountsThem()
    {
        var scene = new TrackerScene(new TrackerConfiguration { TrackCapacity = 4 });
        for (var i = 0; i < 10; i++)
        {
            scene.RadarPlot(i * 0.05, 20_000 * Math.Sin(i * 0.6), 20_000 * Math.Cos(i * 0.6), 3_000);
        }

        scene.Tracker.FlushRadar();

        Assert.Equal(4, scene.Tracker.LiveTrackCount);
        Assert.Equal(6, scene.Tracker.Counters.TracksShed);
        Assert.Equal(10, scene.Tracker.Counters.TracksStarted);
        // The survivors are the newest: ids 7 to 10.
        var live = scene.Tracker.Tracks.Where(t => t.InUse).Select(t => t.TrackId).OrderBy(id => id).ToArray();
        Assert.Equal(new long[] { 7, 8, 9, 10 }, live);
    }

    [Fact]
    public void AddRadar_PrimaryPlotsOfAnAdsbAircraft_FuseIntoItsTrack()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 40; t++)
        {
            scene.AdsbPosition(t, 0x4B1801, 30_000 + (200.0 * t), 10_000, altitudeFeet: 30_000);
            scene.AdsbVelocity(t + 0.5, 0x4B1801, 200, 0);
            if (t % 4 == 2)
            {
                // Primary only: no identity, no Mode C; the track's ADS-B altitude fixes the ground range.
                scene.RadarPlot(t + 0.3, 30_000 + (200.0 * (t + 0.3)), 10_000, 30_000 * 0.3048);
            }
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(41));

        Assert.Equal(1, scene.Tracker.LiveTrackCount);
        var last = scene.Reports[^1];
        Assert.Equal(TrackSources.Adsb | TrackSources.RadarPsr, last.Sources);
        Assert.Equal(10u, last.RadarUpdateCount);
        Assert.Equal(0u, last.AdsbRadarDisagreementCount);
    }

    [Fact]
    public void AddModeS_FirstAdsbOfAnAircraftTheRadarAlreadyTracks_JoinsTheRadarTrackKeepingItsId()
    {
        var scene = new TrackerScene();
        // Two scans: still tentative (the track score confirms a primary track on its third
        // plot in a quiet sky), so the address may take it over (a confirmed non-cooperative
        // track may not: masking).
        for (var scan = 0; scan < 2; scan++)
        {
            scene.RadarPlot(scan * 4.0, 20_000 + (800.0 * scan), -15_000, 9_000, withModeC: false);
        }

        scene.Tracker.FlushRadar();
        var radarId = scene.Reports[^1].TrackId;
        scene.AdsbPosition(8, 0x50A001, 20_000 + (200.0 * 8), -15_000, altitudeFeet: 29_500);

        Assert.Equal(1, scene.Tracker.LiveTrackCount);
        Assert.Equal(1, scene.Tracker.Counters.TracksMerged);
        var merged = scene.Reports[^1];
        Assert.Equal(radarId, merged.TrackId);
        Assert.True(merged.HasIcaoAddress);
        Assert.Equal(0x50A001, merged.IcaoAddress);
        Assert.Equal(TrackSources.Adsb | TrackSources.RadarPsr, merged.Sources);
    }

    [Fact]
    public void AddRadar_PrimaryOnlyTarget_ConfirmedAfterMOfNAndNonCooperative()
    {
        var configuration = new TrackerConfiguration();
        var scene = new TrackerScene(configuration);
        for (var scan = 0; scan < 8; scan++)
        {
            if (scan == 2)
            {
                continue; // one missed detection: M-of-N tolerates it.
            }

            scene.RadarPlot(scan * 4.0, -40_000 + (1_000.0 * scan), 25_000, 8_000, withModeC: false);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(30));

        var track = Assert.Single(scene.Tracker.Tracks, t => t.InUse);
        Assert.Equal(TrackStatus.Confirmed, track.Status);
        Assert.True(track.NonCooperative);
        Assert.False(track.Cooperative);
        Assert.Equal(7, track.RadarHits);
        Assert.False(scene.Reports[^1].Cooperative);
        Assert.Contains(scene.Reports, r => r.Status == TrackStatus.Tentative);
    }

    [Fact]
    public void AddModeS_AdsbPositionsTheRadarContradicts_FlaggedAndTheRadarStateKept()
    {
        var scene = new TrackerScene();
        for (var t = 0; t <= 60; t++)
        {
            var east = 25_000 + (200.0 * t);
            // The aircraft's ADS-B claims to be 3 km north of where the radar sees its address.
            scene.AdsbPosition(t, 0x3C660C, east, 3_000 + 8_000, altitudeFeet: 33_000);
            scene.AdsbVelocity(t + 0.5, 0x3C660C, 200, 0);
            if (t % 4 == 2)
            {
                scene.RadarPlot(t + 0.3, 25_000 + (200.0 * (t + 0.3)), 8_000, 33_000 * 0.3048, icao: 0x3C660C);
            }
        }

        scene.Tracker.FlushRadar();

        var last = scene.Reports[^1];
        Assert.True(last.AdsbRadarDisagreementCount > 0);
        Assert.True(scene.Tracker.Counters.AdsbRadarDisagreements > 0);
        var seconds = (last.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
        // With the radar, not with the 3 km claim: the ADS-B positions between two plots still pull
        // it a little (the plots' ground range carries the height's uncertainty too).
        var fromRadar = TrackerScene.Distance(last, 25_000 + (200 * seconds), 8_000);
        Assert.True(fromRadar < 1_000, $"the track stays where the radar sees the aircraft: {fromRadar:F0} m off, {last.AdsbRadarDisagreementCount} disagreements");
    }

    [Fact]
    public void AdvanceTo_AircraftCrossingAZone_EnterThenExitWithDurationAtDataTime()
    {
        // Zone: 10 km × 10 km square from 10 to 20 km east, -5 to 5 km north (mm).
        var zone = new ZoneGeometry([10_000_000, 20_000_000, 20_000_000, 10_000_000], [-5_000_000, -5_000_000, 5_000_000, 5_000_000], [0]);
        var scene = new TrackerScene(zones: [zone]);
        for (var t = 0; t <= 150; t++)
        {
            scene.AdsbPosition(t, 0x4B1802, 200.0 * t, 0);
            scene.AdsbVelocity(t + 0.5, 0x4B1802, 200, 0);
        }

        scene.Tracker.Finish();

        // Truth: enters at 50 s (10 km), leaves at 100 s (20 km); the track lives on to the end.
        Assert.Equal(2, scene.Alerts.Count);
        var enter = scene.Alerts[0];
        var exit = scene.Alerts[1];
        Assert.Equal(ZoneAlertEvent.Enter, enter.Event);
        Assert.Equal(ZoneAlertEvent.Exit, exit.Event);
        Assert.Equal("zone-0", enter.ZoneName);
        Assert.True(enter.Cooperative);
        Assert.Equal(0x4B1802, enter.IcaoAddress);
        Assert.InRange((enter.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6, 50.0, 53.0);
        Assert.InRange((exit.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6, 100.0, 103.0);
        Assert.Equal(exit.TimeUnixMicroseconds - enter.TimeUnixMicroseconds, exit.DurationMicroseconds);
    }
}
