using System.Text.Json.Serialization;

namespace Picket.Gateway.Health;

/// <summary>Source-generated JSON for the status file (AOT-safe).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HealthSnapshot))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
