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
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly HealthCollector _health;
    private readonly LiveInputSet _inputs;
    private readonly GnssReceiver? _gnss;
    private readonly TrackPublisher _publisher;
    private readonly SqliteOutbox _outbox;
    private readonly UplinkService? _uplink;
    private readonly long _healthIntervalMicroseconds;
    private long _lastChunkUnixMicroseconds;
    private long _nextHealthUnixMicroseconds;
    private Task? _uplinkTask;
    private CancellationTokenSource? _uplinkStop;

    private GatewayRuntime(GatewaySettings settings, string softwareVersion, GeoSite site, ILoggerFactory loggerFactory, TimeProvider timeProvider, GatewayClock clock)
    {
        _settings = settings;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<GatewayRuntime>();
        Clock = clock;
        var zones = settings.ZonesPath is null ? [] : GeoJsonZoneReader.ReadFile(settings.ZonesPath, site);
        _outbox = SqliteOutbox.Open(
            new OutboxOptions { Path = settings.OutboxPath, CommitInterval = settings.OutboxCommitInterval, MaxBytes = settings.OutboxMaxBytes, MaxAge = settings.OutboxMaxAge },
            timeProvider,
            loggerFactory.CreateLogger<SqliteOutbox>());
        _publisher = new TrackPublisher(settings.GatewayId, _outbox, settings.TrackInterval, settings.BatchInterval, settings.MaxBatchBytes, settings.PublishTentative);
        // Track ids unique across restarts: the start second × 2^24 (16 M tracks per run before they could meet the next run's).
        var configuration = new TrackerConfiguration { FirstTrackId = (clock.UtcNowUnixMicroseconds / 1_000_000) << 24 };
        Pipeline = new TrackingPipeline(site, settings.RadarSite, zones, configuration, _publisher);
        _inputs = new LiveInputSet(settings.Inputs.Select(InputSpec.Parse).ToArray(), Pipeline, clock)
        {
            Tick = OnTick,
            ChunkProcessed = _ => _lastChunkUnixMicroseconds = Clock.UtcNowUnixMicroseconds,
        };
        if (settings.GnssInput is not null)
        {
            _gnss = new GnssReceiver(InputSpec.Parse(settings.GnssInput), clock);
        }

        if (settings.UplinkAddress is not null)
        {
            _uplink = new UplinkService(_outbox, UplinkOptionsFor(settings, softwareVersion, site), () => Clock.IsTrustworthy, timeProvider, loggerFactory.CreateLogger<UplinkService>());
        }

        _health = new HealthCollector(settings.GatewayId, softwareVersion, clock, _inputs, _gnss, _outbox, _uplink, Pipeline, _publisher, timeProvider);
        _healthIntervalMicroseconds = (long)(settings.HealthInterval.TotalMilliseconds * 1000);
    }

    /// <summary>The gateway clock.</summary>
    public GatewayClock Clock { get; }

    /// <summary>The tracking pipeline (runs on the pipeline thread only).</summary>
    public TrackingPipeline Pipeline { get; }

    /// <summary>The pipeline's heartbeat (the systemd watchdog's food).</summary>
    public PipelineProgress Progress { get; } = new();

    /// <summary>The latest health snapshot, or null before the first.</summary>
    public HealthSnapshot? LatestHealth { get; private set; }

    /// <summary>The status LED's state, from the latest health.</summary>
    public LedState LedState { get; private set; } = LedState.ClockUntrusted;

    /// <summary>Builds the runtime. With no fixed site, waits for the GNSS receiver's first fix.</summary>
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
        var site = settings.Site ?? throw new GatewayConfigurationException("Site: a fixed mast position is required in this version (Site:Latitude, Site:Longitude, Site:HeightMetres); a position from Gnss:Input alone is not supported yet");
        clock ??= settings.TrustSystemClock ? new GatewayClock(TimeProvider.System, new TrustedSystemClockProbe()) : new GatewayClock();
        return new GatewayRuntime(settings, softwareVersion, site, loggerFactory, timeProvider, clock);
    }

    /// <summary>Starts the inputs, the GNSS receiver and the uplink.</summary>
    public void Start()
    {
        _nextHealthUnixMicroseconds = Clock.UtcNowUnixMicroseconds + _healthIntervalMicroseconds;
        _gnss?.Start();
        _inputs.Start();
        if (_uplink is not null)
        {
            _uplinkStop = new CancellationTokenSource();
            _uplinkTask = Task.Run(() => _uplink.RunAsync(_uplinkStop.Token));
        }

        var uplink = _settings.UplinkAddress?.ToString() ?? "none (store only)";
        LogStarted(_logger, _settings.GatewayId, _settings.Inputs.Count, uplink);
    }

    /// <summary>Stops the inputs (the pipeline finishes what is queued and closes its batch), commits the outbox, stops the uplink.</summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async Task StopAsync()
    {
        _inputs.Stop();
        _gnss?.Stop();
        // The pipeline thread has ended: its publisher may be used here.
        _publisher.Flush();
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
        _inputs.Dispose();
        _gnss?.Dispose();
        _uplinkStop?.Dispose();
        _outbox.Dispose();
    }

    /// <summary>The uplink options from the settings: server, credentials, the serialized hello (also used by the self-test).</summary>
    internal static UplinkOptions UplinkOptionsFor(GatewaySettings settings, string softwareVersion, GeoSite site)
    {
        var buffer = new byte[1024];
        var length = HelloEncoder.Encode(new ProtoWriter(buffer), buffer, 0, settings.GatewayId, softwareVersion, site.LatitudeE7, site.LongitudeE7, true, site.HeightMillimetres, settings.SiteName);
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
            Pipeline.Tracker.AdvanceTo(now - IdleAdvanceAfterMicroseconds);
        }

        _publisher.Tick(now);
        if (now >= _nextHealthUnixMicroseconds)
        {
            _nextHealthUnixMicroseconds = now + _healthIntervalMicroseconds;
            var snapshot = WriteHealth();
            _publisher.AddHealth(_health.ToCoreReport(snapshot));
        }
    }

    private HealthSnapshot WriteHealth()
    {
        var snapshot = _health.Collect(_healthIntervalMicroseconds / 1e6);
        LatestHealth = snapshot;
        LedState = HealthCollector.LedStateOf(snapshot);
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

        return snapshot;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway {GatewayId} started: {Inputs} inputs, uplink {Uplink}")]
    private static partial void LogStarted(ILogger logger, string gatewayId, int inputs, string uplink);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the health files: {Reason}")]
    private static partial void LogHealthWriteFailed(ILogger logger, string reason);
}
