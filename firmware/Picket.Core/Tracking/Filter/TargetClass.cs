namespace Picket.Tracking.Filter;

/// <summary>The kind of target a track is believed to be; selects its process noise.</summary>
public enum TargetClass
{
    /// <summary>Transport aircraft: gentle turns (≤ 3°/s), small accelerations.</summary>
    Airliner = 0,

    /// <summary>Fast jet: high-g turns and abrupt speed changes.</summary>
    Fighter = 1,

    /// <summary>Small unmanned aircraft: slow but able to stop and turn sharply.</summary>
    Drone = 2,
}
