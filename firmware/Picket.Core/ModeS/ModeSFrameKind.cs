namespace Picket.ModeS;

/// <summary>The kinds of frame a receiver delivers (Beast message types '1' to '3').</summary>
public enum ModeSFrameKind
{
    /// <summary>No frame.</summary>
    None = 0,

    /// <summary>Mode A/C reply, 2 bytes.</summary>
    ModeAC = 1,

    /// <summary>Mode S short frame, 56 bits.</summary>
    ModeSShort = 2,

    /// <summary>Mode S long frame, 112 bits.</summary>
    ModeSLong = 3,
}
