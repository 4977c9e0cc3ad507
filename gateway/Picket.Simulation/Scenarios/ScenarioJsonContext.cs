using System.Text.Json.Serialization;

namespace Picket.Simulation.Scenarios;

/// <summary>
/// Source-generated JSON metadata for scenario files (the naming and strictness are
/// <see cref="ScenarioLoader"/>'s options). Collections with a default are settable, not
/// init-only: generated code would overwrite an init-only default with null when the key is absent.
/// </summary>
[JsonSerializable(typeof(ScenarioDefinition))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
