namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>A fact that runs only with <c>PICKET_FULL_COMPARISON=1</c> (the full table takes many minutes).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FullComparisonFactAttribute : FactAttribute
{
    public FullComparisonFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PICKET_FULL_COMPARISON") != "1")
        {
            Skip = "the full comparison runs by hand: PICKET_FULL_COMPARISON=1 dotnet test tests/Picket.Gateway.Tests -c Release --filter TrackerComparison";
        }
    }
}
