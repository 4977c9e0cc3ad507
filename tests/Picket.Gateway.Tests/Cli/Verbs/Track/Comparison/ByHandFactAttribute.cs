namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>
/// A fact run by hand, not by CI: it is skipped unless an environment variable is set (the full
/// comparison takes minutes; the tuning tools print, they check nothing).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ByHandFactAttribute : FactAttribute
{
    /// <summary>Skips the fact unless <paramref name="variable"/> is set to something.</summary>
    /// <param name="variable">The environment variable that runs it.</param>
    /// <param name="usage">How to run it, shown as the skip reason.</param>
    public ByHandFactAttribute(string variable, string usage)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
        {
            Skip = usage;
        }
    }
}
