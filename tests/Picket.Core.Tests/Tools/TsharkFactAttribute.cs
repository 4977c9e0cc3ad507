namespace Picket.Tools;

/// <summary>A fact that runs only where tshark is installed, and says why it skipped otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class TsharkFactAttribute : FactAttribute
{
    public TsharkFactAttribute()
    {
        if (!Tshark.IsAvailable)
        {
            Skip = Tshark.MissingMessage;
        }
    }
}
