using System.Text.Json.Serialization;
using Picket.Simulation.Evaluation;

namespace Picket.Cli.Verbs.Track;

/// <summary>Source-generated JSON for the scorecard (<c>--report</c>): no reflection, so it works NativeAOT-compiled.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(EvaluationReport))]
internal sealed partial class EvaluationReportJsonContext : JsonSerializerContext;
