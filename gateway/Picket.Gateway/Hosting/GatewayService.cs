using System.Device.Gpio;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Picket.Gateway.Configuration;
using Picket.Gateway.Gpio;

namespace Picket.Gateway.Hosting;

/// <summary>
/// The gateway under the Generic Host: starts the <see cref="GatewayRuntime"/>, drives the status
/// LED from its health and answers the service button, and stops it cleanly (the outbox committed)
/// when the host stops (SIGTERM from systemd, Ctrl+C).
/// </summary>
public sealed partial class GatewayService : IHostedService, IDisposable
{
    private readonly GatewaySettings _settings;
    private readonly GatewayRuntime _runtime;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GatewayService> _logger;
    private GpioController? _gpio;
    private StatusLed? _led;
    private ServiceButton? _button;
    private ITimer? _ledTimer;
    private long _selftestUntil;

    /// <summary>Creates the service.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="runtime">The runtime.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The log.</param>
    public GatewayService(GatewaySettings settings, GatewayRuntime runtime, TimeProvider timeProvider, ILogger<GatewayService> logger)
    {
        _settings = settings;
        _runtime = runtime;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_settings.Gpio is { } gpio && (gpio.StatusLedPin >= 0 || gpio.ServiceButtonPin >= 0))
        {
            try
            {
                _gpio = new GpioController();
                if (gpio.StatusLedPin >= 0)
                {
                    _led = new StatusLed(_gpio, gpio.StatusLedPin, _timeProvider);
                }

                if (gpio.ServiceButtonPin >= 0)
                {
                    _button = new ServiceButton(_gpio, gpio.ServiceButtonPin, gpio.LongPress, _timeProvider);
                    _button.LongPressed += (_, _) => OnLongPress();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException or InvalidOperationException or ArgumentException)
            {
                // No LED is no reason to stop watching the border.
                LogGpioUnavailable(_logger, e.Message);
            }
        }

        _runtime.Start();
        _ledTimer = _timeProvider.CreateTimer(_ => UpdateLed(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _ledTimer?.Dispose();
        await _runtime.StopAsync().ConfigureAwait(false);
        LogStopped(_logger);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _ledTimer?.Dispose();
        _button?.Dispose();
        _led?.Dispose();
        _gpio?.Dispose();
    }

    private void OnLongPress()
    {
        // The technician's long press: show the selftest pattern for 5 s and log the gateway's state.
        _selftestUntil = _timeProvider.GetTimestamp() + (5 * _timeProvider.TimestampFrequency);
        if (_led is not null)
        {
            _led.State = LedState.Selftest;
        }

        if (_runtime.LatestHealth is { } health)
        {
            var connected = health.Sources.Count(s => s.Connected);
            LogSelftest(_logger, connected, health.Sources.Count, health.ClockTrusted, health.Uplink.Connected, health.Outbox.Depth);
        }
    }

    private void UpdateLed()
    {
        if (_led is not null && _timeProvider.GetTimestamp() > _selftestUntil)
        {
            _led.State = _runtime.LedState;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GPIO unavailable, running without status LED and service button: {Reason}")]
    private static partial void LogGpioUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Service button: {Connected}/{Inputs} inputs connected, clock trusted {ClockTrusted}, uplink connected {Uplink}, {Depth} batches in the outbox")]
    private static partial void LogSelftest(ILogger logger, int connected, int inputs, bool clockTrusted, bool uplink, long depth);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway stopped; the outbox is committed")]
    private static partial void LogStopped(ILogger logger);
}
