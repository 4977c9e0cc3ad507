namespace Picket.Asterix;

/// <summary>I048/020 TYP (bits 8/6): what detected the target.</summary>
public enum TargetReportType
{
    /// <summary>0: no detection.</summary>
    NoDetection = 0,

    /// <summary>1: single PSR detection.</summary>
    Psr = 1,

    /// <summary>2: single SSR detection.</summary>
    Ssr = 2,

    /// <summary>3: SSR + PSR detection.</summary>
    SsrPsr = 3,

    /// <summary>4: single Mode S all-call.</summary>
    ModeSAllCall = 4,

    /// <summary>5: single Mode S roll-call.</summary>
    ModeSRollCall = 5,

    /// <summary>6: Mode S all-call + PSR.</summary>
    ModeSAllCallPsr = 6,

    /// <summary>7: Mode S roll-call + PSR.</summary>
    ModeSRollCallPsr = 7,
}
