using System.Text.Json.Serialization;

namespace Picket.Cli.Verbs.Demo;

/// <summary>Source-generated JSON for the demo's generated appsettings.json (trimming and NativeAOT safe).</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, object>[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
