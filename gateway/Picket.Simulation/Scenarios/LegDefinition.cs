using System.Text.Json.Serialization;

namespace Picket.Simulation.Scenarios;

/// <summary>
/// One leg of a flight: for <see cref="DurationS"/> seconds the target turns at a constant rate
/// (0: straight), climbs or descends at a constant rate and speeds up or slows down at a
/// constant rate.
/// </summary>
public sealed class LegDefinition
{
    /// <summary>Leg length, seconds.</summary>
    public double DurationS { get; set; }

    /// <summary>Turn rate, degrees per second, positive to the right (a standard-rate turn is 3).</summary>
    public double TurnRateDegS { get; set; }

    /// <summary>Vertical rate, metres per second, positive up.</summary>
    [JsonPropertyName("vertical_rate_m_s")]
    public double VerticalRateMS { get; set; }

    /// <summary>Along-track acceleration, metres per second squared.</summary>
    [JsonPropertyName("acceleration_m_s2")]
    public double AccelerationMS2 { get; set; }
}
