using Picket.Publishing;

namespace Picket.Cli.Verbs.Demo;

/// <summary>
/// Synthetic targets for the demo: straight legs over the Gulf of Finland, some cooperative
/// (airliners and interceptors with ICAO addresses), some not (fast jets with transponders off).
/// Positions come from a local flat-earth step, which is accurate enough for a display demo.
/// </summary>
internal sealed class DemoScene
{
    public const int SiteLatitudeE7 = 594_500_000;   // 59.45 N
    public const int SiteLongitudeE7 = 265_000_000;  // 26.50 E

    private const double MetresPerDegreeLatitude = 111_320.0;

    private readonly long _trackId;
    private readonly double _startLatitude;
    private readonly double _startLongitude;
    private readonly double _velocityEast;
    private readonly double _velocityNorth;
    private readonly int _altitudeMillimetres;
    private readonly int _appearSecond;
    private readonly int _icao;
    private readonly string? _callsign;
    private readonly TrackSources _sources;

    private DemoScene(long trackId, double latitude, double longitude, double headingDegrees, double speedMetresPerSecond, int altitudeMetres, int appearSecond, int icao, string? callsign, TrackSources sources)
    {
        _trackId = trackId;
        _startLatitude = latitude;
        _startLongitude = longitude;
        _velocityEast = speedMetresPerSecond * Math.Sin(headingDegrees * Math.PI / 180);
        _velocityNorth = speedMetresPerSecond * Math.Cos(headingDegrees * Math.PI / 180);
        _altitudeMillimetres = altitudeMetres * 1000;
        _appearSecond = appearSecond;
        _icao = icao;
        _callsign = callsign;
        _sources = sources;
    }

    public static DemoScene[] Create() =>
    [
        // Three fast jets, transponders off, seen by radar only, entering from the east.
        new(1, 59.95, 28.40, 250, 260, 9_000, 30, 0, null, TrackSources.RadarPsr),
        new(2, 59.97, 28.45, 250, 260, 9_100, 32, 0, null, TrackSources.RadarPsr),
        new(3, 59.93, 28.42, 250, 260, 8_900, 34, 0, null, TrackSources.RadarPsr),

        // Civil traffic broadcasting ADS-B.
        new(4, 59.20, 24.80, 60, 230, 11_000, 0, 0x511F27, "ELL3TV", TrackSources.Adsb),
        new(5, 60.20, 25.00, 150, 220, 10_400, 10, 0x461E1F, "FIN7LU", TrackSources.Adsb | TrackSources.RadarSsr),

        // Two interceptors scrambled later, cooperative (Mode S identity, no ADS-B position).
        new(6, 59.40, 24.60, 75, 300, 8_000, 180, 0x511A01, null, TrackSources.ModeS | TrackSources.RadarSsr),
        new(7, 59.41, 24.58, 75, 300, 8_200, 182, 0x511A02, null, TrackSources.ModeS | TrackSources.RadarSsr),
    ];

    /// <summary>The target's published state at <paramref name="second"/>, or false before it appears.</summary>
    public bool TryReport(int second, int lastSecond, long timeUnixMicroseconds, out TrackReport report)
    {
        report = default;
        if (second < _appearSecond)
        {
            return false;
        }

        var age = second - _appearSecond;
        var latitude = _startLatitude + (_velocityNorth * age / MetresPerDegreeLatitude);
        var longitude = _startLongitude + (_velocityEast * age / (MetresPerDegreeLatitude * Math.Cos(latitude * Math.PI / 180)));
        report = new TrackReport
        {
            TrackId = _trackId,
            Status = second == lastSecond ? TrackStatus.Dropped : age < 3 ? TrackStatus.Tentative : TrackStatus.Confirmed,
            TimeUnixMicroseconds = timeUnixMicroseconds,
            LatitudeE7 = (int)Math.Round(latitude * 1e7),
            LongitudeE7 = (int)Math.Round(longitude * 1e7),
            HasHeight = true,
            HeightMillimetres = _altitudeMillimetres,
            VelocityEastMillimetresPerSecond = (int)Math.Round(_velocityEast * 1000),
            VelocityNorthMillimetresPerSecond = (int)Math.Round(_velocityNorth * 1000),
            PositionSigmaEastMillimetres = 60_000,
            PositionSigmaNorthMillimetres = 60_000,
            Sources = _sources,
            HasIcaoAddress = _icao != 0,
            IcaoAddress = _icao,
            Callsign = _callsign!,
            Cooperative = _icao != 0,
            UpdateCount = (uint)age + 1,
            AgeMilliseconds = age * 1000L,
        };
        return true;
    }
}
