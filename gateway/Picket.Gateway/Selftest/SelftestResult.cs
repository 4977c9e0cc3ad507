namespace Picket.Gateway.Selftest;

/// <summary>One line of the self-test's table.</summary>
/// <param name="Check">What was checked, e.g. <c>input beast:tcp:127.0.0.1:30005</c>.</param>
/// <param name="Status">Pass, fail or skip.</param>
/// <param name="Detail">What was found; for a failure, why.</param>
public sealed record SelftestResult(string Check, SelftestStatus Status, string Detail)
{
    /// <summary>A passed check.</summary>
    public static SelftestResult Pass(string check, string detail) => new(check, SelftestStatus.Pass, detail);

    /// <summary>A failed check.</summary>
    public static SelftestResult Fail(string check, string detail) => new(check, SelftestStatus.Fail, detail);

    /// <summary>A check skipped because it is not configured.</summary>
    public static SelftestResult Skip(string check, string detail) => new(check, SelftestStatus.Skip, detail);
}
