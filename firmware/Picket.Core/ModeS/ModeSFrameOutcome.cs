namespace Picket.ModeS;

/// <summary>What <see cref="ModeSPipeline.Process"/> did with a frame.</summary>
public enum ModeSFrameOutcome
{
    /// <summary>Decoded with trusted parity: the message is usable.</summary>
    Decoded = 0,

    /// <summary>A Mode A/C reply: not decoded here (its code depends on the interrogation mode).</summary>
    ModeAC = 1,

    /// <summary>The frame length does not match its downlink format.</summary>
    RejectedLength = 2,

    /// <summary>DF11/17/18 with a parity error that could not be corrected.</summary>
    RejectedCrc = 3,

    /// <summary>An address/parity reply whose address was not heard in DF11/17/18 recently (likely noise).</summary>
    RejectedUnknownAddress = 4,

    /// <summary>A downlink format without parity rules (DF19, DF22, unassigned).</summary>
    RejectedUnsupportedFormat = 5,
}
