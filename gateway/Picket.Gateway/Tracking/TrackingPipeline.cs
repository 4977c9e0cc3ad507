using Picket.Asterix;
using Picket.Gateway.Zones;
using Picket.Geodesy;
using Picket.ModeS;
using Picket.ModeS.Cpr;
using Picket.Numerics;
using Picket.Radar;
using Picket.Tracking;
using Picket.Tracking.Measurements;

namespace Picket.Gateway.Tracking;

/// <summary>
/// The gateway's tracking pipeline: Mode S frames through the Mode S pipeline (CPR included)
/// and ASTERIX records through the radar measurement builder into one core <see cref="Tracker"/>.
/// The live gateway and <c>picket track</c> replays drive the same instance type; inputs must be
/// given in time order (the replay merges files by time).
/// </summary>
public sealed class TrackingPipeline
{
    private readonly ModeSPipeline _modeS;
    private readonly Dictionary<int, RadarSensor> _sensors = [];
    private readonly GeoSite? _radarSite;
    private ModeSMessage _message;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="site">The mast (receiver) site; the tracking plane is centred on it.</param>
    /// <param name="radarSite">The radar's site when configured (else CAT034 I034/120, else the mast).</param>
    /// <param name="zones">Protected zones.</param>
    /// <param name="configuration">Tracker settings.</param>
    /// <param name="output">Receives reports and alerts.</param>
    public TrackingPipeline(GeoSite site, GeoSite? radarSite, IReadOnlyList<GeoZone> zones, TrackerConfiguration configuration, ITrackerOutput output)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(zones);
        var saturations = 0;
        Plane = new MastPlane(Q2x61.FromDegreesE7(site.LatitudeE7, ref saturations), Q2x61.FromDegreesE7(site.LongitudeE7, ref saturations));
        Zones = zones;
        var zoneNames = zones.Select(z => z.Name).ToArray();
        Tracker = new Tracker(configuration, Plane, site.HeightMillimetres, ZoneProjection.Project(zones, Plane), zoneNames, output);
        _modeS = new ModeSPipeline(1024, new PositionLimits(), 1);
        _modeS.PositionTable.SetReceiver(ToBinaryAngle(site.LatitudeDegrees), ToBinaryAngle(site.LongitudeDegrees));
        _radarSite = radarSite;
        Site = site;
    }

    /// <summary>The mast site.</summary>
    public GeoSite Site { get; }

    /// <summary>The configured radar site, or null.</summary>
    public GeoSite? RadarSite => _radarSite;

    /// <summary>The tracking plane.</summary>
    public MastPlane Plane { get; }

    /// <summary>The zones.</summary>
    public IReadOnlyList<GeoZone> Zones { get; }

    /// <summary>The core tracker.</summary>
    public Tracker Tracker { get; }

    /// <summary>The Mode S pipeline's counters.</summary>
    public ModeSPipeline ModeS => _modeS;

    /// <summary>Radar range noise assumed when nothing says better (a data sheet's one sigma), mm.</summary>
    public const int DefaultRadarSigmaRangeMillimetres = 70_000;

    /// <summary>
    /// Radar azimuth noise assumed when nothing says better, µdeg: 0.16°, between a surveillance
    /// radar's 0.1-0.15° and a drone radar's 0.3° or more. Until the tracker has learnt the
    /// radar's own noise (from 5 plot-difference samples, or ADS-B-fed aircraft), an assumption
    /// too tight breaks tentative tracks and keeps the drone radar's noise from being learnt; one
    /// too loose costs little for those first samples. With 0.08° (until 2026-12-07) `picket track`
    /// on drones-in-clutter confirmed one tuning seed's first drone 137 s after its first plot.
    /// </summary>
    public const int DefaultRadarSigmaAzimuthMicrodegrees = 160_000;

    /// <summary>Radar noise assumed for ASTERIX plots (the radar does not send it): one-sigma range, mm.</summary>
    public int RadarSigmaRangeMillimetres { get; init; } = DefaultRadarSigmaRangeMillimetres;

    /// <summary>One-sigma azimuth, microdegrees.</summary>
    public int RadarSigmaAzimuthMicrodegrees { get; init; } = DefaultRadarSigmaAzimuthMicrodegrees;

    /// <summary>Processes one Mode S frame received at <paramref name="timeUnixMicroseconds"/>.</summary>
    /// <param name="frame">The frame; its 12 MHz timestamp (if any) drives CPR pairing.</param>
    /// <param name="timeUnixMicroseconds">Receive time on the UTC time line.</param>
    /// <param name="fallbackTicks">12 MHz time for frames without a timestamp.</param>
    public void AddModeSFrame(ModeSFrame frame, long timeUnixMicroseconds, long fallbackTicks)
    {
        ArgumentNullException.ThrowIfNull(frame);
        _message = default;
        var outcome = _modeS.Process(frame, fallbackTicks, ref _message, out var position, out var latitude, out var longitude);
        if (outcome != ModeSFrameOutcome.Decoded)
        {
            Tracker.AdvanceTo(timeUnixMicroseconds);
            return;
        }

        // No default sigma here: the tracker prefers the aircraft's latest NACp, then the message's NIC, then its configured default.
        if (ModeSObservationBuilder.TryBuild(ref _message, position, latitude, longitude, timeUnixMicroseconds, 0, out var observation))
        {
            Tracker.AddModeS(ref observation);
        }
    }

    /// <summary>Processes a CAT034 service message (the radar's site I034/120 and scan period I034/041, when present).</summary>
    /// <param name="record">The record.</param>
    public void AddCat034(ref Cat034Record record)
    {
        var sensor = SensorFor((record.Sac * 256) + record.Sic);
        if (sensor.UpdateSite(ref record))
        {
            Tracker.SetRadarSite(sensor.SensorId, sensor.SiteLatitudeE7, sensor.SiteLongitudeE7, sensor.SiteHeightMillimetres);
        }

        // I034/041 announces the antenna rotation period (LSB 1/128 s): that radar's scan period
        // (miss counting, M-of-N windows of the tracks it feeds). Each radar keeps its own in the
        // tracker's radar-site table; the configuration's period stays the default for the others.
        if (record.HasAntennaRotationPeriod && record.AntennaRotationPeriod128 > 0)
        {
            Tracker.SetRadarScanPeriod(sensor.SensorId, record.AntennaRotationPeriod128 * 1_000_000L / 128);
        }
    }

    /// <summary>Processes a CAT048 target report.</summary>
    /// <param name="record">The record.</param>
    /// <param name="referenceUnixMicroseconds">A time on the right UTC day (places the time of day).</param>
    /// <returns>False when the record holds no usable plot.</returns>
    public bool AddCat048(ref Cat048Record record, long referenceUnixMicroseconds)
    {
        var sensor = SensorFor((record.Sac * 256) + record.Sic);
        if (!RadarMeasurementBuilder.TryFromCat048(ref record, sensor, referenceUnixMicroseconds, out var measurement))
        {
            return false;
        }

        Tracker.AddRadar(ref measurement);
        return true;
    }

    /// <summary>Processes a radar measurement already built (simulation, ARPA).</summary>
    /// <param name="measurement">The plot.</param>
    public void AddRadar(ref RadarMeasurement measurement) => Tracker.AddRadar(ref measurement);

    /// <summary>Processes a Mode S observation already built (simulation).</summary>
    /// <param name="observation">The observation.</param>
    public void AddModeS(ref ModeSObservation observation) => Tracker.AddModeS(ref observation);

    /// <summary>Sets a radar's site directly (simulation or configuration).</summary>
    /// <param name="sensorId">SAC × 256 + SIC.</param>
    /// <param name="site">The site.</param>
    public void SetRadarSite(int sensorId, GeoSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        Tracker.SetRadarSite(sensorId, site.LatitudeE7, site.LongitudeE7, site.HeightMillimetres);
    }

    /// <summary>Ends the run: pending plots processed, every live track reported dropped.</summary>
    public void Finish() => Tracker.Finish();

    private RadarSensor SensorFor(int sensorId)
    {
        if (_sensors.TryGetValue(sensorId, out var sensor))
        {
            return sensor;
        }

        sensor = NewSensor(sensorId);
        _sensors[sensorId] = sensor;
        if (sensor.HasSite)
        {
            Tracker.SetRadarSite(sensorId, sensor.SiteLatitudeE7, sensor.SiteLongitudeE7, sensor.SiteHeightMillimetres);
        }

        return sensor;
    }

    private RadarSensor NewSensor(int sensorId)
    {
        var sensor = new RadarSensor
        {
            HasConfiguredSensorId = false,
            SensorId = sensorId,
            SigmaRangeMillimetres = RadarSigmaRangeMillimetres,
            SigmaAzimuthMicrodegrees = RadarSigmaAzimuthMicrodegrees,
        };
        if (_radarSite is not null)
        {
            sensor.ConfigureSite(_radarSite.LatitudeE7, _radarSite.LongitudeE7, _radarSite.HeightMillimetres);
        }

        return sensor;
    }

    private static int ToBinaryAngle(double degrees) => (int)Math.Round(degrees / 360.0 * 4294967296.0);
}
