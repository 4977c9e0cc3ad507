namespace Picket.Tracking.Measurements;

/// <summary>What <see cref="AdsbPositionGate"/> makes of an ADS-B position for an established track.</summary>
public enum AdsbGateDecision
{
    /// <summary>Inside the gate: update the track.</summary>
    Accept = 0,

    /// <summary>An outlier: drop it (counted).</summary>
    Reject = 1,

    /// <summary>Outside the gate once too often in a row: the aircraft really is there, restart the track at it.</summary>
    Restart = 2,
}
