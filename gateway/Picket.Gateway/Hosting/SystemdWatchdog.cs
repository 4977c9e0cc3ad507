using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace Picket.Gateway.Hosting;

/// <summary>
/// Feeds systemd's watchdog (<c>WatchdogSec=</c> in the unit, announced as <c>WATCHDOG_USEC</c>)
/// with <c>WATCHDOG=1</c> every half period, but only while <see cref="PipelineProgress"/> moves:
/// a wedged pipeline stops the pings and systemd restarts the service, where a timer that pinged
/// regardless would keep a dead gateway "running".
/// </summary>
public sealed partial class SystemdWatchdog : BackgroundService
{
    private static readonly ServiceState Watchdog = new("WATCHDOG=1");
    private readonly ISystemdNotifier _notifier;
    private readonly PipelineProgress _progress;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan? _period;
    private readonly ILogger<SystemdWatchdog> _logger;

    /// <summary>Creates the watchdog feeder.</summary>
    /// <param name="notifier">systemd's notification socket.</param>
    /// <param name="progress">The pipeline's heartbeat.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The log.</param>
    /// <param name="period">The watchdog period, or null to read <c>WATCHDOG_USEC</c>.</param>
    public SystemdWatchdog(ISystemdNotifier notifier, PipelineProgress progress, TimeProvider timeProvider, ILogger<SystemdWatchdog> logger, TimeSpan? period = null)
    {
        _notifier = notifier;
        _progress = progress;
        _timeProvider = timeProvider;
        _logger = logger;
        _period = period ?? PeriodFromEnvironment();
    }

    /// <summary>Pings sent so far.</summary>
    public long Pings { get; private set; }

    /// <summary>Checks skipped because the pipeline had not moved.</summary>
    public long Stalls { get; private set; }

    /// <summary>The watchdog period from <c>WATCHDOG_USEC</c>, or null when systemd set none.</summary>
    /// <returns>The period.</returns>
    public static TimeSpan? PeriodFromEnvironment() =>
        long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), out var microseconds) && microseconds > 0
            ? TimeSpan.FromMicroseconds(microseconds)
            : null;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_period is not { } period || !_notifier.IsEnabled)
        {
            return;
        }

        var last = long.MinValue;
        using var timer = new PeriodicTimer(period / 2, _timeProvider);
        try
        {
            do
            {
                var turns = _progress.Turns;
                if (turns != last)
                {
                    last = turns;
                    _notifier.Notify(Watchdog);
                    Pings++;
                }
                else
                {
                    Stalls++;
                    LogStalled(_logger, period.TotalSeconds / 2);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pipeline made no progress for {Seconds} s; the systemd watchdog is not fed")]
    private static partial void LogStalled(ILogger logger, double seconds);
}
