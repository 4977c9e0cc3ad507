namespace Picket.Gateway.Health;

/// <summary>One input's counters.</summary>
public sealed record SourceStatus
{
    /// <summary>The input as configured, e.g. <c>beast:serial:/dev/ttyUSB0:3000000:rtscts</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The format: beast, avr, sbs, asterix, nmea.</summary>
    public required string Kind { get; init; }

    /// <summary>Whether the device or connection is open now.</summary>
    public required bool Connected { get; init; }

    /// <summary>Frames decoded since start.</summary>
    public required long FramesTotal { get; init; }

    /// <summary>Bytes or frames that could not be decoded.</summary>
    public required long ErrorsTotal { get; init; }

    /// <summary>Times the device or connection was reopened.</summary>
    public required long ReconnectsTotal { get; init; }

    /// <summary>Chunks or frames dropped (the pipeline was behind).</summary>
    public required long DroppedTotal { get; init; }

    /// <summary>Seconds the input was disconnected in total.</summary>
    public required double DisconnectedSecondsTotal { get; init; }

    /// <summary>Frames per second over the last health period.</summary>
    public required double FramesPerSecond { get; init; }

    /// <summary>When the last frame arrived, UTC microseconds, or null.</summary>
    public long? LastFrameUnixMicroseconds { get; init; }
}
