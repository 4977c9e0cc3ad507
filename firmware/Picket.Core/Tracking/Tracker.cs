using Picket.Geodesy;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;
using Picket.Tracking.Association;
using Picket.Tracking.Filter;
using Picket.Tracking.Life;
using Picket.Tracking.Measurements;
using Picket.Tracking.Registration;
using Picket.Zones;

namespace Picket.Tracking;

/// <summary>
/// The multi-target tracker: a fixed table of <see cref="Track"/>s fed by Mode S / ADS-B
/// observations and radar plots in time order, associating identity first (ICAO address, then
/// callsign, then Mode 3/A with Mode C consistency) and kinematically second (NIS gates, global
/// nearest neighbour over each batch of plots with <see cref="AssignmentSolver"/>). It fuses
/// radar and ADS-B of one aircraft into one track, marks radar tracks without identity as
/// non-cooperative, distrusts ADS-B positions that radar contradicts, raises zone alerts and
/// reports every live track at least every <see cref="TrackerConfiguration.ReportIntervalMicroseconds"/>.
/// Everything is allocated by the constructor; overload sheds the oldest tentative tracks.
/// </summary>
public sealed class Tracker
{
    private readonly TrackerConfiguration _configuration;
    private readonly MastPlane _plane;
    private readonly int _mastHeightMillimetres;
    private readonly TrackTable _table;
    private readonly TrackContinuity _continuity;
    private readonly TargetClassifier _classifier;
    private readonly MeasurementTiming _timing;
    private readonly CoarseGate _coarseGate;
    private readonly AdsbUpdater _adsb;
    private readonly AdsbTrackAdoption _adsbAdoption;
    private readonly RegistrationUpdater _registrationUpdater;
    private readonly TrackConfirmation _confirmation;
    private readonly TrackDeletion _deletion;
    private readonly TrackHousekeeping _housekeeping;
    private readonly RadarUpdater _radarUpdater;
    private readonly RadarIdentityGate _identityGate;
    private readonly RadarKinematicAssociation _kinematicAssociation;
    private RadarSiteTable _radarSites;
    private RadarMeasurement[] _plots;
    private PlotGeometry[] _geometry;
    private int _plotCount;
    private long _batchStartMicroseconds;
    private long _batchSpanMicroseconds;
    private bool[] _taken;
    private bool[] _gated;
    private readonly Track[] _tracks;
    private readonly ZoneMonitor _zoneMonitor;
    private readonly TrackFilter _scratch = new TrackFilter();
    private readonly TrackReporter _reporter;
    private long _nowMicroseconds;
    private long _nextHousekeepingMicroseconds;
    private long _nextZoneRoundMicroseconds;
    private bool _hasTime;

    /// <summary>Creates a tracker and allocates all its state.</summary>
    /// <param name="configuration">Settings (read once; capacities fixed here).</param>
    /// <param name="plane">The mast plane every position is tracked in.</param>
    /// <param name="mastHeightMillimetres">Mast height above the ellipsoid (default radar site height), mm.</param>
    /// <param name="zones">Protected zones in plane millimetres (an empty array for none).</param>
    /// <param name="zoneNames">Their names, same length as <paramref name="zones"/>.</param>
    /// <param name="output">Receives reports and alerts.</param>
    public Tracker(TrackerConfiguration configuration, MastPlane plane, int mastHeightMillimetres, ZoneGeometry[] zones, string[] zoneNames, ITrackerOutput output)
    {
        if (configuration == null || plane == null || output == null || zones == null || zoneNames == null)
        {
            throw new System.ArgumentNullException(nameof(configuration), "Configuration, plane, zones, zone names and output are all required.");
        }

        _configuration = configuration;
        _plane = plane;
        _mastHeightMillimetres = mastHeightMillimetres;
        Counters = new TrackerCounters();
        _reporter = new TrackReporter(plane, output);
        _zoneMonitor = new ZoneMonitor(zones, zoneNames, configuration.ZoneMarginMillimetres, configuration.ZoneDwellSamples, configuration.ZoneMinimumEnterMarginMillimetres, configuration.ZoneEnterMarginSigmas, configuration.ZoneEnterMarginTravelMilliseconds, configuration.ZoneSampleMinimumIntervalMicroseconds, output, Counters)
        {
            ExitMarginSigmas = configuration.ZoneExitMarginSigmas,
            EnterHeadingInAtPlot = configuration.ZoneEnterHeadingInAtPlot,
        };
        _table = new TrackTable(configuration, zones.Length, _zoneMonitor, _reporter, Counters);
        _tracks = _table.Tracks;
        _continuity = new TrackContinuity(configuration, _tracks, Counters);
        _classifier = new TargetClassifier(configuration);
        _timing = new MeasurementTiming(configuration, Counters);
        _coarseGate = new CoarseGate(configuration, Counters);
        _adsb = new AdsbUpdater(configuration, plane, _tracks, _scratch, _timing, _coarseGate, _classifier, Counters);
        _adsbAdoption = new AdsbTrackAdoption(configuration, _table, _adsb, Counters);

        AllocateRadar(configuration);
        _registrationUpdater = new RegistrationUpdater(configuration, plane, _radarSites, _plots, _geometry, _scratch, _adsb.Latency, Counters);
        _confirmation = new TrackConfirmation(configuration, Counters);
        _deletion = new TrackDeletion(configuration, _radarSites, _confirmation);
        _housekeeping = new TrackHousekeeping(configuration, _table, _confirmation, _deletion, _radarSites, _zoneMonitor, _reporter, _classifier, Counters);
        RadarPlotHeights heights = new RadarPlotHeights(configuration, plane, _timing, _adsb, Counters);
        _radarUpdater = new RadarUpdater(configuration, plane, _plots, _geometry, _scratch, heights, _timing, _adsb, _registrationUpdater, _radarSites, _table, _continuity, _classifier, _confirmation, _housekeeping, Counters);
        _identityGate = new RadarIdentityGate(configuration, _table, _plots, _geometry, _taken, _gated, _scratch, _radarSites, _coarseGate, _radarUpdater, Counters);
        DuplicateTracks duplicates = new DuplicateTracks(configuration, _table, _radarSites, Counters);
        _kinematicAssociation = new RadarKinematicAssociation(configuration, _tracks, _plots, _geometry, _taken, _gated, _scratch, _coarseGate, _radarUpdater, duplicates, Counters);
    }

    /// <summary>The settings.</summary>
    public TrackerConfiguration Configuration => _configuration;

    /// <summary>What the tracker did and refused.</summary>
    public TrackerCounters Counters { get; }

    /// <summary>The track slots (check <see cref="Track.InUse"/>).</summary>
    public Track[] Tracks => _tracks;

    /// <summary>The radar sites and scan periods known to the tracker.</summary>
    public RadarSiteTable RadarSites => _radarSites;

    /// <summary>What the tracker has learned of each radar from ADS-B-fed aircraft.</summary>
    public RadarRegistration Registration => _registrationUpdater.Registration;

    /// <summary>How late the ADS-B positions are, learned from radar plots of ADS-B-fed aircraft.</summary>
    public AdsbLatency AdsbLatency => _adsb.Latency;

    /// <summary>How much the lateness of ADS-B positions varies, learned from the positions (<see cref="TrackerConfiguration.AdsbTimingSpreadEstimate"/>).</summary>
    public AdsbTimingSpread AdsbTimingSpread => _adsb.TimingSpread;

    /// <summary>What the tracker has learned of each radar's noise from its tracks' plot differences.</summary>
    public PlotDifferenceNoise NoiseFromDifferences => _registrationUpdater.Differences;

    /// <summary>The clutter map the track score reads (learnt from plots no confirmed track claimed).</summary>
    public ClutterMap Clutter => _confirmation.Clutter;

    /// <summary>Latest data time seen, UTC µs.</summary>
    public long NowMicroseconds => _nowMicroseconds;

    /// <summary>Live tracks.</summary>
    public int LiveTrackCount => _table.LiveCount;

    /// <summary>
    /// Advances data time: processes any radar batch older than the batch span, then, once per
    /// housekeeping interval, runs the life cycle, zone checks and periodic reports. Called by
    /// every Add; call it directly when no data arrives (e.g. from a clock tick).
    /// </summary>
    /// <param name="timeUnixMicroseconds">Data time, UTC µs (earlier times are ignored).</param>
    public void AdvanceTo(long timeUnixMicroseconds)
    {
        if (!_hasTime)
        {
            _hasTime = true;
            _nowMicroseconds = timeUnixMicroseconds;
            _nextHousekeepingMicroseconds = timeUnixMicroseconds + _configuration.HousekeepingIntervalMicroseconds;
            return;
        }

        if (timeUnixMicroseconds <= _nowMicroseconds)
        {
            return;
        }

        _nowMicroseconds = timeUnixMicroseconds;
        if (_plotCount > 0 && _nowMicroseconds - _batchStartMicroseconds > _batchSpanMicroseconds)
        {
            FlushRadar();
        }

        if (_nowMicroseconds >= _nextHousekeepingMicroseconds)
        {
            Housekeeping();
            _nextHousekeepingMicroseconds = _nowMicroseconds + _configuration.HousekeepingIntervalMicroseconds;
            _nextZoneRoundMicroseconds = _nowMicroseconds + _configuration.ZoneDwellRoundIntervalMicroseconds;
        }
        else if (_configuration.ZoneDwellRoundIntervalMicroseconds > 0 && _nowMicroseconds >= _nextZoneRoundMicroseconds)
        {
            _housekeeping.SamplePendingZones(_nowMicroseconds);
            _nextZoneRoundMicroseconds = _nowMicroseconds + _configuration.ZoneDwellRoundIntervalMicroseconds;
        }
    }

    /// <summary>
    /// Ends the input: processes pending plots and runs the life cycle at the latest data time.
    /// The end of the input ends nothing: live tracks stay live (no drop, no alert); what the
    /// tracker knows is what it last reported.
    /// </summary>
    public void Finish()
    {
        FlushRadar();
        Housekeeping();
    }

    /// <summary>Adds one Mode S / ADS-B observation (in receive-time order).</summary>
    /// <param name="observation">The observation.</param>
    public void AddModeS(ref ModeSObservation observation)
    {
        Counters.ModeSObservations++;
        Counters.Saturations += observation.Saturations;
        if (observation.IsRelayed)
        {
            Counters.RelayedObservations++;
        }

        AdvanceTo(observation.TimeUnixMicroseconds);
        long time = observation.TimeUnixMicroseconds;
        bool positionUsed = false;
        bool identityChanged = false;

        // Identity is the ICAO address alone. A callsign never associates on its own: a track can
        // only hold a callsign its address sent, and a callsign is not unique proof of who sends it.
        Track track = FindByIcao(observation.IcaoAddress);
        if (track == null)
        {
            track = _adsbAdoption.AdoptOrStart(ref observation, _nowMicroseconds);
            if (track == null)
            {
                return;
            }

            positionUsed = true;
        }
        else if (!observation.IsRelayed && track.IdentityRelayedOnly)
        {
            // The aircraft itself squits or replies: it identifies itself from now on.
            track.IdentityRelayedOnly = false;
            identityChanged = true;
        }

        identityChanged |= _adsb.ApplyIdentity(track, ref observation);
        if (!track.HasIcaoAddress)
        {
            track.HasIcaoAddress = true;
            track.IcaoAddress = observation.IcaoAddress;
            identityChanged = true;
        }

        if (observation.HasNacP)
        {
            track.HasNacP = true;
            track.NacP = observation.NacP;
        }

        if (observation.HasGeometricMinusBarometric)
        {
            track.HasGeometricMinusBarometric = true;
            track.GeometricMinusBarometricMillimetres = observation.GeometricMinusBarometricMillimetres;
        }

        track.Sources |= observation.IsExtendedSquitter ? TrackSources.Adsb : TrackSources.ModeS;
        track.AdsbUpdateCount++;
        bool kinematic = positionUsed;
        if (observation.HasPosition && !positionUsed)
        {
            kinematic |= _adsb.ApplyAdsbPosition(track, ref observation);
        }

        if (observation.HasVelocity)
        {
            kinematic |= _adsb.ApplyAdsbVelocity(track, ref observation);
        }

        if (observation.HasAltitude)
        {
            _adsb.ApplyPressureAltitude(track, observation.AltitudeFeet, time);
        }
        else if (observation.HasGeometricHeight)
        {
            _adsb.ApplyGeometricHeight(track, observation.GeometricHeightMillimetres, _configuration.GnssHeightSigmaMillimetres, 0, time);
        }

        if (observation.HasVerticalRate && track.Filter.HasVertical && track.Filter.TimeMicroseconds == time)
        {
            track.Filter.UpdateVerticalRate(FromMillimetres(observation.VerticalRateMillimetresPerSecond), VarianceFromSigmaMillimetres(_configuration.AdsbVerticalRateSigmaMillimetresPerSecond));
        }

        if (kinematic)
        {
            track.UpdateCount++;
            track.LastUpdateMicroseconds = time;
            track.Misses = 0;
            if (track.Status == TrackStatus.Coasting)
            {
                track.Status = TrackStatus.Confirmed;
            }
            else if (track.Status == TrackStatus.Tentative && track.AdsbPositions >= _configuration.AdsbConfirmPositions && (track.AdsbVelocities > 0 || track.AdsbPositions > _configuration.AdsbConfirmPositions + 1))
            {
                Confirm(track);
            }

            CheckZonesAfterUpdate(track);
        }

        if (identityChanged)
        {
            Report(track, track.Status);
        }
        else if (kinematic)
        {
            ReportIfDue(track);
        }
    }

    /// <summary>Adds one radar plot (in time order per radar).</summary>
    /// <param name="measurement">The plot.</param>
    public void AddRadar(ref RadarMeasurement measurement)
    {
        Counters.RadarPlots++;
        if (!measurement.HasPosition && (measurement.AzimuthIsRelative || measurement.RangeMillimetres <= 0))
        {
            Counters.RadarPlotsUnusable++;
            return;
        }

        AdvanceTo(measurement.TimeUnixMicroseconds);
        if (_plotCount > 0 && (_plotCount == _plots.Length || measurement.TimeUnixMicroseconds < _batchStartMicroseconds
            || measurement.TimeUnixMicroseconds - _batchStartMicroseconds > _batchSpanMicroseconds))
        {
            FlushRadar();
        }

        if (_plotCount == 0)
        {
            // A batch spans at most half of this radar's scan: one target's plots of two scans
            // (1 s apart on a 1 s radar) never compete in one assignment.
            _batchStartMicroseconds = measurement.TimeUnixMicroseconds;
            long halfScan = _radarSites.ScanPeriodOf(measurement.SensorId, _configuration.ScanPeriodMicroseconds) / 2;
            _batchSpanMicroseconds = _configuration.BatchSpanMicroseconds < halfScan ? _configuration.BatchSpanMicroseconds : halfScan;
        }

        _plots[_plotCount++] = measurement;
    }

    /// <summary>Associates and applies the pending batch of radar plots now.</summary>
    public void FlushRadar()
    {
        int count = _plotCount;
        if (count == 0)
        {
            return;
        }

        _plotCount = 0;
        for (int i = 0; i < _taken.Length; i++)
        {
            _taken[i] = false;
        }

        int saturations = 0;
        Trigonometry.SinCos(Q2x61.FromDegreesE7(_configuration.MaxElevationDegreesE7, ref saturations), out long sineMaxElevation, out _);
        for (int p = 0; p < count; p++)
        {
            RadarSite(_plots[p].SensorId, out long radarEast, out long radarNorth, out long radarHeight);
            CorrectPlot(p);
            _geometry[p].Prepare(_plane, _configuration, sineMaxElevation, radarEast, radarNorth, radarHeight, ref _plots[p]);
            saturations += _geometry[p].Saturations;
            if (!_geometry[p].Usable)
            {
                Counters.RadarPlotsUnusable++;
            }
        }

        Counters.Saturations += saturations;
        _identityGate.AssociateByIdentity(count, _nowMicroseconds);
        _kinematicAssociation.AssociateByKinematics(count, _nowMicroseconds);
        for (int p = 0; p < count; p++)
        {
            if (_geometry[p].Usable && !_geometry[p].Used && !_gated[p])
            {
                _radarUpdater.StartFromPlot(p, _nowMicroseconds);
            }
        }
    }

    private void AllocateRadar(TrackerConfiguration configuration)
    {
        _radarSites = new RadarSiteTable(configuration.RadarCapacity);
        int plots = configuration.PlotsPerBatch;
        _plots = new RadarMeasurement[plots];
        _geometry = new PlotGeometry[plots];
        for (int i = 0; i < plots; i++)
        {
            _geometry[i] = new PlotGeometry();
        }

        _gated = new bool[plots];
        _taken = new bool[configuration.TrackCapacity];
    }

    /// <summary>Sets (or moves) a radar's site; plots of unknown sensors are taken as from the mast.</summary>
    /// <param name="sensorId">The measurement's <see cref="RadarMeasurement.SensorId"/>.</param>
    /// <param name="latitudeE7">Site latitude, 1e-7 degree.</param>
    /// <param name="longitudeE7">Site longitude, 1e-7 degree.</param>
    /// <param name="heightMillimetres">Site height above the ellipsoid, mm.</param>
    /// <returns>False when the radar table is full.</returns>
    public bool SetRadarSite(int sensorId, int latitudeE7, int longitudeE7, int heightMillimetres)
    {
        int saturations = 0;
        long latitude = Q2x61.FromDegreesE7(latitudeE7, ref saturations);
        long longitude = Q2x61.FromDegreesE7(longitudeE7, ref saturations);
        _plane.ToPlane(latitude, longitude, out long east, out long north, ref saturations);
        Counters.Saturations += saturations;
        return _radarSites.SetSite(sensorId, east, north, FromMillimetres(heightMillimetres));
    }

    /// <summary>
    /// Sets one radar's scan period (CAT034 I034/041). Only tracks that radar feeds count their
    /// detection opportunities with it; the others keep their own radar's, or
    /// <see cref="TrackerConfiguration.ScanPeriodMicroseconds"/> by default.
    /// </summary>
    /// <param name="sensorId">The radar's sensor id.</param>
    /// <param name="scanPeriodMicroseconds">The period, µs, above 0.</param>
    /// <returns>False when the period is not positive or the radar table is full.</returns>
    public bool SetRadarScanPeriod(int sensorId, long scanPeriodMicroseconds) =>
        _radarSites.SetScanPeriod(sensorId, scanPeriodMicroseconds);

    // The radar's plane position and height (the mast when the sensor's site is unknown).
    internal void RadarSite(int sensorId, out long east, out long north, out long height)
    {
        if (!_radarSites.TryGetSite(sensorId, out east, out north, out height))
        {
            height = FromMillimetres(_mastHeightMillimetres);
        }
    }

    private Track FindByIcao(int icao) => _table.FindByIcao(icao);

    private static long FromMillimetres(long millimetres) => TrackerUnits.FromMillimetres(millimetres);

    private static long VarianceFromSigmaMillimetres(long sigmaMillimetres) => TrackerUnits.VarianceFromSigmaMillimetres(sigmaMillimetres);

    private void Report(Track track, TrackStatus status) => _reporter.Report(track, status, _nowMicroseconds);

    private void CorrectPlot(int p) => _registrationUpdater.CorrectPlot(p);

    // Life cycle, zone checks and periodic reports at the latest data time (TrackHousekeeping).
    private void Housekeeping() => _housekeeping.Housekeeping(_nowMicroseconds);

    private void Confirm(Track track) => _housekeeping.Confirm(track, _nowMicroseconds);

    private void CheckZonesAfterUpdate(Track track) => _housekeeping.CheckZonesAfterUpdate(track, _nowMicroseconds);

    private void ReportIfDue(Track track) => _housekeeping.ReportIfDue(track, _nowMicroseconds);
}
