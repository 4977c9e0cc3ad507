namespace Picket.ModeS.Cpr;

/// <summary>What <see cref="AircraftPositionTable.Update"/> made of a message.</summary>
public enum PositionStatus
{
    /// <summary>The message carries no position (or no address).</summary>
    NoPosition = 0,

    /// <summary>A plausible position, confirmed by an earlier one: use it.</summary>
    Confirmed = 1,

    /// <summary>A first position from a global pair, held until a second decode agrees with it (no track from a single pair).</summary>
    Unconfirmed = 2,

    /// <summary>No partner frame of the other format within the pair age limit, and no recent reference for local decoding.</summary>
    AwaitingPair = 3,

    /// <summary>The pair's two latitudes fall in different NL zones: the aircraft crossed a zone boundary between the frames.</summary>
    RejectedZoneMismatch = 4,

    /// <summary>The position is beyond the receiver's maximum range.</summary>
    RejectedRange = 5,

    /// <summary>The position implies a speed above the limit from the previous position.</summary>
    RejectedSpeed = 6,

    /// <summary>A surface position without a receiver position or recent reference to resolve its quadrant.</summary>
    NeedsReference = 7,
}
