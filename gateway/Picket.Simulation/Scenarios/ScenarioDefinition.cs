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

    /// <summary>Seed of every random draw (noise, detection, clutter, loss): the run's seed (a tuning seed unless overridden).</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Seeds the tracker may be tuned on; <see cref="Seed"/> alone when the file names none.</summary>
    public IList<int> TuningSeeds { get; set; } = [];

    /// <summary>Seeds kept apart from tuning: results are asserted on these only. Disjoint from <see cref="TuningSeeds"/>.</summary>
    public IList<int> HeldOutSeeds { get; set; } = [];

    /// <summary>The mast: receiver antenna and, unless the radar says otherwise, the radar.</summary>
    public PositionDefinition Site { get; set; } = new();

    /// <summary>The radar, or null for an ADS-B-only mast.</summary>
    public RadarDefinition? Radar { get; set; }

    /// <summary>The ADS-B/Mode S receiver, or null for a radar-only mast.</summary>
    public AdsbDefinition? Adsb { get; set; }

    /// <summary>Scripted targets.</summary>
    public IList<TargetDefinition> Targets { get; set; } = [];

    /// <summary>Random civil traffic added to the scripted targets, or null.</summary>
    public TrafficDefinition? RandomTraffic { get; set; }

    /// <summary>
    /// Deviation of the day's temperature from the ISA, kelvin: barometric altitude differs from
    /// geometric height by this over 288.15 K (warm: aircraft fly higher than their pressure altitude).
    /// </summary>
    public double TemperatureDeviationC { get; set; }

    /// <summary>Sea-level pressure (QNH), hPa: away from 1013.25 the pressure altitude scale is offset by about 8.23 m (27 ft) per hPa.</summary>
    public double QnhHpa { get; set; } = 1013.25;

    /// <summary>Protected zones as a GeoJSON FeatureCollection file name beside the scenario, or null.</summary>
    public string? Zones { get; set; }

    /// <summary>Folder of the scenario file (for <see cref="Zones"/>), or null for a built-in scenario.</summary>
    [JsonIgnore]
    public string? SourceDirectory { get; set; }
}
