namespace Picket.Gateway.Inputs;

/// <summary>
/// The wait before the next attempt to open a device or connect: doubling from
/// <see cref="Initial"/> to at most <see cref="Maximum"/>, back to the start after a success, so
/// a device that returns is read again at most <see cref="Maximum"/> later.
/// </summary>
public sealed class ReconnectBackoff
{
    /// <summary>Creates the backoff.</summary>
    /// <param name="initial">The first wait.</param>
    /// <param name="maximum">The cap.</param>
    public ReconnectBackoff(TimeSpan initial, TimeSpan maximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, initial);
        Initial = initial;
        Maximum = maximum;
        Next = initial;
    }

    /// <summary>The default for inputs: 0.25 s doubling to 2 s.</summary>
    public static ReconnectBackoff CreateDefault() => new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));

    /// <summary>The first wait.</summary>
    public TimeSpan Initial { get; }

    /// <summary>The cap.</summary>
    public TimeSpan Maximum { get; }

    /// <summary>The wait before the next attempt.</summary>
    public TimeSpan Next { get; private set; }

    /// <summary>Returns the wait for this failure and doubles the next (up to the cap).</summary>
    /// <returns>How long to wait.</returns>
    public TimeSpan Fail()
    {
        var wait = Next;
        Next = Next + Next > Maximum ? Maximum : Next + Next;
        return wait;
    }

    /// <summary>A connection succeeded: the next failure waits <see cref="Initial"/> again.</summary>
    public void Succeed() => Next = Initial;
}
