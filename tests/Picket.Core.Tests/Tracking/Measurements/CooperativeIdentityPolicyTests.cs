using Picket.Publishing;

namespace Picket.Tracking.Measurements;

/// <summary>Who may make a track cooperative (DO-260B 2.2.3.1 control field; the masking rule of issue 9).</summary>
public class CooperativeIdentityPolicyTests
{
    [Theory]
    [InlineData(17, 0, false)]
    [InlineData(18, 0, false)] // ADS-B ES/NT, ICAO address: the target itself
    [InlineData(18, 1, false)] // ADS-B ES/NT, other address: the target itself
    [InlineData(18, 2, true)] // fine TIS-B
    [InlineData(18, 3, true)] // coarse TIS-B
    [InlineData(18, 5, true)] // TIS-B relaying an anonymous address
    [InlineData(18, 6, true)] // ADS-R
    [InlineData(18, 7, true)] // reserved: not trusted as self-identifying
    public void IsRelayed_ControlField_OnlyGroundStationRelays(int downlinkFormat, int controlField, bool expected)
    {
        Assert.Equal(expected, CooperativeIdentityPolicy.IsRelayed(downlinkFormat, controlField));
    }

    [Fact]
    public void MayAdopt_TentativeOrYoungUnidentified_YesNonCooperativeOrOldOrIdentified_No()
    {
        var scene = new TrackerScene();
        for (var scan = 0; scan < 2; scan++)
        {
            scene.RadarPlot(scan * 4.0, 20_000 + (800.0 * scan), -15_000, 9_000, withModeC: false);
        }

        scene.Tracker.FlushRadar();
        var track = Assert.Single(scene.Tracker.Tracks, t => t.InUse);
        var born = track.BornMicroseconds;

        Assert.Equal(TrackStatus.Tentative, track.Status);
        Assert.True(CooperativeIdentityPolicy.MayAdopt(track, born + 600_000_000, 20_000_000), "tentative: whatever its age");
        track.Status = TrackStatus.Confirmed;
        Assert.True(CooperativeIdentityPolicy.MayAdopt(track, born + 20_000_000, 20_000_000), "confirmed but young");
        Assert.False(CooperativeIdentityPolicy.MayAdopt(track, born + 20_000_001, 20_000_000), "confirmed and older");
        track.NonCooperative = true;
        Assert.False(CooperativeIdentityPolicy.MayAdopt(track, born, 20_000_000), "declared non-cooperative");
        track.NonCooperative = false;
        track.HasMode3A = true;
        Assert.False(CooperativeIdentityPolicy.MayAdopt(track, born, 20_000_000), "already identified");
    }
}
