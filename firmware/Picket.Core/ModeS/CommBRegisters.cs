using System;

namespace Picket.ModeS;

/// <summary>
/// Comm-B registers (BDS codes) a DF20/21 MB field is consistent with. The register is not
/// announced in the reply (the ground interrogator asked for it), so a passive receiver infers it.
/// </summary>
[Flags]
public enum CommBRegisters
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>BDS 1,0 data link capability.</summary>
    Bds10 = 1,

    /// <summary>BDS 1,7 common usage GICB capability.</summary>
    Bds17 = 2,

    /// <summary>BDS 2,0 aircraft identification.</summary>
    Bds20 = 4,

    /// <summary>BDS 3,0 ACAS active resolution advisory.</summary>
    Bds30 = 8,

    /// <summary>BDS 4,0 selected vertical intention.</summary>
    Bds40 = 16,

    /// <summary>BDS 4,4 meteorological routine air report.</summary>
    Bds44 = 32,

    /// <summary>BDS 4,5 meteorological hazard report.</summary>
    Bds45 = 64,

    /// <summary>BDS 5,0 track and turn report.</summary>
    Bds50 = 128,

    /// <summary>BDS 6,0 heading and speed report.</summary>
    Bds60 = 256,
}
