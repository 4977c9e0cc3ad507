namespace Picket.Gateway.Inputs;

/// <summary>A fact that runs only where socat is installed, and says why it skipped otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SocatFactAttribute : FactAttribute
{
    public SocatFactAttribute()
    {
        if (!SocatLink.IsAvailable)
        {
            Skip = SocatLink.MissingMessage;
        }
    }
}
