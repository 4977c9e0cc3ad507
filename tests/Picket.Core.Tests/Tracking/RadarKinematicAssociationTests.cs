using Picket.Geodesy;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;
using Picket.Tracking.Filter;
using Picket.Zones;

namespace Picket.Tracking;

/// <summary>
/// The kinematic association alone, on hand-made plot geometry (radar at the mast, plots due
/// north, no identity) and two tracks on the north axis at 1,000 m and 1,400 m (σ 100 m per axis,
/// at rest). With plot σ 50 m the range innovation's variance is 12,500 m²: the plot at 1,050 m
/// has NIS 0.2 with the first track and 9.8 with the second (both ≤ 14, gated), the one at
/// 1,350 m the reverse; the plot at 3 km (NIS 320 and 204.8) is in no gate.
/// </summary>
public class RadarKinematicAssociationTests : ITrackerOutput
{
    private const long Start = 1_000_000_000_000;

    void ITrackerOutput.OnTrackReport(ref TrackReport report)
    {
    }

    void ITrackerOutput.OnZoneAlert(ref ZoneAlert alert)
    {
    }

    [Fact]
    public void AssociateByKinematics_TwoTracksTwoPlotsInBothGates_EachTheNearestAndTheFarPlotUngated()
    {
        var role = Role();
        Track first = PlaceTrack(role, 1_000);
        Track second = PlaceTrack(role, 1_400);
        PlotGeometry near = PlacePlot(role, 0, 1_350);
        PlotGeometry nearFirst = PlacePlot(role, 1, 1_050);
        PlotGeometry far = PlacePlot(role, 2, 3_000);

        role.Association.AssociateByKinematics(3, Start);

        Assert.True(near.Used);
        Assert.True(nearFirst.Used);
        Assert.False(far.Used);
        Assert.True(role.Gated[0]);
        Assert.True(role.Gated[1]);
        Assert.False(role.Gated[2]);
        Assert.Equal(1, first.RadarHits);
        Assert.Equal(1, second.RadarHits);
        // Each estimate pulled towards its own plot: the first north of 1,000 m, the second south of 1,400 m.
        Assert.InRange(first.Filter.Horizontal.Mean[1], Q31x32.FromInteger(1_001), Q31x32.FromInteger(1_050));
        Assert.InRange(second.Filter.Horizontal.Mean[1], Q31x32.FromInteger(1_350), Q31x32.FromInteger(1_399));
        Assert.Equal(2, role.Counters.RadarPlotsAssociated);
    }

    [Fact]
    public void AssociateByKinematics_TrackTakenByIdentity_NotACandidate()
    {
        var role = Role();
        Track first = PlaceTrack(role, 1_000);
        PlotGeometry plot = PlacePlot(role, 0, 1_050);
        role.Taken[0] = true;

        role.Association.AssociateByKinematics(1, Start);

        Assert.False(plot.Used);
        Assert.False(role.Gated[0]);
        Assert.Equal(0, first.RadarHits);
    }

    // A track at northMetres on the north axis at Start, σ 100 m per axis, at rest.
    private static Track PlaceTrack(Roles role, int northMetres)
    {
        Track track = role.Table.Allocate(Start, Start);
        track.Filter.Initialise(Start, 0, Q31x32.FromInteger(northMetres), Q39x24.FromInteger(10_000), 0, 0, Q39x24.FromInteger(1));
        return track;
    }

    // Plot p: due north of the radar at the mast at groundMetres (its own height: no assumed
    // height), σ 50 m in range and cross range, at Start, no identity.
    private static PlotGeometry PlacePlot(Roles role, int p, int groundMetres)
    {
        role.Plots[p] = new RadarMeasurement { SensorId = 7, TimeUnixMicroseconds = Start, RangeMillimetres = groundMetres * 1000 };
        PlotGeometry plot = role.Geometry[p];
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
        var configuration = new TrackerConfiguration { TrackCapacity = 2, PlotsPerBatch = 3 };
        var plane = new MastPlane(Q2x61.FromDegreesE7(595_000_000, ref saturations), Q2x61.FromDegreesE7(250_000_000, ref saturations));
        var counters = new TrackerCounters();
        var reporter = new TrackReporter(plane, this);
        var zones = new ZoneMonitor(Array.Empty<ZoneGeometry>(), Array.Empty<string>(), 0, 1, 0, 2, 500, this, counters);
        var table = new TrackTable(configuration, 0, zones, reporter, counters);
        var scratch = new TrackFilter();
        var sites = new RadarSiteTable(configuration.RadarCapacity);
        var plots = new RadarMeasurement[3];
        var geometry = new[] { new PlotGeometry(), new PlotGeometry(), new PlotGeometry() };
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
        var gated = new bool[3];
        var association = new RadarKinematicAssociation(configuration, table.Tracks, plots, geometry, taken, gated, scratch, coarseGate, updater, counters);
        return new Roles(association, table, plots, geometry, taken, gated, counters);
    }

    private sealed record Roles(RadarKinematicAssociation Association, TrackTable Table, RadarMeasurement[] Plots, PlotGeometry[] Geometry, bool[] Taken, bool[] Gated, TrackerCounters Counters);
}
