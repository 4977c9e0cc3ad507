using System;

namespace Picket.Asterix;

/// <summary>The one-bit fields of I048/020 (first octet and first extension).</summary>
[Flags]
public enum TargetReportIndicators
{
    /// <summary>No flag set.</summary>
    None = 0,

    /// <summary>SIM (bit 5): simulated target report.</summary>
    Simulated = 1,

    /// <summary>RDP (bit 4): report from RDP chain 2.</summary>
    RdpChain2 = 2,

    /// <summary>SPI (bit 3): special position identification.</summary>
    Spi = 4,

    /// <summary>RAB (bit 2): report from a field monitor (fixed transponder).</summary>
    FieldMonitor = 8,

    /// <summary>Extension TST (bit 8): test target report.</summary>
    Test = 16,

    /// <summary>Extension ERR (bit 7): extended range present (the range is in RE/ERR).</summary>
    ExtendedRange = 32,

    /// <summary>Extension XPP (bit 6): X-pulse present.</summary>
    XPulse = 64,

    /// <summary>Extension ME (bit 5): military emergency.</summary>
    MilitaryEmergency = 128,

    /// <summary>Extension MI (bit 4): military identification.</summary>
    MilitaryIdentification = 256,
}
