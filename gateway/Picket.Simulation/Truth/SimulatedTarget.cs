using Picket.Simulation.Geodesy;
using Picket.Simulation.Scenarios;

namespace Picket.Simulation.Truth;

/// <summary>A target of a running simulation: its definition resolved to numbers.</summary>
public sealed class SimulatedTarget
{
    /// <summary>Index in the simulation's target list; the truth id.</summary>
    public required int Index { get; init; }

    /// <summary>Name from the scenario.</summary>
    public required string Name { get; init; }

    /// <summary>Kind of aircraft.</summary>
    public required TargetClass Class { get; init; }

    /// <summary>24-bit ICAO address, or 0 without Mode S.</summary>
    public int Icao { get; init; }

    /// <summary>Callsign, or null.</summary>
    public string? Callsign { get; init; }

    /// <summary>Mode 3/A code (12-bit value), or -1 when none.</summary>
    public int Squawk { get; init; } = -1;

    /// <summary>Replies to interrogations.</summary>
    public bool Transponder { get; init; }

    /// <summary>When the transponder (and ADS-B) switches on, microseconds after the start; silent before.</summary>
    public long TransponderOnMicroseconds { get; init; }

    /// <summary>Broadcasts ADS-B.</summary>
    public bool Adsb { get; init; }

    /// <summary>True when the target identifies itself (the ground truth of "cooperative").</summary>
    public bool Cooperative => Transponder;

    /// <summary>Appearance time, microseconds after the scenario start.</summary>
    public required long AppearMicroseconds { get; init; }

    /// <summary>Disappearance time, microseconds after the scenario start.</summary>
    public required long DisappearMicroseconds { get; init; }

    /// <summary>Position at appearance.</summary>
    public required GeoPosition Start { get; init; }

    /// <summary>Ground speed at appearance, metres per second.</summary>
    public required double SpeedMetresPerSecond { get; init; }

    /// <summary>Track at appearance, degrees from true north.</summary>
    public required double HeadingDegrees { get; init; }

    /// <summary>Flight legs.</summary>
    public required IReadOnlyList<LegDefinition> Legs { get; init; }
}
