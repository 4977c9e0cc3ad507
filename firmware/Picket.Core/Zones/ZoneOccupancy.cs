namespace Picket.Zones;

/// <summary>
/// One track's state against one zone, owned by the caller (one per track and zone) and
/// advanced by <see cref="ZoneHysteresis"/>. A zeroed value is "outside, no history".
/// </summary>
public struct ZoneOccupancy
{
    /// <summary>True between an <see cref="ZoneTransition.Enter"/> and the next <see cref="ZoneTransition.Exit"/>.</summary>
    public bool Inside;

    /// <summary>Consecutive samples so far that argue for changing state.</summary>
    public int ConsecutiveSamples;

    /// <summary>Time the current stay was declared (the enter alert's time), microseconds.</summary>
    public long EnteredMicroseconds;
}
