using System.Text.Json.Serialization;

namespace Picket.Simulation.Scenarios;

/// <summary>
/// A scenario as written in a scenario file (JSON, snake_case keys): where the mast stands,
/// what the sensors are like, and which targets fly where. Units are in the key names.
/// </summary>
public sealed class ScenarioDefinition
{
    /// <summary>Short name, e.g. <c>gulf-of-finland-incursion</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>One paragraph for humans.</summary>
    public string Description { get; set; } = "";

    /// <summary>UTC start of the scenario.</summary>
    public DateTimeOffset Start { get; set; }

    /// <summary>Scenario length, seconds (scenario time).</summary>
    public double DurationS { get; set; }

    /// <summary>Seed of every random draw (noise, detection, clutter, loss).</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The mast: receiver antenna and, unless the radar says otherwise, the radar.</summary>
    public PositionDefinition Site { get; set; } = new();

    /// <summary>The radar, or null for an ADS-B-only mast.</summary>
    public RadarDefinition? Radar { get; set; }

    /// <summary>The ADS-B/Mode S receiver, or null for a radar-only mast.</summary>
    public AdsbDefinition? Adsb { get; set; }

    /// <summary>Scripted targets.</summary>
    public IList<TargetDefinition> Targets { get; init; } = [];

    /// <summary>Random civil traffic added to the scripted targets, or null.</summary>
    public TrafficDefinition? RandomTraffic { get; set; }

    /// <summary>Protected zones as a GeoJSON FeatureCollection file name beside the scenario, or null.</summary>
    public string? Zones { get; set; }

    /// <summary>Folder of the scenario file (for <see cref="Zones"/>), or null for a built-in scenario.</summary>
    [JsonIgnore]
    public string? SourceDirectory { get; set; }
}
