using Picket.Asterix;

namespace Picket.Radar;

/// <summary>
/// A radar's configuration: identity, measurement noise and site. The site comes from
/// configuration when given, else from the radar's own CAT034 I034/120 messages.
/// </summary>
public sealed class RadarSensor
{
    /// <summary>True when <see cref="SensorId"/> is configured; otherwise ASTERIX SAC/SIC names the sensor.</summary>
    public bool HasConfiguredSensorId { get; set; }

    /// <summary>The configured sensor id.</summary>
    public int SensorId { get; set; }

    /// <summary>One-sigma range noise, millimetres (e.g. 70,000 for a typical en-route SSR).</summary>
    public int SigmaRangeMillimetres { get; set; }

    /// <summary>One-sigma azimuth noise, microdegrees (e.g. 160,000 for 0.16 degree).</summary>
    public int SigmaAzimuthMicrodegrees { get; set; }

    /// <summary>One-sigma height noise of a 3-D radar (I048/110), millimetres; 0 leaves the tracker's default.</summary>
    public int SigmaHeightMillimetres { get; set; }

    /// <summary>One-sigma position noise per axis of NMEA TLL target positions, millimetres; 0 leaves the tracker's default.</summary>
    public int SigmaPositionMillimetres { get; set; }

    /// <summary>True when the site position is known.</summary>
    public bool HasSite { get; private set; }

    /// <summary>True when the site was configured (CAT034 then does not move it).</summary>
    public bool SiteIsConfigured { get; private set; }

    /// <summary>Site latitude, 1e-7 degree.</summary>
    public int SiteLatitudeE7 { get; private set; }

    /// <summary>Site longitude, 1e-7 degree.</summary>
    public int SiteLongitudeE7 { get; private set; }

    /// <summary>Site height above the WGS 84 ellipsoid, millimetres.</summary>
    public int SiteHeightMillimetres { get; private set; }

    /// <summary>Sets the site from configuration; it then takes precedence over CAT034.</summary>
    public void ConfigureSite(int latitudeE7, int longitudeE7, int heightMillimetres)
    {
        SiteLatitudeE7 = latitudeE7;
        SiteLongitudeE7 = longitudeE7;
        SiteHeightMillimetres = heightMillimetres;
        HasSite = true;
        SiteIsConfigured = true;
    }

    /// <summary>
    /// Takes the site from a CAT034 message carrying I034/120, unless it was configured.
    /// Returns true when the site changed.
    /// </summary>
    public bool UpdateSite(ref Cat034Record message)
    {
        if (SiteIsConfigured || !message.HasPosition)
        {
            return false;
        }

        // I034/120: 180/2^23 degree per LSB; 1e-7 degree units need x 1.8e9 / 2^23, rounded.
        var latitude = RoundedShift(message.Latitude23 * 1_800_000_000L, 23);
        var longitude = RoundedShift(message.Longitude23 * 1_800_000_000L, 23);
        var height = message.HeightMetres * 1000;
        var changed = !HasSite || latitude != SiteLatitudeE7 || longitude != SiteLongitudeE7 || height != SiteHeightMillimetres;
        SiteLatitudeE7 = (int)latitude;
        SiteLongitudeE7 = (int)longitude;
        SiteHeightMillimetres = height;
        HasSite = true;
        return changed;
    }

    /// <summary>value / 2^bits rounded half away from zero.</summary>
    internal static long RoundedShift(long value, int bits)
    {
        var half = 1L << (bits - 1);
        return value >= 0 ? (value + half) >> bits : -((-value + half) >> bits);
    }
}
