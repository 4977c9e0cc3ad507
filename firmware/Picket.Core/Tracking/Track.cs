using Picket.Publishing;
using Picket.Tracking.Filter;
using Picket.Tracking.Height;
using Picket.Zones;

namespace Picket.Tracking;

/// <summary>
/// One slot of the track table: filter state, identity, life-cycle counters and zone occupancy.
/// Slots are allocated once by <see cref="Tracker"/> and reused; <see cref="TrackId"/> is new for
/// every track that occupies the slot and never reused. Internal state is kept in fields, not
/// properties: accessor methods count against nanoFramework's 64 KB IL limit per assembly.
/// </summary>
public sealed class Track
{
    internal Track(int zoneCount)
    {
        Filter = new TrackFilter();
        Heights = new HeightHypotheses();
        Occupancy = new ZoneOccupancy[zoneCount];
        LastZoneSampleMicroseconds = NeverMicroseconds;
    }

    /// <summary>True while the slot holds a live track.</summary>
    public bool InUse { get; internal set; }

    /// <summary>Gateway-unique track id, counted from 1, never reused.</summary>
    public long TrackId { get; internal set; }

    /// <summary>Life-cycle state (never <see cref="TrackStatus.Dropped"/> while in use).</summary>
    public TrackStatus Status { get; internal set; }

    /// <summary>The Kalman filter (mast-plane state, microsecond time).</summary>
    public TrackFilter Filter { get; }

    /// <summary>Zone occupancy, one per configured zone.</summary>
    internal readonly ZoneOccupancy[] Occupancy;

    /// <summary>True while the track is inside any zone (between its enter and its exit or lost).</summary>
    internal bool IsInsideAnyZone
    {
        get
        {
            for (int zone = 0; zone < Occupancy.Length; zone++)
            {
                if (Occupancy[zone].Inside)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Time of the first measurement, UTC µs.</summary>
    public long BornMicroseconds { get; internal set; }

    /// <summary>Time of the last position or velocity update, UTC µs.</summary>
    public long LastUpdateMicroseconds { get; internal set; }

    /// <summary>
    /// The time fields' "never" (no radar update, no ADS-B position, no report yet). Not 0, which is
    /// a real time (1970-01-01T00:00Z; replays may start before it), and not <see cref="long.MinValue"/>,
    /// so that <c>now - NeverMicroseconds</c> cannot overflow for any time within ±73,000 years.
    /// </summary>
    public const long NeverMicroseconds = long.MinValue / 4;

    /// <summary>Time of the last radar update, UTC µs (<see cref="NeverMicroseconds"/>: never).</summary>
    public long LastRadarMicroseconds { get; internal set; }

    /// <summary>Time of the last ADS-B position, UTC µs (<see cref="NeverMicroseconds"/>: never).</summary>
    public long LastAdsbPositionMicroseconds { get; internal set; }

    /// <summary>Until this time ADS-B positions are gated against the radar-held state, UTC µs.</summary>
    internal long DistrustAdsbUntilMicroseconds;

    /// <summary>The ADS-B latency the track's ADS-B positions were last moved forward by, µs (AdsbUpdater).</summary>
    internal long AdsbLatencyAppliedMicroseconds;

    /// <summary>Latitude of the last ADS-B position, Q2.61 radians (for velocity conversion).</summary>
    internal long LastLatitudeRadians;

    /// <summary>Longitude of the last ADS-B position, Q2.61 radians.</summary>
    internal long LastLongitudeRadians;

    /// <summary>True when <see cref="LastLatitudeRadians"/> is set.</summary>
    internal bool HasLastGeodetic;

    /// <summary>Time of the last report, UTC µs.</summary>
    internal long LastReportMicroseconds;

    /// <summary>
    /// True when the last report was housekeeping's periodic one: a prediction that carried no
    /// measurement the track has not already reported.
    /// </summary>
    internal bool LastReportPeriodic;

    /// <summary>Status at the last report.</summary>
    internal TrackStatus ReportedStatus;

    /// <summary>Radar scans with a hit (at most one per scan).</summary>
    public int RadarHits { get; internal set; }

    /// <summary>ADS-B positions used.</summary>
    public int AdsbPositions { get; internal set; }

    /// <summary>ADS-B velocities used.</summary>
    public int AdsbVelocities { get; internal set; }

    /// <summary>Consecutive missed opportunities.</summary>
    public int Misses { get; internal set; }

    /// <summary>Radar scans with a hit while the track had no identity.</summary>
    public int ScansWithoutIdentity { get; internal set; }

    /// <summary>True once the track is judged non-cooperative (confirmed, radar only, no identity for the configured scans).</summary>
    public bool NonCooperative { get; internal set; }

    /// <summary>True when <see cref="IcaoAddress"/> is known.</summary>
    public bool HasIcaoAddress { get; internal set; }

    /// <summary>ICAO 24-bit address.</summary>
    public int IcaoAddress { get; internal set; }

    /// <summary>True when <see cref="CallsignCharacters"/> is known.</summary>
    public bool HasCallsign { get; internal set; }

    /// <summary>Callsign, eight 6-bit characters.</summary>
    public ulong CallsignCharacters { get; internal set; }

    /// <summary>The callsign as text (built once when it changes), or null.</summary>
    public string Callsign { get; internal set; }

    /// <summary>True when <see cref="Mode3A"/> is known.</summary>
    public bool HasMode3A { get; internal set; }

    /// <summary>Mode 3/A code, 12 bits.</summary>
    public int Mode3A { get; internal set; }

    /// <summary>Emitter category text "A0".."D7", or null.</summary>
    public string EmitterCategory { get; internal set; }

    /// <summary>Emitter category as set × 8 + category (0: none), to detect changes without text.</summary>
    internal int EmitterCategoryCode;

    /// <summary>True when <see cref="PressureAltitudeFeet"/> is known.</summary>
    public bool HasPressureAltitude { get; internal set; }

    /// <summary>Last Mode C / ADS-B barometric altitude, feet.</summary>
    public int PressureAltitudeFeet { get; internal set; }

    /// <summary>Every kind of sensor that fed the track.</summary>
    public TrackSources Sources { get; internal set; }

    /// <summary>Measurements associated since the track started.</summary>
    public uint UpdateCount { get; internal set; }

    /// <summary>ADS-B and Mode S measurements since the track started.</summary>
    public uint AdsbUpdateCount { get; internal set; }

    /// <summary>Radar measurements since the track started.</summary>
    public uint RadarUpdateCount { get; internal set; }

    /// <summary>ADS-B positions that radar contradicted.</summary>
    public uint AdsbRadarDisagreementCount { get; internal set; }

    /// <summary>NIS of the last kinematic update, Q31.32.</summary>
    public long LastNis { get; internal set; }

    /// <summary>Track score (log-likelihood ratio, <see cref="Life.TrackScore"/>), Q31.32 nats.</summary>
    public long Score { get; internal set; }

    /// <summary>Highest score the track has had (the reference of both deletion rules), Q31.32 nats.</summary>
    internal long ScorePeak;

    /// <summary>Consecutive misses already charged to the score.</summary>
    internal int ScoreMissesCharged;

    /// <summary>True once the identity prior factor is in the score.</summary>
    internal bool ScoreHasIdentityPrior;

    /// <summary>Plane east of the plot that started the track, Q31.32 m.</summary>
    internal long BirthEast;

    /// <summary>Plane north of the plot that started the track, Q31.32 m.</summary>
    internal long BirthNorth;

    /// <summary>The larger variance, range or cross-range, of the plot that started the track, Q39.24 m².</summary>
    internal long BirthVariance;

    /// <summary>True when the estimate after the latest plot was half the confirmation displacement from the birth plot.</summary>
    internal bool DisplacedHalfway;

    /// <summary><see cref="DisplacedHalfway"/> as it stood at the end of the previous scan with a plot.</summary>
    internal bool DisplacedHalfwayBefore;

    /// <summary>The velocity was significant after the latest plot (<see cref="TrackerConfiguration.ConfirmMinimumVelocityChiSquare"/>).</summary>
    internal bool VelocitySignificant;

    /// <summary><see cref="VelocitySignificant"/> as it stood at the end of the previous scan with a plot.</summary>
    internal bool VelocitySignificantBefore;

    /// <summary>Data time of the latest zone sample that counted, UTC µs (<see cref="NeverMicroseconds"/> before the first).</summary>
    internal long LastZoneSampleMicroseconds;

    /// <summary>True when <see cref="RadarSensorId"/> is known (the track has had a radar plot).</summary>
    internal bool HasRadarSensor;

    /// <summary>The sensor id of the radar whose plot last updated the track (its scan period counts the track's opportunities).</summary>
    internal int RadarSensorId;

    /// <summary>Time of the last radar plot with this track's address or callsign outside its identity gate, UTC µs (<see cref="NeverMicroseconds"/>: none pending).</summary>
    internal long IdentityOutsideGateMicroseconds;

    /// <summary>True when <see cref="AssumedHeight"/> is set (a track with no measured or reported height).</summary>
    internal bool HasAssumedHeight;

    /// <summary>The height assumed for the track's height-less plots, Q31.32 m above the ellipsoid.</summary>
    internal long AssumedHeight;

    /// <summary>The height estimated from the plots while the track has no height (see <see cref="TrackerConfiguration.EstimateAssumedHeight"/>).</summary>
    internal readonly HeightHypotheses Heights;

    /// <summary>
    /// True when the target identifies itself (ICAO address, callsign or Mode 3/A) and has been
    /// heard itself, not only through a ground station's relay (TIS-B, ADS-R).
    /// </summary>
    public bool Cooperative => (HasIcaoAddress || HasCallsign || HasMode3A) && !IdentityRelayedOnly;

    /// <summary>True for a track of primary radar plots only: no identity (ICAO address, Mode 3/A), never fed by ADS-B.</summary>
    internal bool PrimaryPlotsOnly => !Cooperative && !HasIcaoAddress && !HasMode3A && LastAdsbPositionMicroseconds == NeverMicroseconds;

    /// <summary>True when the track has had radar plots and no ADS-B or SSR identity.</summary>
    public bool PrimaryOnly => !Cooperative;

    /// <summary>
    /// True while every identity the track has came through a ground station's relay (DF18 TIS-B
    /// or ADS-R, DO-260B 2.2.3.1): the target has not identified itself and is not cooperative.
    /// </summary>
    public bool IdentityRelayedOnly { get; internal set; }

    /// <summary>Times an ADS-B address appeared next to this track when it could not be adopted (a transponder switched on beside a non-cooperative target, or a spoofed squitter).</summary>
    public uint PossibleMaskingCount { get; internal set; }

    /// <summary>True when <see cref="NacP"/> is known (from ADS-B TC 29/31; it is not in the position message).</summary>
    internal bool HasNacP;

    /// <summary>Latest navigation accuracy category for position, 0 to 11.</summary>
    internal int NacP;

    /// <summary>True when <see cref="GeometricMinusBarometricMillimetres"/> is known (ADS-B TC 19).</summary>
    internal bool HasGeometricMinusBarometric;

    /// <summary>The aircraft's own GNSS height minus pressure altitude, millimetres.</summary>
    internal int GeometricMinusBarometricMillimetres;

    /// <summary>ADS-B positions rejected by the gate in a row.</summary>
    internal int ConsecutiveAdsbRejects;

    /// <summary>The last rejected ADS-B position, plane east, Q31.32 m (a run of rejects restarts the track only if they agree).</summary>
    internal long LastAdsbRejectEast;

    /// <summary>The same, plane north, Q31.32 m.</summary>
    internal long LastAdsbRejectNorth;

    /// <summary>The time the last rejected ADS-B position is held at, UTC µs.</summary>
    internal long LastAdsbRejectMicroseconds;

    /// <summary>Sum of the NIS (Q31.32) of kinematically associated radar plots in the current agreement window.</summary>
    internal long KinematicPlotNisSum;

    /// <summary>Kinematically associated radar plots in the current agreement window.</summary>
    internal int KinematicPlotCount;

    /// <summary>Plane position of the last radar plot applied (placed with the track's height), Q31.32 m.</summary>
    internal long LastPlotEast;

    /// <summary>North of <see cref="LastPlotEast"/>, Q31.32 m.</summary>
    internal long LastPlotNorth;

    /// <summary>The larger of that plot's ground-range and cross-range variances, Q39.24 m².</summary>
    internal long LastPlotVariance;

    /// <summary>True once a radar plot has been applied.</summary>
    internal bool HasLastPlot;

    /// <summary>The last plot when the track was confirmed (<see cref="LastPlotEast"/>), Q31.32 m.</summary>
    internal long ConfirmedPlotEast;

    /// <summary>North of <see cref="ConfirmedPlotEast"/>, Q31.32 m.</summary>
    internal long ConfirmedPlotNorth;

    /// <summary>That plot's variance (<see cref="LastPlotVariance"/>), Q39.24 m².</summary>
    internal long ConfirmedPlotVariance;

    /// <summary>
    /// False from the confirmation of a primary-only track until a later plot has moved from the
    /// one that confirmed it (ZoneMonitor's entries wait for it: TrackHousekeeping.CheckZones).
    /// </summary>
    internal bool MotionShown;

    /// <summary>
    /// Times of the track's last radar plots from <see cref="DifferenceSensorId"/>, oldest first
    /// (<see cref="DifferencePlots"/> of them), UTC µs: the radar's noise from plot differences
    /// (RegistrationUpdater, <see cref="Registration.PlotDifferenceNoise"/>).
    /// </summary>
    internal readonly long[] DifferenceTimes = new long[4];

    /// <summary>Measured slant ranges of those plots, mm.</summary>
    internal readonly long[] DifferenceRanges = new long[4];

    /// <summary>Measured azimuths of those plots, unwrapped from the first, µdeg.</summary>
    internal readonly long[] DifferenceAzimuths = new long[4];

    /// <summary>Plots in <see cref="DifferenceTimes"/>.</summary>
    internal int DifferencePlots;

    /// <summary>The radar those plots came from.</summary>
    internal int DifferenceSensorId;

    /// <summary>The older track this one may duplicate (DuplicateTracks), or 0.</summary>
    internal long DuplicatePartnerId;

    /// <summary>Scans in a row this track and its partner shared one plot (DuplicateTracks).</summary>
    internal int DuplicateEvidence;

    /// <summary>Data time of the last duplicate evidence, UTC µs.</summary>
    internal long DuplicateEvidenceMicroseconds;

    /// <summary>The identified track this primary-only track has coincided with (DuplicateTracks), or 0.</summary>
    internal long IdentityShadowPartnerId;

    /// <summary>Scans in a row this track coincided with <see cref="IdentityShadowPartnerId"/> when the radar updated that track (DuplicateTracks).</summary>
    internal int IdentityShadowScans;

    /// <summary>Data time of the last scan counted in <see cref="IdentityShadowScans"/>, UTC µs.</summary>
    internal long IdentityShadowMicroseconds;

    /// <summary>Data time this track last coincided with <see cref="IdentityShadowPartnerId"/>, plot or none, UTC µs (DuplicateTracks).</summary>
    internal long IdentityCoincidenceMicroseconds;

    internal void Reset(long trackId, long timeMicroseconds)
    {
        InUse = true;
        TrackId = trackId;
        Status = TrackStatus.Tentative;
        BornMicroseconds = timeMicroseconds;
        LastUpdateMicroseconds = timeMicroseconds;
        LastRadarMicroseconds = NeverMicroseconds;
        LastAdsbPositionMicroseconds = NeverMicroseconds;
        DistrustAdsbUntilMicroseconds = NeverMicroseconds;
        AdsbLatencyAppliedMicroseconds = 0;
        LastReportMicroseconds = NeverMicroseconds;
        LastReportPeriodic = false;
        HasLastGeodetic = false;
        ReportedStatus = TrackStatus.Unspecified;
        RadarHits = 0;
        AdsbPositions = 0;
        AdsbVelocities = 0;
        Misses = 0;
        ScansWithoutIdentity = 0;
        NonCooperative = false;
        HasIcaoAddress = false;
        IcaoAddress = 0;
        HasCallsign = false;
        CallsignCharacters = 0;
        Callsign = null;
        HasMode3A = false;
        Mode3A = 0;
        EmitterCategory = null;
        EmitterCategoryCode = 0;
        HasPressureAltitude = false;
        PressureAltitudeFeet = 0;
        Sources = TrackSources.None;
        UpdateCount = 0;
        AdsbUpdateCount = 0;
        RadarUpdateCount = 0;
        AdsbRadarDisagreementCount = 0;
        LastNis = 0;
        Score = 0;
        ScorePeak = 0;
        ScoreMissesCharged = 0;
        ScoreHasIdentityPrior = false;
        BirthEast = 0;
        BirthNorth = 0;
        BirthVariance = 0;
        DisplacedHalfway = false;
        DisplacedHalfwayBefore = false;
        VelocitySignificant = false;
        VelocitySignificantBefore = false;
        LastZoneSampleMicroseconds = NeverMicroseconds;
        HasRadarSensor = false;
        RadarSensorId = 0;
        HasAssumedHeight = false;
        IdentityOutsideGateMicroseconds = NeverMicroseconds;
        AssumedHeight = 0;
        Heights.Clear();
        IdentityRelayedOnly = false;
        PossibleMaskingCount = 0;
        HasNacP = false;
        NacP = 0;
        HasGeometricMinusBarometric = false;
        GeometricMinusBarometricMillimetres = 0;
        ConsecutiveAdsbRejects = 0;
        LastAdsbRejectEast = 0;
        LastAdsbRejectNorth = 0;
        LastAdsbRejectMicroseconds = 0;
        KinematicPlotNisSum = 0;
        KinematicPlotCount = 0;
        DuplicatePartnerId = 0;
        DifferencePlots = 0;
        DifferenceSensorId = 0;
        LastPlotEast = 0;
        LastPlotNorth = 0;
        LastPlotVariance = 0;
        HasLastPlot = false;
        ConfirmedPlotEast = 0;
        ConfirmedPlotNorth = 0;
        ConfirmedPlotVariance = 0;
        MotionShown = true;
        DuplicateEvidence = 0;
        DuplicateEvidenceMicroseconds = NeverMicroseconds;
        IdentityShadowPartnerId = 0;
        IdentityShadowScans = 0;
        IdentityShadowMicroseconds = NeverMicroseconds;
        IdentityCoincidenceMicroseconds = NeverMicroseconds;
        for (int i = 0; i < Occupancy.Length; i++)
        {
            Occupancy[i] = default(ZoneOccupancy);
        }
    }
}
