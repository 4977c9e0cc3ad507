namespace Picket.Gateway.Health;

/// <summary>The last selftest the running gateway ran (the service button's long press), as the status file keeps it.</summary>
public sealed record SelftestReport
{
    /// <summary>When it finished, UTC microseconds.</summary>
    public required long TimeUnixMicroseconds { get; init; }

    /// <summary>What started it, e.g. <c>service button</c>.</summary>
    public required string Trigger { get; init; }

    /// <summary>True when no check failed.</summary>
    public required bool Passed { get; init; }

    /// <summary>One line per check, in the order of <c>picket selftest</c>'s table.</summary>
    public required IReadOnlyList<SelftestLine> Results { get; init; }
}
