namespace Picket.Publishing;

/// <summary>
/// One input's counters in wire units, as <c>picket.v1.SourceHealth</c>
/// (<c>proto/picket/v1/health.proto</c>). Totals count from the gateway's start.
/// </summary>
public struct SourceHealthReport
{
    /// <summary>Configured name of the input, e.g. "adsb0"; null or empty when unnamed.</summary>
    public string Name;

    /// <summary>Kind of input, e.g. "beast-serial", "asterix-udp".</summary>
    public string Kind;

    /// <summary>True when the input is open and delivering bytes.</summary>
    public bool Connected;

    /// <summary>Messages per second over the last reporting period, times 1000.</summary>
    public uint MessageRateMilliHertz;

    /// <summary>Messages decoded, 0 or more.</summary>
    public long MessagesTotal;

    /// <summary>Frames rejected (bad CRC, bad framing, undecodable), 0 or more.</summary>
    public long ErrorsTotal;

    /// <summary>True when <see cref="LastMessageUnixMicroseconds"/> is known (a message has arrived).</summary>
    public bool HasLastMessage;

    /// <summary>Time of the latest message, UTC microseconds since the Unix epoch.</summary>
    public long LastMessageUnixMicroseconds;

    /// <summary>Times the input was reopened or reconnected after it was lost, 0 or more.</summary>
    public long ReconnectsTotal;

    /// <summary>Frames or bytes lost before decoding (overrun, full queue), 0 or more.</summary>
    public long DroppedTotal;

    /// <summary>Total time the device was gone, microseconds, 0 or more.</summary>
    public long DisconnectedMicrosecondsTotal;
}
