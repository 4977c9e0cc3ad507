using System.Device.Gpio;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Picket.Gateway.Configuration;
using Picket.Gateway.Gpio;
using Picket.Gateway.Selftest;

namespace Picket.Gateway.Hosting;

/// <summary>
/// The gateway under the Generic Host: starts the <see cref="GatewayRuntime"/>, drives the status
/// LED from its health and answers the service button, and stops it cleanly (the outbox committed)
/// when the host stops (SIGTERM from systemd, Ctrl+C). A long press of the service button runs
/// the selftest in the running gateway (<see cref="GatewayRuntime.RunSelftestAsync"/>): the LED
/// shows <see cref="LedState.Selftest"/> while it runs, then <see cref="LedState.SelftestPassed"/>
/// or <see cref="LedState.SelftestFailed"/> for <see cref="SelftestResultShown"/>; every line goes
/// to the log and the report to the status file (<c>picket status</c>).
/// </summary>
public sealed partial class GatewayService : IHostedService, IDisposable
{
    private readonly GatewaySettings _settings;
    private readonly GatewayRuntime _runtime;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GatewayService> _logger;
    private readonly Func<GpioController> _gpioFactory;
    private readonly Lock _selftestGate = new();
    private GpioController? _gpio;
    private StatusLed? _led;
    private ServiceButton? _button;
    private ITimer? _ledTimer;
    private string? _gpioError;
    private Task? _selftest;
    private LedState _selftestShown;
    private long _selftestShownUntil;

    /// <summary>How long the selftest's result stays on the LED.</summary>
    public static readonly TimeSpan SelftestResultShown = TimeSpan.FromSeconds(10);

    /// <summary>Creates the service.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="runtime">The runtime.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The log.</param>
    /// <param name="gpioFactory">Opens the GPIO controller (null: the board's, <c>new GpioController()</c>; tests pass a fake driver's).</param>
    public GatewayService(GatewaySettings settings, GatewayRuntime runtime, TimeProvider timeProvider, ILogger<GatewayService> logger, Func<GpioController>? gpioFactory = null)
    {
        _settings = settings;
        _runtime = runtime;
        _timeProvider = timeProvider;
        _logger = logger;
        _gpioFactory = gpioFactory ?? (() => new GpioController());
    }

    /// <summary>How long the long-press selftest waits for inputs, GNSS and the server (as <c>picket selftest --timeout</c>).</summary>
    public TimeSpan SelftestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>What the LED shows now, or null without one.</summary>
    public LedState? LedShown => _led?.State;

    /// <summary>The selftest started by the last long press, while it runs or after (null before the first).</summary>
    public Task? Selftest
    {
        get
        {
            lock (_selftestGate)
            {
                return _selftest;
            }
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_settings.Gpio is { } gpio && (gpio.StatusLedPin >= 0 || gpio.ServiceButtonPin >= 0))
        {
            try
            {
                _gpio = _gpioFactory();
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
                _gpioError = e.Message;
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
        lock (_selftestGate)
        {
            if (_selftest is { IsCompleted: false })
            {
                return; // One at a time: a second press while it runs changes nothing.
            }

            _selftestShown = LedState.Selftest;
            _selftestShownUntil = long.MaxValue;
            if (_led is not null)
            {
                _led.State = LedState.Selftest;
            }

            LogSelftestStarted(_logger, SelftestTimeout.TotalSeconds);
            _selftest = Task.Run(RunSelftestAsync);
        }
    }

    private async Task RunSelftestAsync()
    {
        IReadOnlyList<SelftestResult> results;
        try
        {
            results = await _runtime.RunSelftestAsync(CheckGpio(), SelftestTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            results = [SelftestResult.Fail("selftest", e.Message)];
        }

        var report = _runtime.RecordSelftest(results, "service button");
        foreach (var line in report.Results)
        {
            LogSelftestLine(_logger, line.Status, line.Check, line.Detail);
        }

        var failures = 0;
        foreach (var result in results)
        {
            failures += result.Status == SelftestStatus.Fail ? 1 : 0;
        }

        LogSelftestDone(_logger, report.Passed ? "PASSED" : "FAILED", failures);
        lock (_selftestGate)
        {
            _selftestShown = report.Passed ? LedState.SelftestPassed : LedState.SelftestFailed;
            _selftestShownUntil = _timeProvider.GetTimestamp() + (long)(SelftestResultShown.TotalSeconds * _timeProvider.TimestampFrequency);
            if (_led is not null)
            {
                _led.State = _selftestShown;
            }
        }
    }

    // The pins are this process's: the check is that they opened (picket selftest opens them itself).
    private SelftestResult CheckGpio()
    {
        if (_settings.Gpio is not { } gpio || (gpio.StatusLedPin < 0 && gpio.ServiceButtonPin < 0))
        {
            return SelftestResult.Skip("gpio", "no Gpio pins configured");
        }

        var check = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"gpio chip {gpio.Chip}");
        if (_gpioError is not null)
        {
            return SelftestResult.Fail(check, "unavailable: " + _gpioError);
        }

        var pins = new List<string>();
        if (_led is not null)
        {
            pins.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"status LED pin {gpio.StatusLedPin} (output)"));
        }

        if (_button is not null)
        {
            pins.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"service button pin {gpio.ServiceButtonPin} (input, pull-up)"));
        }

        return SelftestResult.Pass(check, string.Join(", ", pins) + " open in the running gateway");
    }

    private void UpdateLed()
    {
        if (_led is null)
        {
            return;
        }

        lock (_selftestGate)
        {
            _led.State = _timeProvider.GetTimestamp() < _selftestShownUntil ? _selftestShown : _runtime.LedState;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GPIO unavailable, running without status LED and service button: {Reason}")]
    private static partial void LogGpioUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Service button: selftest started (inputs, GNSS and server given {Seconds} s)")]
    private static partial void LogSelftestStarted(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Selftest {Status} {Check}: {Detail}")]
    private static partial void LogSelftestLine(ILogger logger, string status, string check, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Selftest {Result} ({Failures} failed)")]
    private static partial void LogSelftestDone(ILogger logger, string result, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway stopped; the outbox is committed")]
    private static partial void LogStopped(ILogger logger);
}
