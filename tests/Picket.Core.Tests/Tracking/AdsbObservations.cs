using Picket.Tracking.Measurements;

namespace Picket.Tracking;

/// <summary>ADS-B observations of the scene's sky with every field the tracker tests need to change.</summary>
internal static class AdsbObservations
{
    /// <summary>A DF17 airborne position with a 30,000 ft pressure altitude and the 25 m sigma.</summary>
    public static ModeSObservation Position(double seconds, int icao, double east, double north)
    {
        var (latitude, longitude) = TrackerScene.ToGeodetic(east, north);
        return new ModeSObservation
        {
            TimeUnixMicroseconds = TrackerScene.At(seconds),
            IcaoAddress = icao,
            IsExtendedSquitter = true,
            HasPosition = true,
            LatitudeE7 = (int)Math.Round(latitude * 1e7),
            LongitudeE7 = (int)Math.Round(longitude * 1e7),
            PositionSigmaMillimetres = 25_000,
            HasAltitude = true,
            AltitudeFeet = 30_000,
        };
    }
}
