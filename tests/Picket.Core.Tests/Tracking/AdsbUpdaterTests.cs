using Picket.Geodesy;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Tracking.Filter;
using Picket.Tracking.Measurements;

namespace Picket.Tracking;

/// <summary>
/// The ADS-B updater's rules alone, on hand-made tracks in a plane centred on the mast: which
/// unidentified track a new address may adopt (and which it may not: possible masking), and the
/// gate on an established track's positions. NIS values worked out by hand in the comments
/// (default ADS-B σ 25 m ⊕ 1.5 m CPR quantisation = 25.04 m, variance 627.25 m²).
/// </summary>
public class AdsbUpdaterTests
{
    private const long Start = 1_000_000_000_000;
    private const int MastLatitudeE7 = 595_000_000;
    private const int MastLongitudeE7 = 250_000_000;

    [Fact]
    public void FindUnidentifiedNear_TentativePrimaryTrackInTheGate_AdoptedAndUpdated()
    {
        var (updater, tracks, _) = Role();
        var track = Place(tracks[0], eastMetres: 50, positionVariance: 10_000);

        // NIS = 50² / (10,000 + 627.25) = 0.24 < 14.
        var adopted = updater.FindUnidentifiedNear(0, 0, Q39x24.FromInteger(627), Start, out var masking);

        Assert.Same(track, adopted);
        Assert.False(masking);
        Assert.Equal(1, track.AdsbPositions);
        Assert.Equal(Start, track.LastAdsbPositionMicroseconds);

        // Kalman: 50 - 50 × 10,000 / 10,627 = 2.95 m.
        Assert.Equal(50 - (50 * 10_000.0 / 10_627), track.Filter.Horizontal.Mean[0] / 4294967296.0, 2);
    }

    [Fact]
    public void FindUnidentifiedNear_EstablishedNonCooperativeTrack_NotAdoptedPossibleMasking()
    {
        var (updater, tracks, _) = Role();
        var track = Place(tracks[0], eastMetres: 50, positionVariance: 10_000);
        track.Status = TrackStatus.Confirmed;
        track.NonCooperative = true;

        var adopted = updater.FindUnidentifiedNear(0, 0, Q39x24.FromInteger(627), Start, out var masking);

        Assert.Null(adopted);
        Assert.True(masking);
        Assert.Equal(1u, track.PossibleMaskingCount);
        Assert.Equal(0, track.AdsbPositions);
    }

    [Fact]
    public void FindUnidentifiedNear_TrackOutsideTheGate_NeitherAdoptedNorMasking()
    {
        var (updater, tracks, _) = Role();

        // NIS = 400² / 10,627 = 15.06 ≥ 14.
        Place(tracks[0], eastMetres: 400, positionVariance: 10_000);

        Assert.Null(updater.FindUnidentifiedNear(0, 0, Q39x24.FromInteger(627), Start, out var masking));
        Assert.False(masking);
    }

    [Fact]
    public void ApplyAdsbPosition_EstablishedTrackPositionFarOff_RejectedAndCounted()
    {
        var (updater, tracks, counters) = Role();

        // The track at 1 km east (σ 25 m), the position at the mast: NIS ≈ 1,000² / 1,252 ≈ 800 ≫ 14.
        var track = Place(tracks[0], eastMetres: 1_000, positionVariance: 625);
        track.HasIcaoAddress = true;
        track.AdsbPositions = 2;
        var observation = AtMast();

        Assert.False(updater.ApplyAdsbPosition(track, ref observation));
        Assert.Equal(1, counters.AdsbPositionsRejected);
        Assert.Equal(1, track.ConsecutiveAdsbRejects);
        Assert.Equal(Q31x32.FromInteger(1_000), track.Filter.Horizontal.Mean[0]);
        Assert.Equal(2, track.AdsbPositions);
    }

    [Fact]
    public void ApplyAdsbPosition_SecondPositionOfATrack_NotGatedYet()
    {
        var (updater, tracks, _) = Role();
        var track = Place(tracks[0], eastMetres: 1_000, positionVariance: 625);
        track.HasIcaoAddress = true;
        track.AdsbPositions = 1;
        var observation = AtMast();

        Assert.True(updater.ApplyAdsbPosition(track, ref observation));
        Assert.Equal(2, track.AdsbPositions);
        Assert.True(track.Filter.Horizontal.Mean[0] < Q31x32.FromInteger(600));
    }

    private static (AdsbUpdater Updater, Track[] Tracks, TrackerCounters Counters) Role()
    {
        var saturations = 0;
        var configuration = new TrackerConfiguration();
        var plane = new MastPlane(Q2x61.FromDegreesE7(MastLatitudeE7, ref saturations), Q2x61.FromDegreesE7(MastLongitudeE7, ref saturations));
        var counters = new TrackerCounters();
        var tracks = new[] { new Track(0) };
        var updater = new AdsbUpdater(configuration, plane, tracks, new TrackFilter(), new MeasurementTiming(configuration, counters), new CoarseGate(configuration, counters), new TargetClassifier(configuration), counters);
        return (updater, tracks, counters);
    }

    private static Track Place(Track track, int eastMetres, long positionVariance)
    {
        track.Reset(1, Start);
        track.Filter.Initialise(Start, Q31x32.FromInteger(eastMetres), 0, Q39x24.FromInteger(positionVariance), 0, 0, Q39x24.FromInteger(100));
        return track;
    }

    private static ModeSObservation AtMast() => new()
    {
        TimeUnixMicroseconds = Start,
        IcaoAddress = 0x4CA2D1,
        HasPosition = true,
        LatitudeE7 = MastLatitudeE7,
        LongitudeE7 = MastLongitudeE7,
    };
}
