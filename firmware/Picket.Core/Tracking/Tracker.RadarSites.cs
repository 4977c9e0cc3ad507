using Picket.Numerics;
using Picket.Radar;

namespace Picket.Tracking;

// The tracker's side of the radar-site table: sites in WGS 84 projected to the plane, scan
// periods per radar, and the scan period that applies to a track (its last radar's).
public sealed partial class Tracker
{
    private RadarSiteTable _radarSites;

    /// <summary>The radar sites and scan periods known to the tracker.</summary>
    public RadarSiteTable RadarSites => _radarSites;

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

    // The scan period of the radar that last fed the track (the configured default without one).
    private long ScanPeriodOf(Track track) => _radarSites.ScanPeriodOf(track, _configuration.ScanPeriodMicroseconds);
}
