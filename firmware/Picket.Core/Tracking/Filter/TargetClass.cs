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

    /// <summary>
    /// An aircraft of unknown type (a non-cooperative target faster than a drone, an SSR-only
    /// target without an ADS-B emitter category): anything from a light aircraft or a
    /// helicopter flying straight to a fast jet in a high-g turn. Meant for the manoeuvre model.
    /// </summary>
    Unknown = 3,
}
