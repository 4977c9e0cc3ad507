using System.Globalization;
using System.Text.Json;
using Picket.Simulation.Events;

namespace Picket.Simulation.Recording;

/// <summary>
/// Writes truth samples as JSON Lines: <c>{"time":UNIX_S,"t_s":SCENARIO_S,"target":N,"name":..,
/// "lat":..,"lon":..,"alt_m":..,"vel_e_ms":..,"vel_n_ms":..,"vel_u_ms":..,"cooperative":BOOL,
/// "icao":"4B1801"|null,"callsign":..|null}</c>; altitude is height above the WGS84 ellipsoid.
/// </summary>
internal sealed class TruthWriter : IDisposable
{
    private static readonly byte[] NewLine = [(byte)'\n'];

    private readonly Stream _stream;
    private readonly ScenarioSimulation _simulation;
    private readonly Utf8JsonWriter _writer;
    private readonly double _startUnixSeconds;

    public TruthWriter(Stream stream, ScenarioSimulation simulation)
    {
        _stream = stream;
        _simulation = simulation;
        _writer = new Utf8JsonWriter(stream);
        _startUnixSeconds = simulation.Definition.Start.ToUnixTimeMilliseconds() / 1000.0;
    }

    public void Write(TruthEvent sample)
    {
        var target = _simulation.Targets[sample.TargetIndex];
        var state = sample.State;
        var seconds = sample.TimeMicroseconds / 1e6;
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WriteNumber("time", Math.Round(_startUnixSeconds + seconds, 6));
        _writer.WriteNumber("t_s", seconds);
        _writer.WriteNumber("target", target.Index);
        _writer.WriteString("name", target.Name);
        _writer.WriteNumber("lat", Math.Round(state.Position.LatitudeDegrees, 8));
        _writer.WriteNumber("lon", Math.Round(state.Position.LongitudeDegrees, 8));
        _writer.WriteNumber("alt_m", Math.Round(state.Position.HeightMetres, 3));
        _writer.WriteNumber("vel_e_ms", Math.Round(state.VelocityEast, 3));
        _writer.WriteNumber("vel_n_ms", Math.Round(state.VelocityNorth, 3));
        _writer.WriteNumber("vel_u_ms", Math.Round(state.VerticalRateMetresPerSecond, 3));
        _writer.WriteBoolean("cooperative", target.Cooperative);
        if (target.Icao != 0)
        {
            _writer.WriteString("icao", target.Icao.ToString("X6", CultureInfo.InvariantCulture));
        }
        else
        {
            _writer.WriteNull("icao");
        }

        if (target.Callsign is { } callsign)
        {
            _writer.WriteString("callsign", callsign);
        }
        else
        {
            _writer.WriteNull("callsign");
        }

        _writer.WriteEndObject();
        _writer.Flush();
        _stream.Write(NewLine);
    }

    public void Dispose() => _writer.Dispose();
}
