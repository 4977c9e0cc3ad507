namespace Picket.Tracking.Measurements;

/// <summary>
/// Pressure altitude (Mode C, ADS-B barometric) to geometric height, the quantity of the
/// filter's vertical channel and of the report's height. With the aircraft's own GNSS-baro
/// difference (ADS-B TC 19, DO-260B 2.2.3.2.6.1.14) the height is the pressure altitude plus
/// that difference. Without it the standard atmosphere is assumed: pressure altitude is then
/// the geopotential height H, and geometric height h = R·H / (R - H) (ICAO Doc 7488, R = 6,356,766 m);
/// the real atmosphere's departure from ISA is the uncertainty (surface pressure plus a share of
/// the altitude for the column's temperature).
/// </summary>
public static class PressureAltitudeConversion
{
    // ICAO Doc 7488: the Earth radius of the geopotential/geometric conversion, millimetres.
    private const long EarthRadiusMillimetres = 6_356_766_000;

    /// <summary>Pressure altitude in millimetres: 1 ft = 0.3048 m exactly.</summary>
    /// <param name="altitudeFeet">Pressure altitude, feet.</param>
    /// <returns>Millimetres.</returns>
    public static long FeetToMillimetres(int altitudeFeet) => altitudeFeet * 3048L / 10;

    /// <summary>Geometric height from pressure altitude and the aircraft's own GNSS-baro difference.</summary>
    /// <param name="altitudeFeet">Pressure altitude, feet, -1,200 to 126,700.</param>
    /// <param name="geometricMinusBarometricMillimetres">GNSS height minus pressure altitude, mm.</param>
    /// <returns>Geometric height, mm.</returns>
    public static long WithDifference(int altitudeFeet, int geometricMinusBarometricMillimetres) =>
        FeetToMillimetres(altitudeFeet) + geometricMinusBarometricMillimetres;

    /// <summary>Geometric height of a pressure altitude in the standard atmosphere, h = R·H / (R - H).</summary>
    /// <param name="altitudeFeet">Pressure altitude, feet, -1,200 to 126,700.</param>
    /// <returns>Geometric height, mm.</returns>
    public static long StandardAtmosphere(int altitudeFeet)
    {
        long geopotential = FeetToMillimetres(altitudeFeet);
        // h - H = H² / (R - H): 13 m at FL300. H² < 1.5e15 fits a long.
        return geopotential + ((geopotential * geopotential) / (EarthRadiusMillimetres - geopotential));
    }

    /// <summary>One-sigma of the standard-atmosphere assumption at an altitude, mm: √(surface² + (altitude × parts/1000)²).</summary>
    /// <param name="altitudeFeet">Pressure altitude, feet.</param>
    /// <param name="surfaceSigmaMillimetres">The surface term, mm.</param>
    /// <param name="partsPerThousand">The altitude-proportional term, parts per thousand.</param>
    /// <returns>Sigma, mm.</returns>
    public static int StandardAtmosphereSigmaMillimetres(int altitudeFeet, int surfaceSigmaMillimetres, int partsPerThousand)
    {
        long altitude = FeetToMillimetres(altitudeFeet);
        if (altitude < 0)
        {
            altitude = -altitude;
        }

        return AdsbQuality.RootSumSquare(surfaceSigmaMillimetres, (int)(altitude * partsPerThousand / 1000));
    }
}
