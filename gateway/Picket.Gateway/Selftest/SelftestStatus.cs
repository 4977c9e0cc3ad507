namespace Picket.Gateway.Selftest;

/// <summary>The outcome of one self-test check.</summary>
public enum SelftestStatus
{
    /// <summary>The check passed.</summary>
    Pass,

    /// <summary>The check failed; the detail says why.</summary>
    Fail,

    /// <summary>Not configured, so not checked (does not fail the self-test).</summary>
    Skip,
}
