namespace Picket.Geodesy;

/// <summary>
/// The plane's defining formulas (normal-section osculating-sphere azimuthal equidistant, see
/// <see cref="MastPlane"/>) evaluated directly in double precision, without the fixed-point
/// code's factoring: the oracle for the integer arithmetic.
/// </summary>
internal sealed class MastPlaneReference
{
    private const double SemiMajorAxis = 6_378_137.0;
    private const double Flattening = 1 / 298.257223563;
    private const double EccentricitySquared = Flattening * (2 - Flattening);

    private readonly double _latitude;
    private readonly double _longitude;
    private readonly double[] _mast;

    public MastPlaneReference(double latitude, double longitude)
    {
        _latitude = latitude;
        _longitude = longitude;
        _mast = Ecef(latitude, longitude);
    }

    public void ToPlane(double latitude, double longitude, out double east, out double north)
    {
        double[] point = Ecef(latitude, longitude);
        double dx = point[0] - _mast[0], dy = point[1] - _mast[1], dz = point[2] - _mast[2];
        double sinLat = Math.Sin(_latitude), cosLat = Math.Cos(_latitude);
        double sinLon = Math.Sin(_longitude), cosLon = Math.Cos(_longitude);
        double e = -sinLon * dx + cosLon * dy;
        double n = -sinLat * cosLon * dx - sinLat * sinLon * dy + cosLat * dz;
        double u = cosLat * cosLon * dx + cosLat * sinLon * dy + sinLat * dz;
        double horizontal = Math.Sqrt(e * e + n * n);
        if (horizontal == 0)
        {
            east = north = 0;
            return;
        }

        double radius = SectionRadius(e / horizontal, n / horizontal);
        double arc = radius * Math.Atan2(horizontal, radius + u);

        // Normal-section azimuth reduced to the geodesic's: -(e'²/12)(s/N₀)² cos²φ₀ sin 2α.
        double sectionAzimuth = Math.Atan2(e, n);
        double primeVertical = SemiMajorAxis / Math.Sqrt(1 - EccentricitySquared * Math.Sin(_latitude) * Math.Sin(_latitude));
        double secondEccentricitySquared = EccentricitySquared / (1 - EccentricitySquared);
        double azimuth = sectionAzimuth - secondEccentricitySquared / 12 * Math.Pow(arc / primeVertical, 2) * Math.Pow(Math.Cos(_latitude), 2) * Math.Sin(2 * sectionAzimuth);
        east = arc * Math.Sin(azimuth);
        north = arc * Math.Cos(azimuth);
    }

    public double SectionRadius(double sineAzimuth, double cosineAzimuth)
    {
        double w = 1 - EccentricitySquared * Math.Sin(_latitude) * Math.Sin(_latitude);
        double primeVertical = SemiMajorAxis / Math.Sqrt(w);
        double meridional = SemiMajorAxis * (1 - EccentricitySquared) / (w * Math.Sqrt(w));
        return 1 / (cosineAzimuth * cosineAzimuth / meridional + sineAzimuth * sineAzimuth / primeVertical);
    }

    private static double[] Ecef(double latitude, double longitude)
    {
        double primeVertical = SemiMajorAxis / Math.Sqrt(1 - EccentricitySquared * Math.Sin(latitude) * Math.Sin(latitude));
        return
        [
            primeVertical * Math.Cos(latitude) * Math.Cos(longitude),
            primeVertical * Math.Cos(latitude) * Math.Sin(longitude),
            primeVertical * (1 - EccentricitySquared) * Math.Sin(latitude),
        ];
    }
}
