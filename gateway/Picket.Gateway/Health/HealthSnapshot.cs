namespace Picket.Gateway.Health;

/// <summary>
/// The gateway's state at one moment, gathered from its parts: what goes in-band to the server
/// (GatewayHealth), into node_exporter's textfile and into the status file <c>picket status</c>
/// reads.
/// </summary>
public sealed record HealthSnapshot
{
    /// <summary>The gateway's id.</summary>
    public required string GatewayId { get; init; }

    /// <summary>The software version.</summary>
    public required string SoftwareVersion { get; init; }

    /// <summary>When the snapshot was taken, UTC microseconds.</summary>
    public required long TimeUnixMicroseconds { get; init; }

    /// <summary>Seconds since the gateway started.</summary>
    public required long UptimeSeconds { get; init; }

    /// <summary>The clock's state: <c>unsynchronised</c>, <c>ntp</c>, <c>gnss</c>.</summary>
    public required string ClockState { get; init; }

    /// <summary>Whether the clock is trusted (the uplink runs only then).</summary>
    public required bool ClockTrusted { get; init; }

    /// <summary>The inputs.</summary>
    public required IReadOnlyList<SourceStatus> Sources { get; init; }

    /// <summary>The outbox.</summary>
    public required OutboxStatus Outbox { get; init; }

    /// <summary>The uplink.</summary>
    public required UplinkStatus Uplink { get; init; }

    /// <summary>The tracker.</summary>
    public required TrackerStatus Tracker { get; init; }

    /// <summary>The last selftest run in this gateway (service button), or null when none has run.</summary>
    public SelftestReport? Selftest { get; init; }

    /// <summary>The mast's position and its GNSS source; null in status files of older versions.</summary>
    public PositionStatus? Position { get; init; }

    /// <summary>The SoC temperature in °C, when the board reports it.</summary>
    public double? CpuTemperatureCelsius { get; init; }
}
