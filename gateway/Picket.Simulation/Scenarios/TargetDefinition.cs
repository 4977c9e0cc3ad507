using System.Text.Json.Serialization;

namespace Picket.Simulation.Scenarios;

/// <summary>One scripted target: where it starts, how it flies, and what it says about itself.</summary>
public sealed class TargetDefinition
{
    /// <summary>Name in reports, e.g. <c>bandit-1</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Kind of aircraft.</summary>
    public TargetClass Class { get; set; } = TargetClass.Airliner;

    /// <summary>24-bit ICAO address as 6 hex digits, or null without a Mode S transponder.</summary>
    public string? Icao { get; set; }

    /// <summary>Flight identification, up to 8 characters.</summary>
    public string? Callsign { get; set; }

    /// <summary>Mode 3/A code as 4 octal digits, e.g. <c>7700</c>.</summary>
    public string? Squawk { get; set; }

    /// <summary>True when the transponder is on (it replies to SSR/Mode S interrogations).</summary>
    public bool Transponder { get; set; }

    /// <summary>True when it broadcasts ADS-B extended squitter (needs a transponder and an ICAO address).</summary>
    public bool Adsb { get; set; }

    /// <summary>When it appears, seconds after the scenario start.</summary>
    public double AppearS { get; set; }

    /// <summary>When it disappears (lands, leaves), seconds after the start; the scenario end when null.</summary>
    public double? DisappearS { get; set; }

    /// <summary>Where it is when it appears.</summary>
    public PositionDefinition Start { get; set; } = new();

    /// <summary>Ground speed when it appears, metres per second.</summary>
    [JsonPropertyName("speed_m_s")]
    public double SpeedMS { get; set; }

    /// <summary>Track over ground when it appears, degrees clockwise from true north.</summary>
    public double HeadingDeg { get; set; }

    /// <summary>When its transponder (and ADS-B) switches on, seconds after the start; silent before. 0: on from the start.</summary>
    public double TransponderOnS { get; set; }

    /// <summary>NACp this target's ADS-B announces, or null for the receiver's default (<see cref="AdsbDefinition.NacP"/>).</summary>
    public int? NacP { get; set; }

    /// <summary>Flight legs in order; after the last one it flies straight and level.</summary>
    public IList<LegDefinition> Legs { get; set; } = [];
}
