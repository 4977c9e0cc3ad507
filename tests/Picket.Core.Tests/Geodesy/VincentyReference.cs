namespace Picket.Geodesy;

/// <summary>
/// Vincenty's inverse geodesic solution on WGS84 in double precision (T. Vincenty, Survey
/// Review XXIII, 1975, equations as published), the independent truth for the plane's distances
/// and azimuths. Accurate to well under a millimetre at the ranges tested (no antipodal points).
/// </summary>
internal static class VincentyReference
{
    private const double SemiMajorAxis = 6_378_137.0;
    private const double Flattening = 1 / 298.257223563;
    private const double SemiMinorAxis = SemiMajorAxis * (1 - Flattening);

    /// <summary>Geodesic distance (m) and forward azimuth (rad, clockwise from north).</summary>
    public static void Inverse(double latitude1, double longitude1, double latitude2, double longitude2, out double distanceMetres, out double azimuthRadians)
    {
        double reduced1 = Math.Atan((1 - Flattening) * Math.Tan(latitude1));
        double reduced2 = Math.Atan((1 - Flattening) * Math.Tan(latitude2));
        double sinU1 = Math.Sin(reduced1), cosU1 = Math.Cos(reduced1);
        double sinU2 = Math.Sin(reduced2), cosU2 = Math.Cos(reduced2);
        double longitudeDifference = longitude2 - longitude1;
        double lambda = longitudeDifference;
        double sinSigma, cosSigma, sigma, cosSquaredAlpha, cos2SigmaM;
        int iterations = 0;
        while (true)
        {
            double sinLambda = Math.Sin(lambda), cosLambda = Math.Cos(lambda);
            sinSigma = Math.Sqrt(Square(cosU2 * sinLambda) + Square(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda));
            if (sinSigma == 0)
            {
                distanceMetres = 0;
                azimuthRadians = 0;
                return;
            }

            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.Atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cosSquaredAlpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cosSquaredAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSquaredAlpha;
            double c = Flattening / 16 * cosSquaredAlpha * (4 + Flattening * (4 - 3 * cosSquaredAlpha));
            double previous = lambda;
            lambda = longitudeDifference + (1 - c) * Flattening * sinAlpha
                * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.Abs(lambda - previous) < 1e-14 || ++iterations > 200)
            {
                break;
            }
        }

        double uSquared = cosSquaredAlpha * (SemiMajorAxis * SemiMajorAxis - SemiMinorAxis * SemiMinorAxis) / (SemiMinorAxis * SemiMinorAxis);
        double a = 1 + uSquared / 16384 * (4096 + uSquared * (-768 + uSquared * (320 - 175 * uSquared)));
        double b = uSquared / 1024 * (256 + uSquared * (-128 + uSquared * (74 - 47 * uSquared)));
        double deltaSigma = b * sinSigma * (cos2SigmaM + b / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - b / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        distanceMetres = SemiMinorAxis * a * (sigma - deltaSigma);
        double finalSinLambda = Math.Sin(lambda), finalCosLambda = Math.Cos(lambda);
        azimuthRadians = Math.Atan2(cosU2 * finalSinLambda, cosU1 * sinU2 - sinU1 * cosU2 * finalCosLambda);
    }

    private static double Square(double value) => value * value;
}
