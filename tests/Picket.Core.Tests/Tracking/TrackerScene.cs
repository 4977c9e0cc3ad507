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
/// metres; measurements are made from it with an independent spherical-Earth model (mean radius),
/// good to metres within 50 km, far inside the tolerances the tests assert.
/// </summary>
internal sealed class TrackerScene : ITrackerOutput
{
    public const double MastLatitude = 59.5;
    public const double MastLongitude = 25.0;
    public const long StartMicroseconds = 1_780_000_000_000_000;
    private const double EarthRadius = 6_371_000;

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

    public static (double Latitude, double Longitude) ToGeodetic(double east, double north)
    {
        var latitude = MastLatitude + (north / EarthRadius * 180 / Math.PI);
        var longitude = MastLongitude + (east / (EarthRadius * Math.Cos(MastLatitude * Math.PI / 180)) * 180 / Math.PI);
        return (latitude, longitude);
    }

    public static (double East, double North) ToLocal(int latitudeE7, int longitudeE7)
    {
        var north = ((latitudeE7 / 1e7) - MastLatitude) * Math.PI / 180 * EarthRadius;
        var east = ((longitudeE7 / 1e7) - MastLongitude) * Math.PI / 180 * EarthRadius * Math.Cos(MastLatitude * Math.PI / 180);
        return (east, north);
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
    public void RadarPlot(double seconds, double east, double north, double heightMetres, int icao = 0, bool withModeC = true)
    {
        var ground = Math.Sqrt((east * east) + (north * north));
        var centralAngle = ground / EarthRadius;
        // Slant range on a sphere between the sensor (R + 30) and the target (R + h).
        var sensor = EarthRadius + 30;
        var target = EarthRadius + heightMetres;
        var slant = Math.Sqrt((sensor * sensor) + (target * target) - (2 * sensor * target * Math.Cos(centralAngle)));
        var azimuth = Math.Atan2(east, north) * 180 / Math.PI;
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
            SigmaRangeMillimetres = 50_000,
            SigmaAzimuthMicrodegrees = 100_000,
        };
        Tracker.AddRadar(ref measurement);
    }

    public static double Distance(TrackReport report, double east, double north)
    {
        var (e, n) = ToLocal(report.LatitudeE7, report.LongitudeE7);
        return Math.Sqrt(((e - east) * (e - east)) + ((n - north) * (n - north)));
    }
}
