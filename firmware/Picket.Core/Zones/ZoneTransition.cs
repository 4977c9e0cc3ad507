namespace Picket.Zones;

/// <summary>What one position sample did to a track's occupancy of a zone.</summary>
public enum ZoneTransition
{
    /// <summary>No change.</summary>
    None = 0,

    /// <summary>The track is now inside (raise an <c>enter</c> alert).</summary>
    Enter = 1,

    /// <summary>The track has left (raise an <c>exit</c> alert with the duration).</summary>
    Exit = 2,
}
