namespace Picket.Gateway.Health;

internal static class HealthSnapshots
{
    public static HealthSnapshot Sample(long timeUnixMicroseconds) => new()
    {
        GatewayId = "mast-17",
        SoftwareVersion = "1.2.3 \"test\"",
        TimeUnixMicroseconds = timeUnixMicroseconds,
        UptimeSeconds = 3_725,
        ClockState = "gnss",
        ClockTrusted = true,
        CpuTemperatureCelsius = 51.625,
        Sources =
        [
            new SourceStatus { Name = "beast:serial:/dev/ttyUSB0:3000000:rtscts", Kind = "beast", Connected = true, FramesTotal = 123_456, ErrorsTotal = 7, ReconnectsTotal = 2, DroppedTotal = 0, DisconnectedSecondsTotal = 3.5, FramesPerSecond = 812.25, LastFrameUnixMicroseconds = timeUnixMicroseconds },
            new SourceStatus { Name = "asterix:udp:0.0.0.0:8600", Kind = "asterix", Connected = false, FramesTotal = 900, ErrorsTotal = 0, ReconnectsTotal = 0, DroppedTotal = 4, DisconnectedSecondsTotal = 0, FramesPerSecond = 0 },
        ],
        Outbox = new OutboxStatus { Depth = 12, Bytes = 40_960, OldestAgeSeconds = 12.5, DroppedTotal = 0, StorageErrorsTotal = 0 },
        Uplink = new UplinkStatus { Configured = true, Connected = true, AckedSequence = 18_446_744_073_709_551_000, ReconnectsTotal = 3, BatchesSentTotal = 4_000, BytesSentTotal = 9_000_000, RejectedTotal = 1, LastAckUnixMicroseconds = timeUnixMicroseconds },
        Tracker = new TrackerStatus { LiveTracks = 42, TracksStartedTotal = 300, TracksConfirmedTotal = 120, RadarPlotsTotal = 50_000, ModeSObservationsTotal = 100_000, LateMeasurementsTotal = 5, SaturationsTotal = 0, AlertsTotal = 6, UpdatesPublishedTotal = 77_000 },
    };
}
