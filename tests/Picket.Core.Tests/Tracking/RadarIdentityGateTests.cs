using Picket.Publishing;
using Picket.Radar;

namespace Picket.Tracking;

/// <summary>
/// The radar identity gate alone, on hand-made plot geometry (radar at the mast, plots due north)
/// and a track 1 km north (σ 100 m per axis, at rest): a plot naming the track by its Mode S
/// address inside the identity gate (NIS ≤ 100) updates it, one outside is rejected and counted;
/// and which identities conflict. NIS worked out by hand in the comments (plot σ 50 m, so the
/// range innovation's variance is 10,000 + 2,500 = 12,500 m²).
/// </summary>
public class RadarIdentityGateTests : ITrackerOutput
{
    private const long Start = RadarRoleRig.Start;
    private const int Address = 0x4CA123;

    void ITrackerOutput.OnTrackReport(ref TrackReport report)
    {
    }

    void ITrackerOutput.OnZoneAlert(ref ZoneAlert alert)
    {
    }

    [Fact]
    public void AssociateByIdentity_AddressInsideTheWiderIdentityGate_TrackUpdated()
    {
        var role = new RadarRoleRig(2, this);
        Track track = PlaceTrack(role);
        // 1.8 km: 800 m of range innovation, NIS = 640,000 / 12,500 = 51.2 ≤ 100.
        PlotGeometry plot = role.PlacePlotNorth(0, 1_800, new RadarMeasurement { SensorId = 7, HasIcaoAddress = true, IcaoAddress = Address });

        role.IdentityGate.AssociateByIdentity(1, Start);

        Assert.True(plot.Used);
        Assert.False(plot.IdentityRejected);
        Assert.True(role.Gated[0]);
        Assert.True(role.Taken[0]);
        Assert.Equal(1, track.RadarHits);
        Assert.Equal(1, role.Counters.RadarPlotsAssociated);
        Assert.Equal(0, role.Counters.RadarIdentityPlotsOutsideGate);
    }

    [Fact]
    public void AssociateByIdentity_AddressOutsideTheIdentityGate_RejectedAndCounted()
    {
        var role = new RadarRoleRig(2, this);
        Track track = PlaceTrack(role);
        // 3 km: 2 km of range innovation, NIS = 4,000,000 / 12,500 = 320 > 100.
        PlotGeometry plot = role.PlacePlotNorth(0, 3_000, new RadarMeasurement { SensorId = 7, HasIcaoAddress = true, IcaoAddress = Address });

        role.IdentityGate.AssociateByIdentity(1, Start);

        Assert.False(plot.Used);
        Assert.True(plot.IdentityRejected);
        Assert.False(role.Gated[0]);
        Assert.False(role.Taken[0]);
        Assert.Equal(0, track.RadarHits);
        Assert.Equal(1, role.Counters.RadarIdentityPlotsOutsideGate);
        Assert.Equal(Start, track.IdentityOutsideGateMicroseconds);
    }

    [Theory]
    [InlineData(Address, 0, 0x1200, false)] // same address: no conflict, whatever the code
    [InlineData(Address + 1, 0, 0, true)] // another address
    [InlineData(0, 0, 0x1200, true)] // no address on the plot: the Mode 3/A differs
    [InlineData(0, 0, 0x7000, false)] // the same Mode 3/A
    public void IdentityConflict_PlotAgainstTrackWithAddressAndCode(int plotAddress, long plotCallsign, int plotCode, bool expected)
    {
        var track = new Track(0);
        track.HasIcaoAddress = plotAddress != 0;
        track.IcaoAddress = Address;
        track.HasMode3A = true;
        track.Mode3A = 0x7000;
        var plot = new RadarMeasurement
        {
            HasIcaoAddress = plotAddress != 0,
            IcaoAddress = plotAddress,
            HasCallsign = plotCallsign != 0,
            Callsign = plotCallsign,
            HasMode3A = plotCode != 0,
            Mode3A = plotCode,
        };

        Assert.Equal(expected, RadarIdentityGate.IdentityConflict(track, ref plot));
    }

    // A track with the address 1 km north of the mast at Start, σ 100 m per axis, at rest.
    private static Track PlaceTrack(RadarRoleRig role)
    {
        Track track = role.PlaceTrack(1_000);
        track.HasIcaoAddress = true;
        track.IcaoAddress = Address;
        return track;
    }
}
