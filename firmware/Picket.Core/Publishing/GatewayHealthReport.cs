using System;

namespace Picket.Publishing;

/// <summary>
/// One periodic health report of a gateway in wire units, as <c>picket.v1.GatewayHealth</c>
/// (<c>proto/picket/v1/health.proto</c>). The producer fills it in place and reuses it: the source
/// array is allocated once, in the constructor. Optional values carry a <c>Has…</c> flag because
/// nanoFramework has no <c>Nullable&lt;T&gt;</c>.
/// </summary>
public sealed class GatewayHealthReport
{
    /// <summary>Creates a report with room for <paramref name="sourceCapacity"/> inputs.</summary>
    /// <param name="sourceCapacity">The most inputs the gateway reports, 0 or more.</param>
    public GatewayHealthReport(int sourceCapacity)
    {
        if (sourceCapacity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceCapacity));
        }

        Sources = new SourceHealthReport[sourceCapacity];
    }

    /// <summary>Gateway id; null or empty leaves it out.</summary>
    public string GatewayId;

    /// <summary>Software version, e.g. "0.1.0".</summary>
    public string SoftwareVersion;

    /// <summary>Seconds since the gateway process started.</summary>
    public long UptimeSeconds;

    /// <summary>When the report was made, UTC microseconds since the Unix epoch.</summary>
    public long TimeUnixMicroseconds;

    /// <summary>Quality of the gateway's position.</summary>
    public GatewayFixType FixType;

    /// <summary>True when <see cref="LatitudeE7"/> and <see cref="LongitudeE7"/> are known.</summary>
    public bool HasPosition;

    /// <summary>Gateway latitude, 1e-7 degree units, -900,000,000 to 900,000,000.</summary>
    public int LatitudeE7;

    /// <summary>Gateway longitude, 1e-7 degree units, -1,800,000,000 to 1,800,000,000.</summary>
    public int LongitudeE7;

    /// <summary>True when <see cref="HeightMillimetres"/> is known.</summary>
    public bool HasHeight;

    /// <summary>Gateway height above the WGS84 ellipsoid, millimetres.</summary>
    public int HeightMillimetres;

    /// <summary>How the clock is disciplined.</summary>
    public ClockSyncState TimeSync;

    /// <summary>The inputs' counters; the first <see cref="SourceCount"/> entries are reported.</summary>
    public readonly SourceHealthReport[] Sources;

    /// <summary>How many entries of <see cref="Sources"/> are reported, 0 to its length.</summary>
    public int SourceCount;

    /// <summary>Batches waiting in the outbox for an ack.</summary>
    public uint OutboxDepth;

    /// <summary>Batches dropped from the full outbox since start.</summary>
    public long OutboxDroppedTotal;

    /// <summary>Age of the oldest batch in the outbox, seconds; 0 when it is empty.</summary>
    public uint OutboxOldestAgeSeconds;

    /// <summary>Encoded size of the batches in the outbox, bytes.</summary>
    public long OutboxBytes;

    /// <summary>True when <see cref="CpuTemperatureMilliCelsius"/> is known (the board has a sensor).</summary>
    public bool HasCpuTemperature;

    /// <summary>CPU temperature, millidegrees Celsius.</summary>
    public int CpuTemperatureMilliCelsius;

    /// <summary>True when <see cref="ClockOffsetMicroseconds"/> is known (a reference clock was seen).</summary>
    public bool HasClockOffset;

    /// <summary>System clock minus the reference clock (GNSS or NTP), microseconds.</summary>
    public long ClockOffsetMicroseconds;

    /// <summary>The tracker's state and counters.</summary>
    public TrackerHealthReport Tracker;
}
