using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Picket.Gateway.Configuration;
using Picket.Gateway.Gpio;
using Picket.Gateway.Health;
using Picket.Gateway.Inputs;
using Picket.Gateway.Outbox;
using Picket.Gateway.Publishing;
using Picket.Gateway.Time;
using Picket.Gateway.Tracking;
using Picket.Gateway.Uplink;
using Picket.Gateway.Zones;
using Picket.Protobuf;
using Picket.Publishing;
using Picket.Tracking;

namespace Picket.Gateway.Hosting;

/// <summary>
/// The running gateway, wired from its settings: live inputs → one pipeline thread (decoders,
/// tracker, publisher) → the on-disk outbox → the gRPC uplink; health every period into the
/// uplink, the status file and node_exporter's textfile; the status LED; the watchdog heartbeat.
/// <c>picket run</c> hosts it under the Generic Host.
/// </summary>
public sealed partial class GatewayRuntime : IDisposable
{
    /// <summary>How long the inputs may be silent before the tracker's time is moved on by the clock (tracks coast, then drop).</summary>
    private static readonly long IdleAdvanceAfterMicroseconds = 2_000_000;

    private readonly GatewaySettings _settings;
    private readonly string _softwareVersion;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly IGnssSource? _gnss;
    private readonly SqliteOutbox _outbox;
    private readonly long _healthIntervalMicroseconds;
    private readonly Lock _phase = new();
    private readonly long _createdTimestamp;
    private HealthCollector? _health;
    private LiveInputSet? _inputs;
    private TrackPublisher? _publisher;
    private UplinkService? _uplink;
    private ITimer? _waitTimer;
    private string? _waitReason;
    private bool _started;
    private bool _stopped;
    private bool _disagreementLogged;
    private long _lastChunkUnixMicroseconds;
    private long _nextHealthUnixMicroseconds;
    private Task? _uplinkTask;
    private CancellationTokenSource? _uplinkStop;

    private GatewayRuntime(GatewaySettings settings, string softwareVersion, ILoggerFactory loggerFactory, TimeProvider timeProvider, GatewayClock clock)
    {
        _settings = settings;
        _softwareVersion = softwareVersion;
        _loggerFactory = loggerFactory;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<GatewayRuntime>();
        Clock = clock;
        _outbox = SqliteOutbox.Open(
            new OutboxOptions { Path = settings.OutboxPath, CommitInterval = settings.OutboxCommitInterval, MaxBytes = settings.OutboxMaxBytes, MaxAge = settings.OutboxMaxAge },
            timeProvider,
            loggerFactory.CreateLogger<SqliteOutbox>());
        if (settings.GnssInput is not null)
        {
            _gnss = GnssSources.Create(settings.GnssInput, clock);
        }

        _healthIntervalMicroseconds = (long)(settings.HealthInterval.TotalMilliseconds * 1000);
        _createdTimestamp = timeProvider.GetTimestamp();
        if (settings.Site is { } site)
        {
            Build(site);
        }
    }

    /// <summary>The gateway clock.</summary>
    public GatewayClock Clock { get; }

    /// <summary>The tracking pipeline (runs on the pipeline thread only); null while a GNSS-only site waits for its fix.</summary>
    public TrackingPipeline? Pipeline { get; private set; }

    /// <summary>The mast's site in use: the configured one, or from the first good GNSS fix; null while waiting for it.</summary>
    public GeoSite? Site => Pipeline?.Site;

    /// <summary>The pipeline's heartbeat (the systemd watchdog's food).</summary>
    public PipelineProgress Progress { get; } = new();

    /// <summary>The latest health snapshot, or null before the first.</summary>
    public HealthSnapshot? LatestHealth { get; private set; }

    /// <summary>The status LED's state, from the latest health (<see cref="LedState.NoInput"/> while a GNSS-only site waits: no input runs).</summary>
    public LedState LedState { get; private set; } = LedState.ClockUntrusted;

    /// <summary>
    /// Builds the runtime. With no configured site (<c>Site:*</c>), <see cref="Start"/> waits for a
    /// GNSS fix that meets <see cref="GatewaySettings.GnssFixRequirement"/> and places the mast
    /// there before the inputs and the tracker start; health says so while it waits.
    /// </summary>
    /// <param name="settings">The validated settings.</param>
    /// <param name="softwareVersion">Reported in the hello and health.</param>
    /// <param name="loggerFactory">Logs.</param>
    /// <param name="timeProvider">The clock for timers.</param>
    /// <param name="clock">The gateway clock (null: the system's, with the kernel's NTP state).</param>
    /// <returns>The runtime, not yet started.</returns>
    public static GatewayRuntime Create(GatewaySettings settings, string softwareVersion, ILoggerFactory loggerFactory, TimeProvider timeProvider, GatewayClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (settings.Site is null && settings.GnssInput is null)
        {
            throw new GatewayConfigurationException("Site: the mast's position is required (Site:Latitude, Site:Longitude, Site:HeightMetres) unless Gnss:Input gives it");
        }

        clock ??= settings.TrustSystemClock ? new GatewayClock(TimeProvider.System, new TrustedSystemClockProbe()) : new GatewayClock();
        return new GatewayRuntime(settings, softwareVersion, loggerFactory, timeProvider, clock);
    }

    /// <summary>Starts the GNSS source, then (at once, or once a GNSS-only site has its fix) the inputs and the uplink.</summary>
    public void Start()
    {
        _gnss?.StartReading();
        lock (_phase)
        {
            if (Pipeline is not null)
            {
                StartPipelineLocked();
                return;
            }

            // A GNSS-only site: wait for a good fix, feeding the watchdog (the process is working) and writing health meanwhile.
            _nextHealthUnixMicroseconds = Clock.UtcNowUnixMicroseconds;
            _waitTimer = _timeProvider.CreateTimer(_ => WaitForFix(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Stops the inputs (the pipeline finishes what is queued and closes its batch), commits the outbox, stops the uplink.</summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async Task StopAsync()
    {
        bool started;
        lock (_phase)
        {
            _stopped = true;
            _waitTimer?.Dispose();
            _waitTimer = null;
            started = _started;
        }

        _inputs?.Stop();
        _gnss?.StopReading();
        if (started)
        {
            // The pipeline thread has ended: its publisher may be used here.
            _publisher!.Flush();
        }

        _outbox.Flush();
        if (_uplinkStop is not null && _uplinkTask is not null)
        {
            // Let the uplink send what was just committed, briefly.
            await Task.WhenAny(_uplinkTask, Task.Delay(TimeSpan.FromSeconds(2), _timeProvider)).ConfigureAwait(false);
            await _uplinkStop.CancelAsync().ConfigureAwait(false);
            try
            {
                await _uplinkTask.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        WriteHealth();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_phase)
        {
            _stopped = true;
            _waitTimer?.Dispose();
        }

        _inputs?.Dispose();
        _gnss?.Dispose();
        _uplinkStop?.Dispose();
        _outbox.Dispose();
    }

    /// <summary>The uplink options from the settings: server, credentials, the serialized hello (also used by the self-test).</summary>
    internal static UplinkOptions UplinkOptionsFor(GatewaySettings settings, string softwareVersion, GeoSite? site)
    {
        var buffer = new byte[1024];
        var length = site is null
            ? HelloEncoder.EncodeWithoutSite(new ProtoWriter(buffer), buffer, 0, settings.GatewayId, softwareVersion, settings.SiteName)
            : HelloEncoder.Encode(new ProtoWriter(buffer), buffer, 0, settings.GatewayId, softwareVersion, site.LatitudeE7, site.LongitudeE7, true, site.HeightMillimetres, settings.SiteName);
        X509Certificate2? certificate = settings.UplinkCertificatePath is null
            ? null
            : X509Certificate2.CreateFromPemFile(settings.UplinkCertificatePath, settings.UplinkKeyPath);
        X509Certificate2? root = settings.UplinkCaPath is null ? null : X509CertificateLoader.LoadCertificateFromFile(settings.UplinkCaPath);
        return new UplinkOptions
        {
            ServerAddress = settings.UplinkAddress!,
            Hello = buffer.AsSpan(0, length).ToArray(),
            BearerToken = settings.UplinkToken,
            ClientCertificate = certificate,
            TrustedServerRoot = root,
            AckTimeout = settings.UplinkAckTimeout,
            KeepAlivePingDelay = settings.UplinkKeepAlive,
        };
    }

    /// <summary>The pipeline thread's tick: at least every 250 ms, and after each burst of input.</summary>
    private void OnTick()
    {
        Progress.Advance();
        var now = Clock.UtcNowUnixMicroseconds;
        if (now - _lastChunkUnixMicroseconds > IdleAdvanceAfterMicroseconds)
        {
            // The sky (or the receiver) is silent: time still passes for the tracks.
            Pipeline!.Tracker.AdvanceTo(now - IdleAdvanceAfterMicroseconds);
        }

        _publisher!.Tick(now);
        if (now >= _nextHealthUnixMicroseconds)
        {
            _nextHealthUnixMicroseconds = now + _healthIntervalMicroseconds;
            var snapshot = WriteHealth();
            _publisher.AddHealth(_health!.ToCoreReport(snapshot));
        }
    }

    // The parts that need the mast's site: zones on its plane, the tracker, the publisher, the
    // inputs feeding them, the uplink (its hello carries the site) and health.
    private void Build(GeoSite site)
    {
        var zones = _settings.ZonesPath is null ? [] : GeoJsonZoneReader.ReadFile(_settings.ZonesPath, site);
        _publisher = new TrackPublisher(_settings.GatewayId, _outbox, _settings.TrackInterval, _settings.BatchInterval, _settings.MaxBatchBytes, _settings.PublishTentative);
        var configuration = new TrackerConfiguration { FirstTrackId = TrackIdEpoch.WaitForFirstTrackId(Clock, Thread.Sleep) };
        var pipeline = new TrackingPipeline(site, _settings.RadarSite, zones, configuration, _publisher);
        _inputs = new LiveInputSet(_settings.Inputs.Select(InputSpec.Parse).ToArray(), pipeline, Clock)
        {
            Tick = OnTick,
            ChunkProcessed = _ => _lastChunkUnixMicroseconds = Clock.UtcNowUnixMicroseconds,
        };
        if (_settings.UplinkAddress is not null)
        {
            _uplink = new UplinkService(_outbox, UplinkOptionsFor(_settings, _softwareVersion, site), () => Clock.IsTrustworthy, _timeProvider, _loggerFactory.CreateLogger<UplinkService>());
        }

        _health = new HealthCollector(_settings.GatewayId, _softwareVersion, Clock, _inputs, _gnss, _outbox, _uplink, pipeline, _publisher, _timeProvider)
        {
            SiteConfigured = _settings.Site is not null,
            FixRequirement = _settings.GnssFixRequirement,
            MaxSiteDisagreementMetres = _settings.MaxSiteDisagreementMetres,
        };
        Pipeline = pipeline;
    }

    private void StartPipelineLocked()
    {
        _started = true;
        _nextHealthUnixMicroseconds = Clock.UtcNowUnixMicroseconds + _healthIntervalMicroseconds;
        _inputs!.Start();
        if (_uplink is not null)
        {
            _uplinkStop = new CancellationTokenSource();
            _uplinkTask = Task.Run(() => _uplink.RunAsync(_uplinkStop.Token));
        }

        var uplink = _settings.UplinkAddress?.ToString() ?? "none (store only)";
        LogStarted(_logger, _settings.GatewayId, _settings.Inputs.Count, uplink);
    }

    // A GNSS-only site's wait (timer thread, every 250 ms): place the mast at the first fix good enough.
    private void WaitForFix()
    {
        lock (_phase)
        {
            if (_stopped || Pipeline is not null)
            {
                return;
            }

            Progress.Advance();
            var fix = _gnss!.Snapshot();
            if (!_settings.GnssFixRequirement.IsMet(fix, out var reason))
            {
                if (reason != _waitReason)
                {
                    _waitReason = reason;
                    LogWaitingForFix(_logger, _gnss.Name, reason!);
                }

                var now = Clock.UtcNowUnixMicroseconds;
                if (now >= _nextHealthUnixMicroseconds)
                {
                    _nextHealthUnixMicroseconds = now + _healthIntervalMicroseconds;
                    WriteHealth();
                }

                return;
            }

            var site = PositionReport.SiteOf(fix);
            LogPlacedByGnss(_logger, site.LatitudeDegrees, site.LongitudeDegrees, site.HeightMetres, fix.HorizontalErrorMillimetres / 1000.0, fix.Dimensions);
            _waitTimer?.Dispose();
            _waitTimer = null;
            try
            {
                Build(site);
            }
            catch (Exception e) when (e is ZoneFileException or IOException or UnauthorizedAccessException)
            {
                // Zones are checked against the site, so only now: say why and stop feeding the
                // watchdog (systemd restarts the service, and the log says what to fix).
                LogStartFailed(_logger, e.Message);
                return;
            }

            StartPipelineLocked();
        }
    }

    private HealthSnapshot WriteHealth()
    {
        var snapshot = (_health is null ? WaitingSnapshot() : _health.Collect(_healthIntervalMicroseconds / 1e6)) with { Selftest = LastSelftest };
        if (snapshot.Position is { Disagrees: true, DisagreementMetres: { } metres } && !_disagreementLogged)
        {
            _disagreementLogged = true;
            LogSiteDisagrees(_logger, metres, _settings.MaxSiteDisagreementMetres);
        }

        // The files first: whoever sees this snapshot in LatestHealth finds it (or a later one)
        // in the status file too.
        try
        {
            StatusFile.Write(_settings.StatusPath, snapshot);
            if (_settings.PrometheusTextfileDirectory is { } directory)
            {
                PrometheusTextfile.Write(directory, snapshot);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Health files are for people; a read-only /run must not stop the mast.
            LogHealthWriteFailed(_logger, e.Message);
        }

        LatestHealth = snapshot;
        LedState = HealthCollector.LedStateOf(snapshot);
        return snapshot;
    }

    // Health while a GNSS-only site waits: nothing runs but the GNSS source and the outbox.
    private HealthSnapshot WaitingSnapshot()
    {
        var now = Clock.UtcNowUnixMicroseconds;
        var oldest = _outbox.OldestCreatedUnixMicroseconds;
        return new HealthSnapshot
        {
            GatewayId = _settings.GatewayId,
            SoftwareVersion = _softwareVersion,
            TimeUnixMicroseconds = now,
            UptimeSeconds = (long)_timeProvider.GetElapsedTime(_createdTimestamp).TotalSeconds,
            ClockState = Clock.State switch { ClockState.Gnss => "gnss", ClockState.NtpSynchronized => "ntp", _ => "unsynchronised" },
            ClockTrusted = Clock.IsTrustworthy,
            Sources = _settings.Inputs.Select(text => new SourceStatus { Name = text, Kind = InputSpec.Parse(text).Format.ToString().ToLowerInvariant(), Connected = false, FramesTotal = 0, ErrorsTotal = 0, ReconnectsTotal = 0, DroppedTotal = 0, DisconnectedSecondsTotal = 0, FramesPerSecond = 0 }).ToArray(),
            Outbox = new OutboxStatus
            {
                Depth = _outbox.Depth,
                Bytes = _outbox.Bytes,
                OldestAgeSeconds = oldest is { } created ? Math.Max(0, (now - created) / 1e6) : 0,
                DroppedTotal = _outbox.DroppedTotal,
                StorageErrorsTotal = _outbox.StorageErrorsTotal,
                StorageFailing = _outbox.StorageFailing,
            },
            Uplink = new UplinkStatus { Configured = _settings.UplinkAddress is not null, Connected = false, AckedSequence = _outbox.AcknowledgedThrough, ReconnectsTotal = 0, BatchesSentTotal = 0, BytesSentTotal = 0, RejectedTotal = 0 },
            Tracker = new TrackerStatus { LiveTracks = 0, TracksStartedTotal = 0, TracksConfirmedTotal = 0, RadarPlotsTotal = 0, ModeSObservationsTotal = 0, LateMeasurementsTotal = 0, SaturationsTotal = 0, AlertsTotal = 0, UpdatesPublishedTotal = 0 },
            Position = PositionReport.Describe(null, configured: false, _gnss, _settings.GnssFixRequirement, _settings.MaxSiteDisagreementMetres),
            CpuTemperatureCelsius = CpuTemperature.Read(),
        };
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start at the GNSS position: {Reason}")]
    private static partial void LogStartFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No configured site: waiting for a GNSS fix from {Source} good enough to place the mast before the tracker starts: {Reason}")]
    private static partial void LogWaitingForFix(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mast placed by GNSS at {Latitude:F7}, {Longitude:F7}, {Height:F1} m (horizontal error {Error:F1} m, {Dimensions}-D fix); starting the inputs and the tracker")]
    private static partial void LogPlacedByGnss(ILogger logger, double latitude, double longitude, double height, double error, int dimensions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The configured site and a good GNSS fix are {Metres:F0} m apart (more than Gnss:MaxSiteDisagreementMetres {Max} m); the configured site is used")]
    private static partial void LogSiteDisagrees(ILogger logger, double metres, int max);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway {GatewayId} started: {Inputs} inputs, uplink {Uplink}")]
    private static partial void LogStarted(ILogger logger, string gatewayId, int inputs, string uplink);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the health files: {Reason}")]
    private static partial void LogHealthWriteFailed(ILogger logger, string reason);
}
