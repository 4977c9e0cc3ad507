using System.Text.Json.Serialization;

namespace Picket.Simulation.Scenarios;

/// <summary>Source-generated JSON metadata for scenario files (the naming and strictness are <see cref="ScenarioLoader"/>'s options).</summary>
[JsonSerializable(typeof(ScenarioDefinition))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
