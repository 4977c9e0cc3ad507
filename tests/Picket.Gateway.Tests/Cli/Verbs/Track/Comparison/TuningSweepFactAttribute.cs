namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>A fact that runs only with <c>PICKET_SWEEP=1</c> set (a tuning tool, not a check).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class TuningSweepFactAttribute : FactAttribute
{
    public TuningSweepFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PICKET_SWEEP") != "1")
        {
            Skip = "a tuning tool: PICKET_SWEEP=1 [PICKET_SWEEP_SCENARIOS=NAME,...] dotnet test tests/Picket.Gateway.Tests -c Release --filter TuningSweep";
        }
    }
}
