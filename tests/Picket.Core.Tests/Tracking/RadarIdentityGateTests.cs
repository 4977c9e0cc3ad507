using Picket.Geodesy;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;
using Picket.Tracking.Filter;
using Picket.Zones;

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
    private const long Start = 1_000_000_000_000;
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
        var role = Role();
        Track track = PlaceTrack(role);
        // 1.8 km: 800 m of range innovation, NIS = 640,000 / 12,500 = 51.2 ≤ 100.
        PlotGeometry plot = PlacePlot(role, 1_800);

        role.Gate.AssociateByIdentity(1, Start);

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
        var role = Role();
        Track track = PlaceTrack(role);
        // 3 km: 2 km of range innovation, NIS = 4,000,000 / 12,500 = 320 > 100.
        PlotGeometry plot = PlacePlot(role, 3_000);

        role.Gate.AssociateByIdentity(1, Start);

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
    private static Track PlaceTrack(Roles role)
    {
        Track track = role.Table.Allocate(Start, Start);
        track.Filter.Initialise(Start, 0, Q31x32.FromInteger(1_000), Q39x24.FromInteger(10_000), 0, 0, Q39x24.FromInteger(1));
        track.HasIcaoAddress = true;
        track.IcaoAddress = Address;
        return track;
    }

    // Plot 0: the address, due north of the radar at the mast at groundMetres (its own height:
    // no assumed height), σ 50 m in range and cross range, at Start.
    private static PlotGeometry PlacePlot(Roles role, int groundMetres)
    {
        role.Plots[0] = new RadarMeasurement { SensorId = 7, TimeUnixMicroseconds = Start, HasIcaoAddress = true, IcaoAddress = Address, RangeMillimetres = groundMetres * 1000 };
        PlotGeometry plot = role.Geometry[0];
        plot.Usable = true;
        plot.HasOwnHeight = true;
        plot.GroundRange = Q31x32.FromInteger(groundMetres);
        plot.SlantRange = plot.GroundRange;
        plot.Sine = 0;
        plot.Cosine = Q2x61.One;
        plot.North = plot.GroundRange;
        plot.BaseRangeVariance = Q39x24.FromInteger(2_500);
        plot.RangeVariance = plot.BaseRangeVariance;
        plot.CrossRangeVariance = Q39x24.FromInteger(2_500);
        return plot;
    }

    private Roles Role()
    {
        int saturations = 0;
        var configuration = new TrackerConfiguration { TrackCapacity = 2, PlotsPerBatch = 2 };
        var plane = new MastPlane(Q2x61.FromDegreesE7(595_000_000, ref saturations), Q2x61.FromDegreesE7(250_000_000, ref saturations));
        var counters = new TrackerCounters();
        var reporter = new TrackReporter(plane, this);
        var zones = new ZoneMonitor(Array.Empty<ZoneGeometry>(), Array.Empty<string>(), 0, 1, 0, 2, 500, this, counters);
        var table = new TrackTable(configuration, 0, zones, reporter, counters);
        var scratch = new TrackFilter();
        var sites = new RadarSiteTable(configuration.RadarCapacity);
        var plots = new RadarMeasurement[2];
        var geometry = new[] { new PlotGeometry(), new PlotGeometry() };
        var timing = new MeasurementTiming(configuration, counters);
        var classifier = new TargetClassifier(configuration);
        var coarseGate = new CoarseGate(configuration, counters);
        var adsb = new AdsbUpdater(configuration, plane, table.Tracks, scratch, timing, coarseGate, classifier, counters);
        var registration = new RegistrationUpdater(configuration, plane, sites, plots, geometry, scratch, counters);
        var confirmation = new TrackConfirmation(configuration, counters);
        var deletion = new TrackDeletion(configuration, sites, confirmation);
        var housekeeping = new TrackHousekeeping(configuration, table, confirmation, deletion, zones, reporter, classifier, counters);
        var heights = new RadarPlotHeights(configuration, plane, timing, adsb, counters);
        var updater = new RadarUpdater(configuration, plane, plots, geometry, scratch, heights, timing, adsb, registration, sites, table, new TrackContinuity(configuration, table.Tracks, counters), classifier, confirmation, housekeeping, counters);
        var taken = new bool[2];
        var gated = new bool[2];
        var gate = new RadarIdentityGate(configuration, table, plots, geometry, taken, gated, scratch, sites, coarseGate, updater, counters);
        return new Roles(gate, table, plots, geometry, taken, gated, counters);
    }

    private sealed record Roles(RadarIdentityGate Gate, TrackTable Table, RadarMeasurement[] Plots, PlotGeometry[] Geometry, bool[] Taken, bool[] Gated, TrackerCounters Counters);
}
