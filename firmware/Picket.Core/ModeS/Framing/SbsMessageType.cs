namespace Picket.ModeS.Framing;

/// <summary>The first field of an SBS-1 line.</summary>
public enum SbsMessageType
{
    /// <summary>Not recognised.</summary>
    Unknown = 0,

    /// <summary>MSG: a decoded transmission (types 1-8).</summary>
    Msg = 1,

    /// <summary>SEL: selection change.</summary>
    Sel = 2,

    /// <summary>ID: new identification.</summary>
    Id = 3,

    /// <summary>AIR: new aircraft.</summary>
    Air = 4,

    /// <summary>STA: status change.</summary>
    Sta = 5,

    /// <summary>CLK: clock.</summary>
    Clk = 6,
}
