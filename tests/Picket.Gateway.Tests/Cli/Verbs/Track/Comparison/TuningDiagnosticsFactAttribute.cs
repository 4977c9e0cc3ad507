namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>A fact that runs only with <c>PICKET_TUNING_SCENARIO</c> set (a tuning tool, not a check).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class TuningDiagnosticsFactAttribute : FactAttribute
{
    public TuningDiagnosticsFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PICKET_TUNING_SCENARIO")))
        {
            Skip = "a tuning tool: PICKET_TUNING_SCENARIO=NAME [PICKET_TUNING_SEED=N] dotnet test tests/Picket.Gateway.Tests -c Release --filter TuningDiagnostics";
        }
    }
}
