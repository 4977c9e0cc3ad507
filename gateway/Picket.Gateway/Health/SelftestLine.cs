namespace Picket.Gateway.Health;

/// <summary>One check of a <see cref="SelftestReport"/>.</summary>
public sealed record SelftestLine
{
    /// <summary>What was checked, e.g. <c>input beast:tcp:127.0.0.1:30005</c>.</summary>
    public required string Check { get; init; }

    /// <summary><c>PASS</c>, <c>FAIL</c> or <c>SKIP</c>.</summary>
    public required string Status { get; init; }

    /// <summary>What was found; for a failure, why.</summary>
    public required string Detail { get; init; }
}
