using System.Text.Json.Serialization;

namespace Picket.Simulation.Scenarios;

/// <summary>Random cooperative civil traffic: straight legs through the coverage, all with ADS-B.</summary>
public sealed class TrafficDefinition
{
    /// <summary>How many aircraft.</summary>
    public int Count { get; set; }

    /// <summary>Radius around the site in which they start, metres.</summary>
    public double RadiusM { get; set; } = 250_000;

    /// <summary>Lowest cruise altitude, metres.</summary>
    public double MinimumAltitudeM { get; set; } = 3_000;

    /// <summary>Highest cruise altitude, metres.</summary>
    public double MaximumAltitudeM { get; set; } = 12_000;

    /// <summary>Lowest ground speed, metres per second.</summary>
    [JsonPropertyName("minimum_speed_m_s")]
    public double MinimumSpeedMS { get; set; } = 150;

    /// <summary>Highest ground speed, metres per second.</summary>
    [JsonPropertyName("maximum_speed_m_s")]
    public double MaximumSpeedMS { get; set; } = 260;

    /// <summary>First ICAO address handed out (hex); the rest follow.</summary>
    public string FirstIcao { get; set; } = "4B0000";
}
