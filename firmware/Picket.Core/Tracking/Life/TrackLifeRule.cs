namespace Picket.Tracking.Life;

/// <summary>How radar tracks are confirmed and deleted.</summary>
public enum TrackLifeRule
{
    /// <summary>Fixed M-of-N confirmation and a fixed number of misses (the rule before issue 9), kept for comparison.</summary>
    MOfN = 0,

    /// <summary>Sequential log-likelihood-ratio track score (<see cref="TrackScore"/>) with the local clutter density (<see cref="ClutterMap"/>).</summary>
    Score = 1,
}
