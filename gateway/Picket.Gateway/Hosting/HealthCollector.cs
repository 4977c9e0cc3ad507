using Picket.Gateway.Gpio;
using Picket.Gateway.Health;
using Picket.Gateway.Inputs;
using Picket.Gateway.Outbox;
using Picket.Gateway.Publishing;
using Picket.Gateway.Time;
using Picket.Gateway.Tracking;
using Picket.Gateway.Uplink;
using Picket.Publishing;

namespace Picket.Gateway.Hosting;

/// <summary>
/// Gathers a <see cref="HealthSnapshot"/> from the running parts, and turns it into the core's
/// <see cref="GatewayHealthReport"/> (the in-band GatewayHealth) and the status LED's state.
/// Called on the pipeline thread (the tracker is read there).
/// </summary>
internal sealed class HealthCollector
{
    private readonly string _gatewayId;
    private readonly string _softwareVersion;
    private readonly GatewayClock _clock;
    private readonly LiveInputSet _inputs;
    private readonly IGnssSource? _gnss;
    private readonly SqliteOutbox _outbox;
    private readonly UplinkService? _uplink;
    private readonly TrackingPipeline _pipeline;
    private readonly TrackPublisher _publisher;
    private readonly long _startedTimestamp;
    private readonly TimeProvider _timeProvider;
    private readonly long[] _lastFrames;
    private readonly GatewayHealthReport _report;

    public HealthCollector(string gatewayId, string softwareVersion, GatewayClock clock, LiveInputSet inputs, IGnssSource? gnss, SqliteOutbox outbox, UplinkService? uplink, TrackingPipeline pipeline, TrackPublisher publisher, TimeProvider timeProvider)
    {
        _gatewayId = gatewayId;
        _softwareVersion = softwareVersion;
        _clock = clock;
        _inputs = inputs;
        _gnss = gnss;
        _outbox = outbox;
        _uplink = uplink;
        _pipeline = pipeline;
        _publisher = publisher;
        _timeProvider = timeProvider;
        _startedTimestamp = timeProvider.GetTimestamp();
        _lastFrames = new long[inputs.Inputs.Count];
        _report = new GatewayHealthReport(Math.Max(1, inputs.Inputs.Count));
    }

    /// <summary>Whether the site is configured (else it came from the first good GNSS fix).</summary>
    public bool SiteConfigured { get; init; } = true;

    /// <summary>What a GNSS fix must be.</summary>
    public GnssFixRequirement FixRequirement { get; init; } = GnssFixRequirement.Default;

    /// <summary>How far a good fix may lie from a configured site before it is reported.</summary>
    public int MaxSiteDisagreementMetres { get; init; } = 100;

    public HealthSnapshot Collect(double periodSeconds)
    {
        var now = _clock.UtcNowUnixMicroseconds;
        var inputs = _inputs.Snapshot();
        var sources = new SourceStatus[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            sources[i] = new SourceStatus
            {
                Name = input.Name,
                Kind = _inputs.Inputs[i].Spec.Format.ToString().ToLowerInvariant(),
                Connected = input.Connected,
                FramesTotal = input.Frames,
                ErrorsTotal = input.DecodeErrors,
                ReconnectsTotal = input.Reconnects,
                DroppedTotal = input.BytesDropped,
                DisconnectedSecondsTotal = input.DisconnectedMicroseconds / 1e6,
                FramesPerSecond = periodSeconds > 0 ? (input.Frames - _lastFrames[i]) / periodSeconds : 0,
                LastFrameUnixMicroseconds = input.LastFrameUnixMicroseconds > 0 ? input.LastFrameUnixMicroseconds : null,
            };
            _lastFrames[i] = input.Frames;
        }

        var trackerReport = default(TrackerHealthReport);
        TrackerHealthReader.Read(_pipeline.Tracker, ref trackerReport);
        var counters = _pipeline.Tracker.Counters;
        var oldest = _outbox.OldestCreatedUnixMicroseconds;
        return new HealthSnapshot
        {
            GatewayId = _gatewayId,
            SoftwareVersion = _softwareVersion,
            TimeUnixMicroseconds = now,
            UptimeSeconds = (long)_timeProvider.GetElapsedTime(_startedTimestamp).TotalSeconds,
            ClockState = _clock.State switch { ClockState.Gnss => "gnss", ClockState.NtpSynchronized => "ntp", _ => "unsynchronised" },
            ClockTrusted = _clock.IsTrustworthy,
            Sources = sources,
            Outbox = new OutboxStatus
            {
                Depth = _outbox.Depth,
                Bytes = _outbox.Bytes,
                OldestAgeSeconds = oldest is { } created ? Math.Max(0, (now - created) / 1e6) : 0,
                DroppedTotal = _outbox.DroppedTotal,
                StorageErrorsTotal = _outbox.StorageErrorsTotal,
                StorageFailing = _outbox.StorageFailing,
            },
            Uplink = _uplink is null
                ? new UplinkStatus { Configured = false, Connected = false, AckedSequence = _outbox.AcknowledgedThrough, ReconnectsTotal = 0, BatchesSentTotal = 0, BytesSentTotal = 0, RejectedTotal = 0 }
                : new UplinkStatus
                {
                    Configured = true,
                    Connected = _uplink.Counters.Connected,
                    AckedSequence = _uplink.Counters.AckedSequence,
                    ReconnectsTotal = _uplink.Counters.Reconnects,
                    BatchesSentTotal = _uplink.Counters.BatchesSent,
                    BytesSentTotal = _uplink.Counters.BytesSent,
                    RejectedTotal = _uplink.Counters.Rejects,
                    LastAckUnixMicroseconds = _uplink.Counters.LastAckUnixMicroseconds > 0 ? _uplink.Counters.LastAckUnixMicroseconds : null,
                    LastError = _uplink.Counters.LastError,
                },
            Tracker = new TrackerStatus
            {
                LiveTracks = (int)trackerReport.LiveTracks,
                TracksStartedTotal = counters.TracksStarted,
                TracksConfirmedTotal = counters.TracksConfirmed,
                RadarPlotsTotal = counters.RadarPlots,
                ModeSObservationsTotal = counters.ModeSObservations,
                LateMeasurementsTotal = counters.LateMeasurements,
                SaturationsTotal = counters.Saturations,
                AlertsTotal = counters.Alerts,
                UpdatesPublishedTotal = _publisher.ReportsPublished,
            },
            Position = PositionReport.Describe(_pipeline.Site, SiteConfigured, _gnss, FixRequirement, MaxSiteDisagreementMetres),
            CpuTemperatureCelsius = CpuTemperature.Read(),
        };
    }

    /// <summary>The in-band health message's content, in the core's types.</summary>
    public GatewayHealthReport ToCoreReport(HealthSnapshot snapshot)
    {
        var report = _report;
        report.GatewayId = snapshot.GatewayId;
        report.SoftwareVersion = snapshot.SoftwareVersion;
        report.UptimeSeconds = snapshot.UptimeSeconds;
        report.TimeUnixMicroseconds = snapshot.TimeUnixMicroseconds;
        report.TimeSync = _clock.State switch { ClockState.Gnss => ClockSyncState.Gnss, ClockState.NtpSynchronized => ClockSyncState.Ntp, _ => ClockSyncState.Unsynchronised };
        var site = _pipeline.Site;
        report.FixType = SiteConfigured ? GatewayFixType.Surveyed : GatewayFixType.ThreeDimensional;
        report.HasPosition = true;
        report.LatitudeE7 = site.LatitudeE7;
        report.LongitudeE7 = site.LongitudeE7;
        report.HasHeight = true;
        report.HeightMillimetres = site.HeightMillimetres;
        if (_gnss?.Snapshot() is { } gnss && gnss.Fix != GnssFixQuality.None && gnss.ReceiverUnixMicroseconds != 0)
        {
            report.HasClockOffset = true;
            report.ClockOffsetMicroseconds = -gnss.ReceiverMinusClockMicroseconds;
        }
        else
        {
            report.HasClockOffset = false;
        }

        report.SourceCount = Math.Min(snapshot.Sources.Count, report.Sources.Length);
        for (var i = 0; i < report.SourceCount; i++)
        {
            var source = snapshot.Sources[i];
            report.Sources[i] = new SourceHealthReport
            {
                Name = source.Name,
                Kind = source.Kind,
                Connected = source.Connected,
                MessageRateMilliHertz = (uint)Math.Clamp(source.FramesPerSecond * 1000, 0, uint.MaxValue),
                MessagesTotal = source.FramesTotal,
                ErrorsTotal = source.ErrorsTotal,
                HasLastMessage = source.LastFrameUnixMicroseconds is not null,
                LastMessageUnixMicroseconds = source.LastFrameUnixMicroseconds ?? 0,
                ReconnectsTotal = source.ReconnectsTotal,
                DroppedTotal = source.DroppedTotal,
                DisconnectedMicrosecondsTotal = (long)(source.DisconnectedSecondsTotal * 1e6),
            };
        }

        report.OutboxDepth = (uint)Math.Min(snapshot.Outbox.Depth, uint.MaxValue);
        report.OutboxBytes = snapshot.Outbox.Bytes;
        report.OutboxDroppedTotal = snapshot.Outbox.DroppedTotal;
        report.OutboxOldestAgeSeconds = (uint)Math.Min(snapshot.Outbox.OldestAgeSeconds, uint.MaxValue);
        report.HasCpuTemperature = snapshot.CpuTemperatureCelsius is not null;
        report.CpuTemperatureMilliCelsius = (int)Math.Round((snapshot.CpuTemperatureCelsius ?? 0) * 1000);
        TrackerHealthReader.Read(_pipeline.Tracker, ref report.Tracker);
        return report;
    }

    /// <summary>The worst condition present now, for the status LED (never a past one: the error totals are history).</summary>
    public static LedState LedStateOf(HealthSnapshot snapshot)
    {
        if (snapshot.Outbox.StorageFailing)
        {
            return LedState.Fault;
        }

        if (snapshot.Sources.Count > 0 && snapshot.Sources.All(s => !s.Connected || s.FramesPerSecond == 0))
        {
            return LedState.NoInput;
        }

        if (!snapshot.ClockTrusted)
        {
            return LedState.ClockUntrusted;
        }

        return snapshot.Uplink.Configured && !snapshot.Uplink.Connected ? LedState.Storing : LedState.Healthy;
    }
}
