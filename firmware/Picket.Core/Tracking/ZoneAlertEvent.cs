namespace Picket.Tracking;

/// <summary>
/// What happened between a track and a protected zone. The values are those of
/// <c>picket.v1.ZoneEvent</c> in <c>proto/picket/v1/alert.proto</c>.
/// </summary>
public enum ZoneAlertEvent
{
    /// <summary>The track's own estimate crossed into the zone (after hysteresis).</summary>
    Enter = 1,

    /// <summary>The track's own, freshly updated estimate crossed out of the zone (after hysteresis).</summary>
    Exit = 2,

    /// <summary>
    /// The track ended while inside the zone: the tracker lost it. Never an exit: nothing says
    /// the target left.
    /// </summary>
    Lost = 3,
}
