namespace Picket.Tracking;

/// <summary>A track entering, leaving or lost inside a protected zone, raised by <see cref="Tracker"/>.</summary>
public struct ZoneAlert
{
    /// <summary>When the gateway raised the alert (data time, never back-dated), UTC µs.</summary>
    public long TimeUnixMicroseconds;

    /// <summary>The track.</summary>
    public long TrackId;

    /// <summary>Index of the zone in the tracker's zone list.</summary>
    public int ZoneIndex;

    /// <summary>The zone's name.</summary>
    public string ZoneName;

    /// <summary>Entry, exit, or the track lost inside the zone.</summary>
    public ZoneAlertEvent Event;

    /// <summary>True for an entry.</summary>
    public bool IsEnter => Event == ZoneAlertEvent.Enter;

    /// <summary>True when the target identifies itself.</summary>
    public bool Cooperative;

    /// <summary>True when <see cref="IcaoAddress"/> is known.</summary>
    public bool HasIcaoAddress;

    /// <summary>ICAO 24-bit address.</summary>
    public int IcaoAddress;

    /// <summary>Callsign, or null.</summary>
    public string Callsign;

    /// <summary>True when <see cref="Mode3A"/> is known.</summary>
    public bool HasMode3A;

    /// <summary>Mode 3/A code, 12 bits.</summary>
    public int Mode3A;

    /// <summary>On an exit or a loss, the time since the entry alert, µs; 0 on an entry.</summary>
    public long DurationMicroseconds;
}
