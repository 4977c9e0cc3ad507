using Picket.Asterix;
using Picket.Geodesy;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;
using Picket.Tracking.Measurements;
using Picket.Zones;

namespace Picket.Tracking;

/// <summary>
/// A small sky around a mast for tracker tests. Truth lives in double-precision local east/north
/// metres: ground distance and azimuth from the mast (what a radar at the mast measures).
/// Measurements are made from it with an independent spherical-Earth model whose radius is the
/// WGS84 radius of curvature in the azimuth of the target (Euler: 1/R = cos²θ/M + sin²θ/N at the
/// mast), good to metres within 50 km, far inside the tolerances the tests assert. (A flat
/// latitude/longitude grid with the mean radius put ADS-B positions 124 m off the radar's view
/// of the same truth 30 km east, the curvature of the parallel, which agreement checks rightly flag.)
/// </summary>
internal sealed class TrackerScene : ITrackerOutput
{
    public const double MastLatitude = 59.5;
    public const double MastLongitude = 25.0;
    public const long StartMicroseconds = 1_780_000_000_000_000;
    private const double SemiMajorAxis = 6_378_137;
    private const double EccentricitySquared = 0.00669437999014;
    private static readonly double MastLatitudeRadians = MastLatitude * Math.PI / 180;
    private static readonly double Wgs84Denominator = 1 - (EccentricitySquared * Math.Sin(MastLatitudeRadians) * Math.Sin(MastLatitudeRadians));
    private static readonly double PrimeVerticalRadius = SemiMajorAxis / Math.Sqrt(Wgs84Denominator);
    private static readonly double MeridianRadius = SemiMajorAxis * (1 - EccentricitySquared) / Math.Pow(Wgs84Denominator, 1.5);

    public TrackerScene(TrackerConfiguration? configuration = null, ZoneGeometry[]? zones = null)
    {
        var saturations = 0;
        var plane = new MastPlane(Q2x61.FromDegreesE7(595_000_000, ref saturations), Q2x61.FromDegreesE7(250_000_000, ref saturations));
        zones ??= [];
        Tracker = new Tracker(configuration ?? new TrackerConfiguration(), plane, 30_000, zones, zones.Select((_, i) => "zone-" + i).ToArray(), this);
    }

    public Tracker Tracker { get; }

    public List<TrackReport> Reports { get; } = [];

    public List<ZoneAlert> Alerts { get; } = [];

    public void OnTrackReport(ref TrackReport report) => Reports.Add(report);

    public void OnZoneAlert(ref ZoneAlert alert) => Alerts.Add(alert);

    public static long At(double seconds) => StartMicroseconds + (long)Math.Round(seconds * 1e6);

    /// <summary>A standard normal draw (Box-Muller) from <paramref name="random"/>, for measurement noise.</summary>
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>The radius of curvature of the Earth at the mast in the azimuth of (east, north).</summary>
    public static double EarthRadius(double east, double north)
    {
        var azimuth = Math.Atan2(east, north);
        var cosine = Math.Cos(azimuth);
        var sine = Math.Sin(azimuth);
        return 1 / ((cosine * cosine / MeridianRadius) + (sine * sine / PrimeVerticalRadius));
    }

    public static (double Latitude, double Longitude) ToGeodetic(double east, double north)
    {
        // The destination at ground distance d and azimuth θ on the sphere of that radius.
        var azimuth = Math.Atan2(east, north);
        var angle = Math.Sqrt((east * east) + (north * north)) / EarthRadius(east, north);
        var latitude = Math.Asin((Math.Sin(MastLatitudeRadians) * Math.Cos(angle)) + (Math.Cos(MastLatitudeRadians) * Math.Sin(angle) * Math.Cos(azimuth)));
        var longitude = Math.Atan2(Math.Sin(azimuth) * Math.Sin(angle) * Math.Cos(MastLatitudeRadians), Math.Cos(angle) - (Math.Sin(MastLatitudeRadians) * Math.Sin(latitude)));
        return (latitude * 180 / Math.PI, MastLongitude + (longitude * 180 / Math.PI));
    }

    public static (double East, double North) ToLocal(int latitudeE7, int longitudeE7)
    {
        var latitude = latitudeE7 / 1e7 * Math.PI / 180;
        var longitude = ((longitudeE7 / 1e7) - MastLongitude) * Math.PI / 180;
        var azimuth = Math.Atan2(Math.Sin(longitude) * Math.Cos(latitude), (Math.Cos(MastLatitudeRadians) * Math.Sin(latitude)) - (Math.Sin(MastLatitudeRadians) * Math.Cos(latitude) * Math.Cos(longitude)));
        var angle = Math.Acos(Math.Clamp((Math.Sin(MastLatitudeRadians) * Math.Sin(latitude)) + (Math.Cos(MastLatitudeRadians) * Math.Cos(latitude) * Math.Cos(longitude)), -1, 1));
        var distance = angle * EarthRadius(Math.Sin(azimuth), Math.Cos(azimuth));
        return (distance * Math.Sin(azimuth), distance * Math.Cos(azimuth));
    }

    public void AdsbPosition(double seconds, int icao, double east, double north, int altitudeFeet = 30_000)
    {
        var (latitude, longitude) = ToGeodetic(east, north);
        var observation = new ModeSObservation
        {
            TimeUnixMicroseconds = At(seconds),
            IcaoAddress = icao,
            IsExtendedSquitter = true,
            HasPosition = true,
            LatitudeE7 = (int)Math.Round(latitude * 1e7),
            LongitudeE7 = (int)Math.Round(longitude * 1e7),
            PositionSigmaMillimetres = 25_000,
            HasAltitude = true,
            AltitudeFeet = altitudeFeet,
        };
        Tracker.AddModeS(ref observation);
    }

    public void AdsbVelocity(double seconds, int icao, double velocityEast, double velocityNorth)
    {
        var observation = new ModeSObservation
        {
            TimeUnixMicroseconds = At(seconds),
            IcaoAddress = icao,
            IsExtendedSquitter = true,
            HasVelocity = true,
            VelocityEastMillimetresPerSecond = (int)Math.Round(velocityEast * 1000),
            VelocityNorthMillimetresPerSecond = (int)Math.Round(velocityNorth * 1000),
        };
        Tracker.AddModeS(ref observation);
    }

    public void AdsbIdentification(double seconds, int icao, ulong callsign)
    {
        var observation = new ModeSObservation
        {
            TimeUnixMicroseconds = At(seconds),
            IcaoAddress = icao,
            IsExtendedSquitter = true,
            HasCallsign = true,
            CallsignCharacters = callsign,
        };
        Tracker.AddModeS(ref observation);
    }

    /// <summary>A radar plot of a target at (east, north, height) seen from the mast (30 m up).</summary>
    public void RadarPlot(double seconds, double east, double north, double heightMetres, int icao = 0, bool withModeC = true) =>
        RadarPlot(seconds, east, north, heightMetres, 0, 0, 50_000, 100_000, icao, withModeC);

    // A plot with a measurement error added (slant range metres, azimuth degrees) and the sigmas the
    // plot claims (what the tracker is told, mm and µdeg).
    // measuresHeight: a 3-D radar's plot, its height measured (300 m one sigma).
    public void RadarPlot(double seconds, double east, double north, double heightMetres, double rangeErrorMetres, double azimuthErrorDegrees, int sigmaRangeMillimetres, int sigmaAzimuthMicrodegrees, int icao = 0, bool withModeC = true, bool measuresHeight = false)
    {
        var ground = Math.Sqrt((east * east) + (north * north));
        var radius = EarthRadius(east, north);
        var centralAngle = ground / radius;
        // Slant range on a sphere between the sensor (R + 30) and the target (R + h).
        var sensor = radius + 30;
        var target = radius + heightMetres;
        var slant = Math.Sqrt((sensor * sensor) + (target * target) - (2 * sensor * target * Math.Cos(centralAngle)));
        slant += rangeErrorMetres;
        var azimuth = (Math.Atan2(east, north) * 180 / Math.PI) + azimuthErrorDegrees;
        var measurement = new RadarMeasurement
        {
            SensorId = 1,
            TimeUnixMicroseconds = At(seconds),
            RangeMillimetres = (long)Math.Round(slant * 1000),
            AzimuthMicrodegrees = (int)Math.Round((azimuth + 360) % 360 * 1e6),
            ReportType = icao != 0 ? TargetReportType.ModeSRollCallPsr : TargetReportType.Psr,
            HasPressureAltitude = withModeC && icao != 0,
            PressureAltitudeFeet = (int)Math.Round(heightMetres / 0.3048 / 25) * 25,
            HasIcaoAddress = icao != 0,
            IcaoAddress = icao,
            SigmaRangeMillimetres = sigmaRangeMillimetres,
            SigmaAzimuthMicrodegrees = sigmaAzimuthMicrodegrees,
            HasHeight = measuresHeight,
            HeightFeet = measuresHeight ? (int)Math.Round(heightMetres / 0.3048 / 25) * 25 : 0,
            SigmaHeightMillimetres = measuresHeight ? 300_000 : 0,
        };
        Tracker.AddRadar(ref measurement);
    }

    public static double Distance(TrackReport report, double east, double north)
    {
        var (e, n) = ToLocal(report.LatitudeE7, report.LongitudeE7);
        return Math.Sqrt(((e - east) * (e - east)) + ((n - north) * (n - north)));
    }
}
