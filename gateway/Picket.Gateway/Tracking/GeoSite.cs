using System.Globalization;

namespace Picket.Gateway.Tracking;

/// <summary>A sensor site: WGS84 latitude and longitude in degrees, height above the ellipsoid in metres.</summary>
/// <param name="LatitudeDegrees">-90 to 90.</param>
/// <param name="LongitudeDegrees">-180 to 180.</param>
/// <param name="HeightMetres">Height above the WGS84 ellipsoid.</param>
public sealed record GeoSite(double LatitudeDegrees, double LongitudeDegrees, double HeightMetres)
{
    /// <summary>Latitude in 1e-7 degree.</summary>
    public int LatitudeE7 => (int)Math.Round(LatitudeDegrees * 1e7);

    /// <summary>Longitude in 1e-7 degree.</summary>
    public int LongitudeE7 => (int)Math.Round(LongitudeDegrees * 1e7);

    /// <summary>Height in millimetres.</summary>
    public int HeightMillimetres => (int)Math.Round(HeightMetres * 1000);

    /// <summary>Parses <c>LAT,LON,ALT_M</c> (decimal degrees, metres).</summary>
    /// <param name="text">The text.</param>
    /// <param name="site">The site.</param>
    /// <param name="error">Why it failed, or null.</param>
    /// <returns>True on success.</returns>
    public static bool TryParse(string text, out GeoSite? site, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        site = null;
        var parts = text.Split(',');
        if (parts.Length != 3)
        {
            error = $"'{text}' is not LAT,LON,ALT_M";
            return false;
        }

        var values = new double[3];
        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                error = $"'{parts[i]}' in '{text}' is not a number";
                return false;
            }
        }

        if (values[0] is < -89 or > 89 || values[1] is < -180 or > 180 || values[2] is < -1000 or > 100_000)
        {
            error = $"'{text}' is out of range (latitude ±89°, longitude ±180°, height -1,000 to 100,000 m)";
            return false;
        }

        site = new GeoSite(values[0], values[1], values[2]);
        error = null;
        return true;
    }
}
