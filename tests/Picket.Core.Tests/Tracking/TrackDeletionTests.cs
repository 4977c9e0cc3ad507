using Picket.Numerics;
using Picket.Publishing;
using Picket.Tracking.Life;

namespace Picket.Tracking;

/// <summary>
/// The deletion role alone, on hand-made tracks under the fixed rule (M-of-N, so the score does
/// not decide): misses counted per the feeding radar's own scan period with half a period of
/// grace, coasting from the first miss, the miss caps, M-of-N's early drop and the uncertainty
/// limit. Times and counts worked out by hand in the comments.
/// </summary>
public class TrackDeletionTests
{
    private const long Start = 1_000_000_000_000;
    private const long Second = 1_000_000;

    [Theory]
    [InlineData(5_900_000, 0, TrackStatus.Confirmed, true)] // idle 5.9 - 2 = 3.9 s < 4 s
    [InlineData(6_000_000, 1, TrackStatus.Coasting, true)] // 4 s: one scan missed
    [InlineData(22_000_000, 5, TrackStatus.Coasting, true)] // 20 s: five, the cap
    [InlineData(26_000_000, 6, TrackStatus.Coasting, false)] // six: dropped
    public void AdvanceLifeCycle_ConfirmedRadarTrack_MissesPerFourSecondScan(long elapsed, int misses, TrackStatus status, bool kept)
    {
        var (deletion, _) = Role();
        var track = Confirmed(velocityVariance: 1);

        Assert.Equal(kept, deletion.AdvanceLifeCycle(track, Start + elapsed));
        Assert.Equal(misses, track.Misses);
        Assert.Equal(status, track.Status);
    }

    [Fact]
    public void AdvanceLifeCycle_RadarWithItsOwnOneSecondScan_MissesCountedWithIt()
    {
        var (deletion, sites) = Role();
        Assert.True(sites.SetScanPeriod(7, Second));
        var track = Confirmed(velocityVariance: 1);
        track.HasRadarSensor = true;
        track.RadarSensorId = 7;

        // 1.6 s: idle 1.6 - 0.5 = 1.1 s, one 1 s scan (with the default 4 s period: none).
        Assert.True(deletion.AdvanceLifeCycle(track, Start + 1_600_000));
        Assert.Equal(1, track.Misses);
        Assert.Equal(TrackStatus.Coasting, track.Status);
    }

    [Fact]
    public void AdvanceLifeCycle_AdsbFedTrack_MissesPerFiveSecondOpportunity()
    {
        var (deletion, _) = Role();
        var track = Confirmed(velocityVariance: 1);
        track.LastAdsbPositionMicroseconds = Start;

        // The longer of the ADS-B opportunity (5 s) and the scan (4 s): 7.4 - 2.5 = 4.9 s, none;
        // 7.5 - 2.5 = 5 s, one.
        Assert.True(deletion.AdvanceLifeCycle(track, Start + 7_400_000));
        Assert.Equal(0, track.Misses);
        Assert.True(deletion.AdvanceLifeCycle(track, Start + 7_500_000));
        Assert.Equal(1, track.Misses);
    }

    [Theory]
    [InlineData(12_400_000, true)] // idle 12.4 - 2.5 = 9.9 s: one 5 s opportunity missed, the cap
    [InlineData(12_500_000, false)] // 10 s: two, dropped (a radar-fed track coasts to six)
    public void AdvanceLifeCycle_LastFedByAdsb_DroppedAfterTwoMissedOpportunities(long elapsed, bool kept)
    {
        var (deletion, _) = Role();
        var track = Confirmed(velocityVariance: 1);
        track.LastAdsbPositionMicroseconds = Start;

        Assert.Equal(kept, deletion.AdvanceLifeCycle(track, Start + elapsed));
    }

    [Fact]
    public void AdvanceLifeCycle_AdsbTrackLastFedByRadar_CoastsAsARadarTrack()
    {
        // ADS-B stopped 10 s before the last radar plot (a transponder switched off, the primary
        // radar still sees it): 17.5 s after that plot is three missed opportunities, kept (as
        // a radar track: ADS-B's own coast would have ended it at two).
        var (deletion, _) = Role();
        var track = Confirmed(velocityVariance: 1);
        track.LastAdsbPositionMicroseconds = Start - (10 * Second);
        track.LastRadarMicroseconds = Start;

        Assert.True(deletion.AdvanceLifeCycle(track, Start + 17_500_000));
        Assert.Equal(3, track.Misses);
    }

    [Fact]
    public void AdvanceLifeCycle_ConfirmedTrackTooUncertain_Dropped()
    {
        var (deletion, _) = Role();

        // σ_v 500 m/s: 4 s on, P = 10,000 + 16 × 250,000 = 4,010,000 m² (σ 2,002 m) ≤ 5,000²;
        // 12 s on, P = 10,000 + 144 × 250,000 = 36,010,000 m² (σ 6,001 m): dropped.
        var track = Confirmed(velocityVariance: 250_000);
        Assert.True(deletion.AdvanceLifeCycle(track, Start + (4 * Second)));
        Assert.False(deletion.AdvanceLifeCycle(track, Start + (12 * Second)));
    }

    [Theory]
    [InlineData(2_100_000, true)] // one scan passed: 1 hit + 5 scans left ≥ 5
    [InlineData(6_100_000, true)] // two passed (one missed): 1 + 4 ≥ 5
    [InlineData(10_100_000, false)] // three passed: 1 + 3 < 5, can no longer confirm
    public void AdvanceLifeCycle_TentativePrimaryTrackFiveOfSix_DroppedWhenFiveCanNoLongerBeReached(long elapsed, bool kept)
    {
        var (deletion, _) = Role();
        var track = Place();
        track.RadarHits = 1;

        Assert.Equal(kept, deletion.AdvanceLifeCycle(track, Start + elapsed));
        Assert.Equal(TrackStatus.Tentative, track.Status);
    }

    private static (TrackDeletion Deletion, RadarSiteTable Sites) Role()
    {
        var configuration = new TrackerConfiguration { LifeRule = TrackLifeRule.MOfN };
        var sites = new RadarSiteTable(configuration.RadarCapacity);
        return (new TrackDeletion(configuration, sites, new TrackConfirmation(configuration, new TrackerCounters())), sites);
    }

    private static Track Confirmed(long velocityVariance)
    {
        var track = Place(velocityVariance);
        track.Status = TrackStatus.Confirmed;
        return track;
    }

    // Born and last updated at Start, σ 100 m per position axis.
    private static Track Place(long velocityVariance = 1)
    {
        var track = new Track(0);
        track.Reset(1, Start);
        track.Filter.Initialise(Start, 0, 0, Q39x24.FromInteger(10_000), 0, 0, Q39x24.FromInteger(velocityVariance));
        return track;
    }
}
