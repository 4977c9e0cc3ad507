using Picket.Asterix;
using Picket.Gateway.Tracking;
using Picket.Radar;
using Picket.Simulation.Events;
using Picket.Simulation.Scenarios;
using Picket.Simulation.Truth;
using Picket.Tracking.Measurements;

namespace Picket.Simulation.Feeds;

/// <summary>
/// Turns simulation events into the structs the decoders produce, quantised as the wire formats
/// would quantise them: ADS-B positions on the CPR grid (DO-260B A.1.7: 2^17 steps per zone,
/// and only once an even/odd pair within 10 s allows a global decode), velocities to 1 kt per
/// component, altitudes to 25 ft; radar plots to ASTERIX I048/040 (1/256 NM, 360/2^16 degree),
/// I048/090 (1/4 FL) and I048/110 (25 ft). This stands in for encoding to Beast/ASTERIX bytes
/// and decoding them again until the scenario recorder provides those streams.
/// </summary>
public sealed class SimulatedMeasurements
{
    private const double MetresPerNauticalMile = 1852;
    private const double MetresPerKnot = 1852.0 / 3600;
    private readonly IReadOnlyList<SimulatedTarget> _targets;
    private readonly RadarDefinition? _radar;
    private readonly long _startUnixMicroseconds;
    private readonly Dictionary<int, (long Even, long Odd)> _cprFrames = [];
    private readonly HashSet<int> _decodable = [];

    /// <summary>Creates the converter for one run.</summary>
    /// <param name="simulation">The simulation whose events are converted.</param>
    public SimulatedMeasurements(ScenarioSimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        _targets = simulation.Targets;
        _radar = simulation.Definition.Radar;
        _startUnixMicroseconds = simulation.Definition.Start.ToUnixTimeMilliseconds() * 1000;
        SensorId = _radar is null ? 0 : (_radar.Sac << 8) | _radar.Sic;
    }

    /// <summary>
    /// Radar range noise the tracker assumes, one sigma, metres: what a radar's data sheet says
    /// (TrackingPipeline's default), never the simulator's own draw (issue 9).
    /// </summary>
    public double AssumedSigmaRangeMetres { get; set; } = TrackingPipeline.DefaultRadarSigmaRangeMillimetres / 1000.0;

    /// <summary>Radar azimuth noise the tracker assumes, one sigma, degrees (TrackingPipeline's default).</summary>
    public double AssumedSigmaAzimuthDegrees { get; set; } = TrackingPipeline.DefaultRadarSigmaAzimuthMicrodegrees / 1e6;

    /// <summary>The radar's sensor id (SAC × 256 + SIC).</summary>
    public int SensorId { get; }

    /// <summary>UTC microseconds of the scenario start.</summary>
    public long StartUnixMicroseconds => _startUnixMicroseconds;

    /// <summary>A radar plot as the CAT048 decoder and measurement builder would give it.</summary>
    public bool TryConvert(RadarPlotEvent plot, out RadarMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(plot);
        measurement = default;
        if (_radar is null)
        {
            return false;
        }

        measurement.SensorId = SensorId;
        measurement.Source = RadarMeasurementSource.AsterixTargetReport;
        measurement.TimeUnixMicroseconds = _startUnixMicroseconds + RoundTo(plot.TimeMicroseconds, 7_812.5);
        measurement.RangeMillimetres = (long)Math.Round(Math.Round(plot.SlantRangeMetres / MetresPerNauticalMile * 256) * MetresPerNauticalMile / 256 * 1000);
        var theta = (long)Math.Round(plot.AzimuthDegrees / 360 * 65536) & 0xFFFF;
        measurement.AzimuthMicrodegrees = RadarMeasurementBuilder.BinaryAngleToMicrodegrees((int)theta);
        measurement.ReportType = plot.Icao != 0
            ? (plot.Primary ? TargetReportType.ModeSRollCallPsr : TargetReportType.ModeSRollCall)
            : plot.Secondary ? (plot.Primary ? TargetReportType.SsrPsr : TargetReportType.Ssr) : TargetReportType.Psr;
        if (!double.IsNaN(plot.PressureAltitudeFeet))
        {
            measurement.HasPressureAltitude = true;
            measurement.PressureAltitudeFeet = (int)Math.Round(plot.PressureAltitudeFeet / 25) * 25;
        }

        if (!double.IsNaN(plot.HeightMetres))
        {
            measurement.HasHeight = true;
            measurement.HeightFeet = (int)Math.Round(plot.HeightMetres / 0.3048 / 25) * 25;
        }

        if (plot.Mode3A >= 0)
        {
            measurement.HasMode3A = true;
            measurement.Mode3A = plot.Mode3A;
        }

        if (plot.Icao != 0)
        {
            measurement.HasIcaoAddress = true;
            measurement.IcaoAddress = plot.Icao;
        }

        measurement.SigmaRangeMillimetres = (int)Math.Round(AssumedSigmaRangeMetres * 1000);
        measurement.SigmaAzimuthMicrodegrees = (int)Math.Round(AssumedSigmaAzimuthDegrees * 1e6);
        return true;
    }

    /// <summary>An ADS-B squitter as the Mode S pipeline and observation builder would give it.</summary>
    public bool TryConvert(SquitterEvent squitter, out ModeSObservation observation)
    {
        ArgumentNullException.ThrowIfNull(squitter);
        observation = default;
        observation.TimeUnixMicroseconds = _startUnixMicroseconds + squitter.TimeMicroseconds;
        observation.IcaoAddress = squitter.Icao & 0xFFFFFF;
        observation.IsExtendedSquitter = true;
        var state = squitter.State;
        var target = _targets[squitter.TargetIndex];
        switch (squitter.Kind)
        {
            case SquitterKind.OperationalStatus:
                return false;
            case SquitterKind.AirbornePosition:
                var reported = squitter.ReportedPosition ?? state.Position;
                var altitudeFeet = double.IsNaN(squitter.PressureAltitudeFeet) ? reported.HeightMetres / 0.3048 : squitter.PressureAltitudeFeet;
                observation.HasAltitude = true;
                observation.AltitudeFeet = (int)Math.Round(altitudeFeet / 25) * 25;
                if (!NoteCprFrame(observation.IcaoAddress, squitter.OddFormat, squitter.TimeMicroseconds))
                {
                    return true;
                }

                QuantiseCpr(reported.LatitudeDegrees, reported.LongitudeDegrees, squitter.OddFormat, out var latitude, out var longitude);
                observation.HasPosition = true;
                observation.LatitudeE7 = (int)Math.Round(latitude * 1e7);
                observation.LongitudeE7 = (int)Math.Round(longitude * 1e7);
                observation.PositionSigmaMillimetres = 25_000;
                return true;
            case SquitterKind.Velocity:
                // DO-260B §2.2.3.2.6.1: east-west and north-south components in 1 kt steps, vertical rate in 64 ft/min.
                observation.HasVelocity = true;
                observation.VelocityEastMillimetresPerSecond = (int)Math.Round(Math.Round(state.VelocityEast / MetresPerKnot) * MetresPerKnot * 1000);
                observation.VelocityNorthMillimetresPerSecond = (int)Math.Round(Math.Round(state.VelocityNorth / MetresPerKnot) * MetresPerKnot * 1000);
                observation.HasVerticalRate = true;
                observation.VerticalRateMillimetresPerSecond = (int)Math.Round(Math.Round(state.VerticalRateMetresPerSecond / 0.00508 / 64) * 64 * 5.08);
                return true;
            default:
                if (target.Callsign is { Length: > 0 } callsign)
                {
                    observation.HasCallsign = true;
                    observation.CallsignCharacters = EncodeCallsign(callsign);
                }

                observation.HasEmitterCategory = true;
                (observation.EmitterCategorySet, observation.EmitterCategory) = target.Class switch
                {
                    TargetClass.Fighter => (1, 6),
                    TargetClass.Drone => (2, 6),
                    _ => (1, 3),
                };
                if (target.Squawk >= 0)
                {
                    observation.HasSquawk = true;
                    observation.Squawk = target.Squawk;
                }

                return true;
        }
    }

    /// <summary>Eight 6-bit IA-5 characters (DO-260B table A-7) from text, space padded.</summary>
    public static ulong EncodeCallsign(string callsign)
    {
        ArgumentNullException.ThrowIfNull(callsign);
        ulong characters = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = i < callsign.Length ? char.ToUpperInvariant(callsign[i]) : ' ';
            int code = c is >= 'A' and <= 'Z' ? c - 'A' + 1 : c is >= '0' and <= '9' ? c : 32;
            characters = (characters << 6) | (uint)code;
        }

        return characters;
    }

    // True once this aircraft's positions can be decoded: an even and an odd frame within 10 s
    // (DO-260B A.1.7.7), after which local decoding decodes every frame.
    private bool NoteCprFrame(int icao, bool odd, long time)
    {
        if (_decodable.Contains(icao))
        {
            return true;
        }

        _cprFrames.TryGetValue(icao, out var frames);
        frames = odd ? (frames.Even, time + 1) : (time + 1, frames.Odd);
        _cprFrames[icao] = frames;
        if (frames.Even > 0 && frames.Odd > 0 && Math.Abs(frames.Even - frames.Odd) <= 10_000_000)
        {
            _decodable.Add(icao);
            return true;
        }

        return false;
    }

    private static void QuantiseCpr(double latitude, double longitude, bool odd, out double quantisedLatitude, out double quantisedLongitude)
    {
        const double Steps = 131_072;
        var latitudeZone = 360.0 / (odd ? 59 : 60);
        quantisedLatitude = Math.Round(latitude / latitudeZone * Steps) * latitudeZone / Steps;
        var zones = Math.Max(LongitudeZoneCount(quantisedLatitude) - (odd ? 1 : 0), 1);
        var longitudeZone = 360.0 / zones;
        quantisedLongitude = Math.Round(longitude / longitudeZone * Steps) * longitudeZone / Steps;
    }

    // NL(lat), DO-260B A.1.7.2 d.
    private static int LongitudeZoneCount(double latitude)
    {
        var absolute = Math.Abs(latitude);
        if (absolute >= 87)
        {
            return 1;
        }

        var a = 1 - Math.Cos(Math.PI / 30);
        var b = Math.Pow(Math.Cos(Math.PI / 180 * absolute), 2);
        return (int)Math.Floor(2 * Math.PI / Math.Acos(1 - (a / b)));
    }

    private static long RoundTo(long value, double step) => (long)Math.Round(Math.Round(value / step) * step);
}
