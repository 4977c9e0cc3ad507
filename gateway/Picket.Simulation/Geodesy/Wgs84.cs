namespace Picket.Simulation.Geodesy;

/// <summary>
/// WGS84 ellipsoid conversions in double precision (NIMA TR8350.2): geodetic ↔ ECEF ↔ local
/// east/north/up. Exact closed forms except ECEF → geodetic, which iterates to below 1e-12 rad.
/// </summary>
public static class Wgs84
{
    /// <summary>Semi-major axis, metres.</summary>
    public const double SemiMajorAxisMetres = 6_378_137.0;

    /// <summary>Flattening.</summary>
    public const double Flattening = 1.0 / 298.257223563;

    /// <summary>First eccentricity squared.</summary>
    public const double EccentricitySquared = Flattening * (2 - Flattening);

    /// <summary>Converts degrees to radians.</summary>
    public static double ToRadians(double degrees) => degrees * (Math.PI / 180.0);

    /// <summary>Converts radians to degrees.</summary>
    public static double ToDegrees(double radians) => radians * (180.0 / Math.PI);

    /// <summary>Radius of curvature in the meridian at latitude <paramref name="latitudeRadians"/>, metres.</summary>
    public static double MeridianRadius(double latitudeRadians)
    {
        var s = Math.Sin(latitudeRadians);
        var w = 1 - (EccentricitySquared * s * s);
        return SemiMajorAxisMetres * (1 - EccentricitySquared) / (w * Math.Sqrt(w));
    }

    /// <summary>Radius of curvature in the prime vertical, metres.</summary>
    public static double PrimeVerticalRadius(double latitudeRadians)
    {
        var s = Math.Sin(latitudeRadians);
        return SemiMajorAxisMetres / Math.Sqrt(1 - (EccentricitySquared * s * s));
    }

    /// <summary>Geodetic position to Earth-centred, Earth-fixed coordinates, metres.</summary>
    public static Vector3 ToEcef(GeoPosition position)
    {
        var latitude = ToRadians(position.LatitudeDegrees);
        var longitude = ToRadians(position.LongitudeDegrees);
        var n = PrimeVerticalRadius(latitude);
        var cosLatitude = Math.Cos(latitude);
        return new Vector3(
            (n + position.HeightMetres) * cosLatitude * Math.Cos(longitude),
            (n + position.HeightMetres) * cosLatitude * Math.Sin(longitude),
            ((n * (1 - EccentricitySquared)) + position.HeightMetres) * Math.Sin(latitude));
    }

    /// <summary>ECEF to geodetic (Bowring's start, fixed-point iteration).</summary>
    public static GeoPosition FromEcef(Vector3 ecef)
    {
        var p = Math.Sqrt((ecef.X * ecef.X) + (ecef.Y * ecef.Y));
        var longitude = Math.Atan2(ecef.Y, ecef.X);
        var latitude = Math.Atan2(ecef.Z, p * (1 - EccentricitySquared));
        double height = 0;
        for (var i = 0; i < 10; i++)
        {
            var n = PrimeVerticalRadius(latitude);
            height = (p / Math.Cos(latitude)) - n;
            var next = Math.Atan2(ecef.Z, p * (1 - (EccentricitySquared * n / (n + height))));
            var done = Math.Abs(next - latitude) < 1e-13;
            latitude = next;
            if (done)
            {
                break;
            }
        }

        return new GeoPosition(ToDegrees(latitude), ToDegrees(longitude), height);
    }

    /// <summary>The vector from <paramref name="origin"/> to <paramref name="target"/> in the origin's east/north/up frame, metres.</summary>
    public static Vector3 ToEnu(GeoPosition origin, GeoPosition target) => EcefToEnu(origin, ToEcef(target) - ToEcef(origin));

    /// <summary>The position at <paramref name="enu"/> metres east/north/up of <paramref name="origin"/>.</summary>
    public static GeoPosition FromEnu(GeoPosition origin, Vector3 enu) => FromEcef(ToEcef(origin) + EnuToEcef(origin, enu));

    /// <summary>
    /// A vector given in the east/north/up frame at <paramref name="from"/> (a velocity as ADS-B
    /// and the tracker report it: east and north at the aircraft), expressed in the frame at
    /// <paramref name="to"/> (the mast's). A rotation: the two frames' north differ by the
    /// meridian convergence, about the longitude difference × sin latitude (3.8° at 250 km east
    /// or west at 59.5° N), and their up by the angle between the verticals.
    /// </summary>
    public static Vector3 RotateEnu(GeoPosition from, GeoPosition to, Vector3 vector) => EcefToEnu(to, EnuToEcef(from, vector));

    // The frames' axes in ECEF: east (−sin λ, cos λ, 0), north (−sin φ cos λ, −sin φ sin λ, cos φ),
    // up (cos φ cos λ, cos φ sin λ, sin φ).
    private static Vector3 EcefToEnu(GeoPosition origin, Vector3 d)
    {
        var latitude = ToRadians(origin.LatitudeDegrees);
        var longitude = ToRadians(origin.LongitudeDegrees);
        var sinLat = Math.Sin(latitude);
        var cosLat = Math.Cos(latitude);
        var sinLon = Math.Sin(longitude);
        var cosLon = Math.Cos(longitude);
        return new Vector3(
            (-sinLon * d.X) + (cosLon * d.Y),
            (-sinLat * cosLon * d.X) - (sinLat * sinLon * d.Y) + (cosLat * d.Z),
            (cosLat * cosLon * d.X) + (cosLat * sinLon * d.Y) + (sinLat * d.Z));
    }

    private static Vector3 EnuToEcef(GeoPosition origin, Vector3 enu)
    {
        var latitude = ToRadians(origin.LatitudeDegrees);
        var longitude = ToRadians(origin.LongitudeDegrees);
        var sinLat = Math.Sin(latitude);
        var cosLat = Math.Cos(latitude);
        var sinLon = Math.Sin(longitude);
        var cosLon = Math.Cos(longitude);
        return new Vector3(
            (-sinLon * enu.X) - (sinLat * cosLon * enu.Y) + (cosLat * cosLon * enu.Z),
            (cosLon * enu.X) - (sinLat * sinLon * enu.Y) + (cosLat * sinLon * enu.Z),
            (cosLat * enu.Y) + (sinLat * enu.Z));
    }
}
