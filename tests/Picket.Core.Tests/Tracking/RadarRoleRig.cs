using Picket.Geodesy;
using Picket.Numerics;
using Picket.Radar;
using Picket.Tracking.Filter;
using Picket.Zones;

namespace Picket.Tracking;

/// <summary>
/// The tracker's radar roles wired as <see cref="Tracker"/> wires them, for the role tests: two
/// track slots, <c>plotCount</c> plots of one batch, no zones, reports to the test's output. Plots
/// are placed by hand (no radar geometry computed).
/// </summary>
internal sealed class RadarRoleRig
{
    /// <summary>The batch's time, µs.</summary>
    public const long Start = 1_000_000_000_000;

    public RadarRoleRig(int plotCount, ITrackerOutput output)
        : this(plotCount, output, new TrackerConfiguration())
    {
    }

    /// <summary>The rig with <paramref name="configuration"/> (its capacities set here: two track slots unless <paramref name="trackCapacity"/> says more).</summary>
    public RadarRoleRig(int plotCount, ITrackerOutput output, TrackerConfiguration configuration, int trackCapacity = 2)
    {
        int saturations = 0;
        configuration.TrackCapacity = trackCapacity;
        configuration.PlotsPerBatch = plotCount;
        var plane = new MastPlane(Q2x61.FromDegreesE7(595_000_000, ref saturations), Q2x61.FromDegreesE7(250_000_000, ref saturations));
        Counters = new TrackerCounters();
        var reporter = new TrackReporter(plane, output);
        var zones = new ZoneMonitor(Array.Empty<ZoneGeometry>(), Array.Empty<string>(), 0, 1, 0, 2, 500, output, Counters);
        Table = new TrackTable(configuration, 0, zones, reporter, Counters);
        var scratch = new TrackFilter();
        var sites = new RadarSiteTable(configuration.RadarCapacity);
        Plots = new RadarMeasurement[plotCount];
        Geometry = new PlotGeometry[plotCount];
        for (var p = 0; p < plotCount; p++)
        {
            Geometry[p] = new PlotGeometry();
        }

        var timing = new MeasurementTiming(configuration, Counters);
        var classifier = new TargetClassifier(configuration);
        var coarseGate = new CoarseGate(configuration, Counters);
        var adsb = new AdsbUpdater(configuration, plane, Table.Tracks, scratch, timing, coarseGate, classifier, Counters);
        var registration = new RegistrationUpdater(configuration, plane, sites, Plots, Geometry, scratch, adsb.Latency, Counters);
        var confirmation = new TrackConfirmation(configuration, Counters);
        var deletion = new TrackDeletion(configuration, sites, confirmation);
        var housekeeping = new TrackHousekeeping(configuration, Table, confirmation, deletion, sites, zones, reporter, classifier, Counters);
        var heights = new RadarPlotHeights(configuration, plane, timing, adsb, Counters);
        Updater = new RadarUpdater(configuration, plane, Plots, Geometry, scratch, heights, timing, adsb, registration, sites, Table, new TrackContinuity(configuration, Table.Tracks, Counters), classifier, confirmation, housekeeping, Counters);
        Taken = new bool[configuration.TrackCapacity];
        Gated = new bool[plotCount];
        IdentityGate = new RadarIdentityGate(configuration, Table, Plots, Geometry, Taken, Gated, scratch, sites, coarseGate, Updater, Counters);
        KinematicAssociation = new RadarKinematicAssociation(configuration, Table.Tracks, Plots, Geometry, Taken, Gated, scratch, coarseGate, Updater, new DuplicateTracks(configuration, Table, sites, Counters), Counters);
    }

    public TrackerCounters Counters { get; }

    public TrackTable Table { get; }

    public Track[] Tracks => Table.Tracks;

    public RadarMeasurement[] Plots { get; }

    public PlotGeometry[] Geometry { get; }

    /// <summary>Per track slot: taken by a plot of this batch.</summary>
    public bool[] Taken { get; }

    /// <summary>Per plot: held from starting a track (inside a track's gate, unless every such track took another plot of its scan).</summary>
    public bool[] Gated { get; }

    public RadarUpdater Updater { get; }

    public RadarIdentityGate IdentityGate { get; }

    public RadarKinematicAssociation KinematicAssociation { get; }

    /// <summary>A track at rest <paramref name="northMetres"/> north of the mast, σ 100 m per axis, at <see cref="Start"/>.</summary>
    public Track PlaceTrack(int northMetres) => PlaceTrack(northMetres, 100);

    /// <summary>A track at rest <paramref name="northMetres"/> north of the mast, σ <paramref name="sigmaMetres"/> per axis, at <see cref="Start"/>.</summary>
    public Track PlaceTrack(int northMetres, int sigmaMetres)
    {
        Track track = Table.Allocate(Start, Start);
        track.Filter.Initialise(Start, 0, Q31x32.FromInteger(northMetres), Q39x24.FromInteger(sigmaMetres * sigmaMetres), 0, 0, Q39x24.FromInteger(1));
        return track;
    }

    /// <summary>
    /// Plot <paramref name="p"/> (<paramref name="measurement"/>, timed at <see cref="Start"/>): due
    /// north of the radar at the mast at <paramref name="groundMetres"/>, with its own height (no
    /// assumed height), σ 50 m in range and cross range.
    /// </summary>
    public PlotGeometry PlacePlotNorth(int p, int groundMetres, RadarMeasurement measurement)
    {
        measurement.TimeUnixMicroseconds = Start;
        measurement.RangeMillimetres = groundMetres * 1000;
        Plots[p] = measurement;
        PlotGeometry plot = Geometry[p];
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
}
