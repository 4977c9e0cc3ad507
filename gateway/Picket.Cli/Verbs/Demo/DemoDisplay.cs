using System.Globalization;
using Picket.Contract.V1;
using Spectre.Console;

namespace Picket.Cli.Verbs.Demo;

/// <summary>
/// What the demo shows while it runs, on stderr: on a terminal a live Spectre.Console table
/// (tracks with identity, cooperative or not, position, altitude, speed; the latest alerts);
/// otherwise plain lines (each alert as it happens, a one-line summary every 10 s).
/// </summary>
internal sealed class DemoDisplay
{
    private const int AlertsShown = 8;
    private readonly DemoFeed _feed;
    private readonly TextWriter _error;
    private readonly bool _terminal;
    private readonly List<string> _alertLines = [];
    private DateTimeOffset? _playedStart;
    private DateTimeOffset _wallStart;
    private double _speed;
    private double _durationSeconds;

    /// <summary>Creates the display.</summary>
    /// <param name="feed">What to show.</param>
    /// <param name="error">Where plain lines go.</param>
    /// <param name="terminal">True for the live table (stderr is a terminal).</param>
    public DemoDisplay(DemoFeed feed, TextWriter error, bool terminal)
    {
        _feed = feed;
        _error = error;
        _terminal = terminal;
        feed.AlertReceived += OnAlert;
    }

    /// <summary>Sets the played clock once sim has started it.</summary>
    /// <param name="playedStart">The played clock at scenario time 0.</param>
    /// <param name="wallStart">When (wall clock) scenario time 0 was played.</param>
    /// <param name="speed">Scenario seconds per wall second.</param>
    /// <param name="durationSeconds">Scenario time played.</param>
    public void Started(DateTimeOffset playedStart, DateTimeOffset wallStart, double speed, double durationSeconds)
    {
        _durationSeconds = durationSeconds;
        _wallStart = wallStart;
        _playedStart = playedStart;
        _speed = speed;
    }

    /// <summary>One line for an alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="identity">The track's identity as shown.</param>
    /// <param name="playedStart">The played clock at scenario time 0, if known.</param>
    /// <returns>The line.</returns>
    public static string Describe(Alert alert, string identity, DateTimeOffset? playedStart)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var scenario = playedStart is { } start ? string.Create(CultureInfo.InvariantCulture, $"T+{(alert.TimeUnixUs - ToUnixMicroseconds(start)) / 1e6,6:F1} s") : "";
        var what = alert.Event switch { ZoneEvent.Enter => "ENTER", ZoneEvent.Exit => "EXIT ", ZoneEvent.Lost => "LOST ", _ => "?    " };
        var who = alert.Cooperative ? "cooperative" : "NON-COOPERATIVE";
        var duration = alert.HasDurationUs ? string.Create(CultureInfo.InvariantCulture, $" after {alert.DurationUs / 1e6:F0} s inside") : "";
        return string.Create(CultureInfo.InvariantCulture, $"ALERT {scenario} {what} {alert.ZoneName}: track {alert.TrackId}, {who} ({identity}){duration}");
    }

    /// <summary>The microseconds since 1970 of <paramref name="time"/>.</summary>
    /// <param name="time">A time.</param>
    /// <returns>Microseconds.</returns>
    public static long ToUnixMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>Shows the feed until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Stops the display.</param>
    /// <returns>When stopped.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_terminal)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await console.Live(Render()).AutoClear(false).StartAsync(async context =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    context.UpdateTarget(Render());
                    try
                    {
                        await Task.Delay(500, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                context.UpdateTarget(Render());
            }).ConfigureAwait(false);
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(10_000, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var tracks = _feed.Tracks();
            await _error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Clock()}: {tracks.Count} live tracks ({tracks.Count(t => !t.Cooperative)} non-cooperative), {_feed.UpdateCount} updates and {_feed.Alerts().Count} alerts received")).ConfigureAwait(false);
        }
    }

    private string Clock()
    {
        if (_playedStart is null)
        {
            return "waiting for the gateway";
        }

        var scenario = (DateTimeOffset.UtcNow - _wallStart).TotalSeconds * _speed;
        return scenario >= _durationSeconds
            ? string.Create(CultureInfo.InvariantCulture, $"scenario played ({_durationSeconds:F0} s); the gateway's last batches going up")
            : string.Create(CultureInfo.InvariantCulture, $"scenario T+{Math.Max(scenario, 0):F0} s of {_durationSeconds:F0} s");
    }

    private void OnAlert(Alert alert, string identity)
    {
        var line = Describe(alert, identity, _playedStart);
        if (_terminal)
        {
            lock (_alertLines)
            {
                _alertLines.Add(line);
            }
        }
        else
        {
            lock (_error)
            {
                _error.WriteLine(line);
            }
        }
    }

    private Rows Render()
    {
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("Track");
        table.AddColumn("Identity");
        table.AddColumn("Kind");
        table.AddColumn("Status");
        table.AddColumn(new TableColumn("Latitude").RightAligned());
        table.AddColumn(new TableColumn("Longitude").RightAligned());
        table.AddColumn(new TableColumn("Alt ft").RightAligned());
        table.AddColumn(new TableColumn("Speed kt").RightAligned());
        var tracks = _feed.Tracks();
        foreach (var track in tracks.Take(Math.Max(Console.WindowHeight - 18, 8)))
        {
            var kind = track.Cooperative ? "[green]cooperative[/]" : "[bold red]NON-COOP[/]";
            table.AddRow(
                (track.Alerted ? "[bold yellow]! [/]" : "") + track.TrackId.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(track.Identity),
                kind,
                track.Status,
                track.LatitudeDegrees.ToString("F4", CultureInfo.InvariantCulture),
                track.LongitudeDegrees.ToString("F4", CultureInfo.InvariantCulture),
                track.AltitudeFeet is { } feet ? feet.ToString("F0", CultureInfo.InvariantCulture) : "-",
                track.SpeedKnots.ToString("F0", CultureInfo.InvariantCulture));
        }

        table.Caption(string.Create(CultureInfo.InvariantCulture, $"{Clock()} · {tracks.Count} live tracks · {_feed.UpdateCount} updates · {_feed.Alerts().Count} alerts"));
        List<string> alerts;
        lock (_alertLines)
        {
            alerts = _alertLines.TakeLast(AlertsShown).ToList();
        }

        var alertText = alerts.Count == 0
            ? "[grey]no alerts yet[/]"
            : string.Join('\n', alerts.Select(a => a.Contains("NON-COOPERATIVE", StringComparison.Ordinal) ? $"[bold red]{Markup.Escape(a)}[/]" : Markup.Escape(a)));
        return new Rows(table, new Panel(new Markup(alertText)).Header("Alerts").Expand());
    }
}
