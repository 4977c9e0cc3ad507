using Picket.Asterix;
using Picket.Publishing;
using Picket.Radar;

namespace Picket.Tracking;

/// <summary>
/// The radar side of the tracker on scripted skies: identity association within a gate, every
/// track a GNN candidate, measured height as geometric height, the radar's own callsign. Truth is
/// double-precision east/north/height about the mast (see <see cref="TrackerScene"/>); plots are
/// made from it with the same independent spherical model.
/// </summary>
public class TrackerRadarTests
{
    // IA-5 "FIN123  ": F=6 I=9 N=14 1=49 2=50 3=51, space=32 (Annex 10 Vol IV table 3-9).
    private const long Fin123 = (6L << 42) | (9L << 36) | (14L << 30) | (49L << 24) | (50L << 18) | (51L << 12) | (32L << 6) | 32L;

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(1.9)]
    public void AddRadar_PlotsArriveAfterTheDataTimePassedThem_OneTrackConfirmedFromItsThirdPlot(double lateSeconds)
    {
        // A 250 m/s target 30 km north, seen every 4 s (σ 50 m, 0.1°, seeded noise), each plot
        // delivered when the data time (the Mode S receiver's clock) is already lateSeconds past
        // it, up to the half scan of grace before a miss: a radar's sector batch, or its clock
        // behind the receiver's. Periodic reports in between predict copies, not the track itself,
        // so every plot still meets its track at the plot's own time. Before, at 1.5 s each plot
        // found the track predicted past it and was used at the track's time, shifted along a
        // velocity the young track did not yet know; it fell outside the gate, and the target
        // went through 17 track ids before one was confirmed at 145.5 s (1.9 s: 19, at 161.9 s).
        var scene = new TrackerScene();
        var random = new Random(7);
        for (var scan = 0; scan <= 40; scan++)
        {
            var seconds = scan * 4.0;
            scene.Tracker.AdvanceTo(TrackerScene.At(seconds + lateSeconds));
            scene.RadarPlot(seconds, -20_000 + (250 * seconds), 30_000, 6_000, 50 * TrackerScene.Gaussian(random), 0.1 * TrackerScene.Gaussian(random), 50_000, 100_000, withModeC: false);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(170));

        Assert.Single(scene.Reports.Select(r => r.TrackId).Distinct());
        var confirmed = scene.Reports.First(r => r.Status == TrackStatus.Confirmed);
        Assert.InRange(confirmed.TimeUnixMicroseconds, TrackerScene.At(8), TrackerScene.At(8 + lateSeconds));
        Assert.Equal(0, scene.Tracker.Counters.LateMeasurements);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddRadar_SecondPrimaryTargetAppearsInAnotherTracksGate_ConfirmedFromItsOwnPlots(bool secondPlotsStartTracks)
    {
        // Two fighters with their transponders off, 350 m apart across the ray, 100 km east of
        // the radar, flying west at 230 m/s: a scan every 4 s, both plots in one batch (σ 60 m,
        // 0.12°: 210 m across the ray there; the plots claim as much). The wingman's plots
        // begin at 20 s, inside the gate of the leader's confirmed track, which takes the
        // leader's own plot. The wingman's plot is another target's and starts a track: confirmed
        // from its fourth plot, at 32 s. Before (SecondPlotsStartTracks = false), a plot inside
        // any track's gate started no track, and the wingman had none until the radar's noise
        // put one of its plots outside the leader's gate (84 s here).
        var scene = new TrackerScene(new TrackerConfiguration { SecondPlotsStartTracks = secondPlotsStartTracks });
        var random = new Random(9107);
        for (var scan = 0; scan <= 75; scan++)
        {
            var seconds = scan * 4.0;
            for (var target = 0; target < (seconds < 20 ? 1 : 2); target++)
            {
                scene.RadarPlot(seconds + (0.01 * target), 100_000 - (230 * seconds), 350 * target, 8_000, 60 * TrackerScene.Gaussian(random), 0.12 * TrackerScene.Gaussian(random), 60_000, 120_000, withModeC: false);
            }
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(301));

        var confirmed = scene.Reports.Where(r => r.Status == TrackStatus.Confirmed).ToList();
        var second = confirmed.Where(r => r.TrackId != confirmed[0].TrackId).Select(r => r.TimeUnixMicroseconds).DefaultIfEmpty(long.MaxValue).Min();
        if (!secondPlotsStartTracks)
        {
            Assert.True(second > TrackerScene.At(40), "the old rule: no second track within 5 scans of the wingman's first plot");
            return;
        }

        Assert.InRange(second, TrackerScene.At(20), TrackerScene.At(36));
        // In the last minute: two tracks, each fighter within 300 m of one of them.
        var last = confirmed.Where(r => r.TimeUnixMicroseconds >= TrackerScene.At(240)).ToList();
        Assert.Equal(2, last.Select(r => r.TrackId).Distinct().Count());
        for (var target = 0; target < 2; target++)
        {
            var north = 350.0 * target;
            Assert.Contains(last, r => TrackerScene.Distance(r, 100_000 - (230 * ((r.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6)), north) < 300);
        }
    }

    [Fact]
    public void AddRadar_GarbledModeSAddressFarFromItsTrack_NotAppliedAndStartsATrackWithoutThatIdentity()
    {
        var scene = new TrackerScene();
        const int icao = 0x4CA001;
        for (var scan = 0; scan < 6; scan++)
        {
            var t = scan * 4.0;
            scene.Tracker.AddRadar(ref Plot(t, 20_000 + (200 * t), 10_000, 9_000, icao: icao, modeCFeet: 29_525));
        }

        // One plot with the same address 25 km away: a garbled address (or a false reply).
        scene.Tracker.AddRadar(ref Plot(24, -5_000, 25_000, 9_000, icao: icao, modeCFeet: 29_525));
        scene.Tracker.FlushRadar();

        var identified = Assert.Single(scene.Tracker.Tracks, t => t.InUse && t.HasIcaoAddress);
        var last = scene.Reports.Last(r => r.TrackId == identified.TrackId);
        var seconds = (last.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
        Assert.True(TrackerScene.Distance(last, 20_000 + (200 * seconds), 10_000) < 500, "the identified track stays where its target is");
        Assert.Equal(2, scene.Tracker.LiveTrackCount);
        Assert.Contains(scene.Tracker.Tracks, t => t.InUse && !t.HasIcaoAddress);
    }

    [Fact]
    public void AddRadar_AddressOutsideTheGateInTwoConsecutiveScans_TrackRestartedThere()
    {
        var scene = new TrackerScene();
        const int icao = 0x4CA002;
        for (var scan = 0; scan < 6; scan++)
        {
            var t = scan * 4.0;
            scene.Tracker.AddRadar(ref Plot(t, 20_000 + (200 * t), 10_000, 9_000, icao: icao, modeCFeet: 29_525));
        }

        // The aircraft really is 3 km south of where its track went (the track is what is wrong):
        // the address outside the gate twice in a row is not a garble.
        scene.Tracker.AddRadar(ref Plot(24, 20_000 + (200 * 24), 7_000, 9_000, icao: icao, modeCFeet: 29_525));
        scene.Tracker.AddRadar(ref Plot(28, 20_000 + (200 * 28), 7_000, 9_000, icao: icao, modeCFeet: 29_525));
        scene.Tracker.FlushRadar();

        var identified = Assert.Single(scene.Tracker.Tracks, t => t.InUse && t.HasIcaoAddress);
        var last = scene.Reports.Last(r => r.TrackId == identified.TrackId);
        Assert.True(TrackerScene.Distance(last, 20_000 + (200 * 28), 7_000) < 300, "the track follows its address after the second plot");
        Assert.Equal(1, scene.Tracker.Counters.RadarIdentityTrackRestarts);
        Assert.Equal(2, scene.Tracker.Counters.RadarIdentityPlotsOutsideGate);
    }

    [Fact]
    public void AddRadar_GarbledMode3AFarFromItsTrack_NotAppliedToThatTrack()
    {
        var scene = new TrackerScene();
        for (var scan = 0; scan < 6; scan++)
        {
            var t = scan * 4.0;
            scene.Tracker.AddRadar(ref Plot(t, -15_000, 30_000 - (150 * t), 7_000, mode3A: 0x2A3, modeCFeet: 22_975));
        }

        // A plot with the same code and Mode C 5 km from the track's prediction (inside the coarse
        // 10 km search, far outside the identity gate): a garbled code, or another aircraft squawking it.
        scene.Tracker.AddRadar(ref Plot(24, -11_000, 29_400, 7_000, mode3A: 0x2A3, modeCFeet: 22_975));
        scene.Tracker.FlushRadar();

        var original = scene.Tracker.Tracks.First(t => t.InUse && t.TrackId == 1);
        var last = scene.Reports.Last(r => r.TrackId == original.TrackId);
        var seconds = (last.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
        Assert.True(TrackerScene.Distance(last, -15_000, 30_000 - (150 * seconds)) < 500, "the coded track stays where its target is");
        Assert.Equal(2, scene.Tracker.LiveTrackCount);
    }

    [Fact]
    public void FlushRadar_MoreThan128TracksGatePlotsInOneBatch_EveryTrackIsACandidate()
    {
        // 65 pairs of ADS-B aircraft 150 m apart (130 tracks); one primary plot on the first of each
        // pair, all in one batch. Each plot gates both tracks of its pair (σ ≈ 100 m half a second
        // after a single ADS-B position), so 130 tracks gate plots; pairs are 4 km apart and gate nothing else.
        var scene = new TrackerScene();
        const int pairs = 65;
        for (var k = 0; k < pairs; k++)
        {
            var (east, north) = PairPosition(k);
            scene.AdsbPosition(k * 0.001, 0x100000 + (2 * k), east, north, altitudeFeet: 30_000);
            scene.AdsbPosition((k * 0.001) + 0.0005, 0x100001 + (2 * k), east + 150, north, altitudeFeet: 30_000);
        }

        for (var k = 0; k < pairs; k++)
        {
            var (east, north) = PairPosition(k);
            scene.Tracker.AddRadar(ref Plot(0.5 + (k * 0.001), east, north, 30_000 * 0.3048));
        }

        scene.Tracker.FlushRadar();

        Assert.Equal(130, scene.Tracker.Counters.TracksStarted);
        Assert.Equal(pairs, scene.Tracker.Counters.RadarPlotsAssociated);
        var updated = scene.Tracker.Tracks.Where(t => t.InUse && t.RadarUpdateCount == 1).ToList();
        Assert.Equal(pairs, updated.Count);
        Assert.All(updated, t => Assert.Equal(0, (t.IcaoAddress - 0x100000) % 2));
    }

    [Fact]
    public void AddRadar_MeasuredHeightWithoutModeC_GeometricHeightNotPressureAltitude()
    {
        var scene = new TrackerScene();
        // A 3-D radar's primary plots of a target at 9,000 m: I048/110 = 9,000 m / 0.3048 = 29,528 ft → 29,525 ft.
        for (var scan = 0; scan < 3; scan++)
        {
            var t = scan * 4.0;
            scene.Tracker.AddRadar(ref Plot(t, 30_000 + (250 * t), -20_000, 9_000, heightFeet: 29_525));
        }

        scene.Tracker.FlushRadar();

        var track = Assert.Single(scene.Tracker.Tracks, t => t.InUse);
        Assert.False(track.HasPressureAltitude);
        Assert.True(track.Filter.HasVertical);
        var heightMetres = track.Filter.Vertical.Mean[0] / 4294967296.0;
        Assert.InRange(heightMetres, 8_990, 9_010);
        Assert.All(scene.Reports, r => Assert.False(r.HasBarometricAltitude));
        Assert.True(scene.Reports[^1].HasHeight);
    }

    [Fact]
    public void AddRadar_ModeCAndMeasuredHeightDiffer_ModeCStaysThePressureAltitude()
    {
        var scene = new TrackerScene();
        // Pressure altitude (Mode C) 28,000 ft; geometric height measured 9,000 m (29,525 ft): they
        // differ (non-standard atmosphere), and the track's pressure altitude must be the Mode C.
        for (var scan = 0; scan < 3; scan++)
        {
            var t = scan * 4.0;
            scene.Tracker.AddRadar(ref Plot(t, 30_000 + (250 * t), -20_000, 9_000, mode3A: 0x123, modeCFeet: 28_000, heightFeet: 29_525));
            // A plot of the same radar's next scan without Mode C (missed reply) but with height.
            scene.Tracker.AddRadar(ref Plot(t + 2, -30_000, 20_000, 9_000, mode3A: 0x456, heightFeet: 29_525));
        }

        scene.Tracker.FlushRadar();

        var track = Assert.Single(scene.Tracker.Tracks, t => t.InUse && t.HasMode3A && t.Mode3A == 0x456);
        Assert.False(track.HasPressureAltitude);
        var coded = Assert.Single(scene.Tracker.Tracks, t => t.InUse && t.HasMode3A && t.Mode3A == 0x123);
        Assert.Equal(28_000, coded.PressureAltitudeFeet);
    }

    [Fact]
    public void AddRadar_PlotsWithTheRadarsOwnCallsign_TrackCarriesIt()
    {
        var scene = new TrackerScene();
        for (var scan = 0; scan < 4; scan++)
        {
            var t = scan * 4.0;
            scene.Tracker.AddRadar(ref Plot(t, 10_000, 40_000 - (220 * t), 10_000, mode3A: 0x7A1, modeCFeet: 32_800, callsign: Fin123));
        }

        scene.Tracker.FlushRadar();

        var track = Assert.Single(scene.Tracker.Tracks, t => t.InUse);
        Assert.True(track.HasCallsign);
        Assert.Equal("FIN123", track.Callsign);
        Assert.Equal("FIN123", scene.Reports[^1].Callsign);
    }

    [Fact]
    public void AddRadar_CallsignOnAPlotNearerAnotherTrack_AssociatedByCallsign()
    {
        var scene = new TrackerScene();
        // Two ADS-B aircraft 20 km north of the mast, 300 m apart along the radar's range axis; one is FIN123.
        for (var t = 0; t <= 8; t++)
        {
            scene.AdsbPosition(t, 0x461E1F, 200.0 * t, 20_000);
            scene.AdsbVelocity(t + 0.05, 0x461E1F, 200, 0);
            scene.AdsbPosition(t + 0.1, 0x461E20, 200.0 * t, 20_300);
            scene.AdsbVelocity(t + 0.15, 0x461E20, 200, 0);
        }

        scene.AdsbIdentification(8.2, 0x461E1F, (ulong)Fin123);
        // The radar plot of FIN123 (callsign from I048/240, no address) 250 m beyond FIN123's track,
        // 50 m from the other's: outside FIN123's kinematic gate (about 4.7 σ with σ ≈ 53 m), inside
        // its identity gate and below the ADS-B disagreement level. Nearest neighbour alone would
        // give it to the other aircraft.
        scene.Tracker.AddRadar(ref Plot(8.5, 200 * 8.5, 20_250, 30_000 * 0.3048, callsign: Fin123));
        scene.Tracker.FlushRadar();

        var fin = Assert.Single(scene.Tracker.Tracks, t => t.InUse && t.IcaoAddress == 0x461E1F);
        var other = Assert.Single(scene.Tracker.Tracks, t => t.InUse && t.IcaoAddress == 0x461E20);
        Assert.Equal(1u, fin.RadarUpdateCount);
        Assert.Equal(0u, other.RadarUpdateCount);
    }

    [Fact]
    public void AddRadar_HeightlessPlotsOfATrackWithoutHeight_OneAssumedHeightNotTheWholeBandEveryPlot()
    {
        // A primary-only target at 9,000 m crossing 60 km north of a 2-D radar (no height anywhere):
        // 12 scans of 4 s. The plots carry σ 50 m in range; the height band 0-12 km spreads their
        // ground range over 60e3 - sqrt(60e3² - 12e3²) ≈ 1.2 km (σ ≈ 350 m if drawn afresh every plot).
        var scene = new TrackerScene();
        for (var scan = 0; scan < 12; scan++)
        {
            var t = scan * 4.0;
            scene.Tracker.AddRadar(ref Plot(t, -6_000 + (220 * t), 60_000, 9_000));
        }

        scene.Tracker.FlushRadar();

        var track = Assert.Single(scene.Tracker.Tracks, t => t.InUse);
        // Along the range axis (north here): the filter's sigma after 12 plots. Each plot with the
        // band's variance is worth σ ≈ 350 m, which a manoeuvring-target filter cannot average below
        // about 200 m; with one assumed height a plot is worth sqrt(50² + 100²) ≈ 112 m (radar plus
        // the configured 100 m term).
        var northVariance = track.Filter.Horizontal.CovarianceAt(1, 1) / (double)(1 << 24);
        Assert.True(northVariance < 150 * 150, $"north sigma {Math.Sqrt(northVariance):F0} m");
        // The height bias stays bounded: the assumed height is the band's RMS height (about 8.5 km),
        // 0.5 km off, so the ground range is off by about (9.0² - 8.5²) km² / (2 × 60 km) ≈ 70 m.
        var last = scene.Reports[^1];
        var seconds = (last.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
        Assert.True(TrackerScene.Distance(last, -6_000 + (220 * seconds), 60_000) < 250, "track within 250 m of the truth");
    }

    [Fact]
    public void AddRadar_HeightlessPlotsWithoutHoldAssumedHeight_TheWholeBandEveryPlot()
    {
        // The same target as above with the switch off: each plot is worth the band's σ ≈ 350 m,
        // and twelve of them leave about 200 m (more than the 150 m the held height allows above).
        var scene = new TrackerScene(new TrackerConfiguration { HoldAssumedHeight = false });
        for (var scan = 0; scan < 12; scan++)
        {
            var t = scan * 4.0;
            scene.Tracker.AddRadar(ref Plot(t, -6_000 + (220 * t), 60_000, 9_000));
        }

        scene.Tracker.FlushRadar();

        var track = Assert.Single(scene.Tracker.Tracks, t => t.InUse);
        var northVariance = track.Filter.Horizontal.CovarianceAt(1, 1) / (double)(1 << 24);
        Assert.True(northVariance > 180 * 180, $"north sigma {Math.Sqrt(northVariance):F0} m");
    }

    private static (double East, double North) PairPosition(int k) => (-20_000 + (k % 10 * 4_000), 10_000 + (k / 10 * 4_000));

    /// <summary>A plot from the mast's radar (30 m up, sensor 1) of a target at (east, north, height), spherical Earth.</summary>
    internal static ref RadarMeasurement Plot(double seconds, double east, double north, double heightMetres, int icao = 0, int mode3A = -1, int modeCFeet = int.MinValue, int heightFeet = int.MinValue, long callsign = 0, int sensorId = 1)
    {
        const double earthRadius = 6_371_000;
        var ground = Math.Sqrt((east * east) + (north * north));
        var sensor = earthRadius + 30;
        var target = earthRadius + heightMetres;
        var slant = Math.Sqrt((sensor * sensor) + (target * target) - (2 * sensor * target * Math.Cos(ground / earthRadius)));
        var azimuth = Math.Atan2(east, north) * 180 / Math.PI;
        var identified = icao != 0 || mode3A >= 0 || callsign != 0;
        Scratch[0] = new RadarMeasurement
        {
            SensorId = sensorId,
            TimeUnixMicroseconds = TrackerScene.At(seconds),
            RangeMillimetres = (long)Math.Round(slant * 1000),
            AzimuthMicrodegrees = (int)Math.Round((azimuth + 360) % 360 * 1e6),
            ReportType = identified ? TargetReportType.ModeSRollCallPsr : TargetReportType.Psr,
            HasIcaoAddress = icao != 0,
            IcaoAddress = icao,
            HasMode3A = mode3A >= 0,
            Mode3A = mode3A >= 0 ? mode3A : 0,
            HasPressureAltitude = modeCFeet != int.MinValue,
            PressureAltitudeFeet = modeCFeet != int.MinValue ? modeCFeet : 0,
            HasHeight = heightFeet != int.MinValue,
            HeightFeet = heightFeet != int.MinValue ? heightFeet : 0,
            HasCallsign = callsign != 0,
            Callsign = callsign,
            SigmaRangeMillimetres = 50_000,
            SigmaAzimuthMicrodegrees = 100_000,
        };
        return ref Scratch[0];
    }

    // One slot the plot helper fills and lends by reference (AddRadar takes the plot by ref).
    [ThreadStatic]
    private static RadarMeasurement[]? _scratch;

    private static RadarMeasurement[] Scratch => _scratch ??= new RadarMeasurement[1];
}
