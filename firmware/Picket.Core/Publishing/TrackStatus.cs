namespace Picket.Publishing;

/// <summary>Life-cycle state of a track; the values are those of <c>picket.v1.TrackStatus</c>.</summary>
public enum TrackStatus
{
    /// <summary>Not set; never published.</summary>
    Unspecified = 0,

    /// <summary>Started, not yet confirmed (M-of-N).</summary>
    Tentative = 1,

    /// <summary>Confirmed and updated on the latest opportunity.</summary>
    Confirmed = 2,

    /// <summary>Confirmed but extrapolated over missed updates.</summary>
    Coasting = 3,

    /// <summary>Ended; the track's last update.</summary>
    Dropped = 4,
}
