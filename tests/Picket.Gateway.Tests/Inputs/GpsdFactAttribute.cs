namespace Picket.Gateway.Inputs;

/// <summary>A fact that runs only where gpsd and socat are installed, and says why it skipped otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class GpsdFactAttribute : FactAttribute
{
    public GpsdFactAttribute()
    {
        if (!GpsdProcess.IsAvailable)
        {
            Skip = GpsdProcess.MissingMessage + " (or socat is missing)";
        }
    }
}
