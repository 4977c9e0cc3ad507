using System.Globalization;
using Picket.Simulation.Geodesy;
using Picket.Simulation.Playback;
using Picket.Simulation.Scenarios;

namespace Picket.Cli.Verbs.Sim;

/// <summary>
/// <c>picket sim</c>: plays a built-in scenario (or a folder from <c>picket simulate --out</c>) in
/// real time or accelerated as the byte streams a mast's sensors send: Beast and AVR to a serial
/// device or a listening TCP port, ASTERIX to UDP or serial, NMEA to serial. The verb parses the
/// options and wires the parts; the runtime is <see cref="ScenarioPlayer"/> (Picket.Simulation/Playback).
/// </summary>
public sealed class SimVerb : IVerb
{
    private const string DefaultScenario = "gulf-of-finland-incursion";

    /// <inheritdoc />
    public string Name => "sim";

    /// <inheritdoc />
    public string Summary => "play a scenario as live sensor byte streams (Beast, AVR, ASTERIX, NMEA) to serial, TCP or UDP";

    /// <inheritdoc />
    public string Usage =>
        "usage: picket sim [--scenario NAME (default " + DefaultScenario + ") | --recording DIR] --output SPEC [--output SPEC ...] [--speed N] [--seconds N] [--clock now|scenario|ISO8601] [--site LAT,LON,ALT_M] [--wait-for-clients]\n" +
        "       picket sim --list\n" +
        "  SPEC: FORMAT:serial:PATH[:BAUD][:rtscts] | FORMAT:tcp-listen:[HOST:]PORT | FORMAT:udp:ADDRESS:PORT[@INTERFACE], FORMAT beast|avr|asterix|nmea,\n" +
        "        :gps after a beast or avr spec = GNSS (Radarcape) timestamps instead of a 12 MHz counter.\n" +
        "  e.g. --output beast:tcp-listen:30005 --output avr:tcp-listen:30002 --output asterix:udp:239.1.2.3:8600 --output nmea:serial:/dev/pts/7\n" +
        "  Frames leave at scenario time / speed; Ctrl+C stops.";

    /// <inheritdoc />
    public IReadOnlyList<VerbOption> Options { get; } =
    [
        new("list", "", "List the built-in scenarios, one line each", VerbOptionKind.Flag),
        new("scenario", "NAME", "Built-in scenario to play (default " + DefaultScenario + ")", VerbOptionKind.Value),
        new("recording", "DIR", "Folder written by picket simulate --out to play instead", VerbOptionKind.Value),
        new("output", "SPEC", "Where to send a stream (repeatable), e.g. beast:tcp-listen:30005", VerbOptionKind.Repeated),
        new("speed", "N", "Scenario seconds per wall second (default 1: real time)", VerbOptionKind.Value),
        new("seconds", "N", "Scenario time to play, in seconds (default: all of it)", VerbOptionKind.Value),
        new("clock", "now|scenario|ISO8601", "Scenario time 0 on the played clock: now (default, as live sensors stamp), the scenario's own UTC start (the recorded bytes unchanged) or a given UTC time", VerbOptionKind.Value),
        new("site", "LAT,LON,ALT_M", "The mast's position for NMEA when a --recording is not a built-in scenario's", VerbOptionKind.Value),
        new("wait-for-clients", "", "Start the clock once every tcp-listen output has a client (plus one second for the other inputs to open)", VerbOptionKind.Flag),
    ];

    /// <inheritdoc />
    public bool TakesSettings => false;

    /// <inheritdoc />
    public async Task<int> RunAsync(ArgumentList options, VerbConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        if (options.Has("list"))
        {
            options.ThrowIfUnused();
            foreach (var name in ScenarioLoader.BuiltInNames)
            {
                var definition = ScenarioLoader.LoadBuiltIn(name);
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {definition.DurationS / 60:F0} min  {definition.Description}")).ConfigureAwait(false);
            }

            return CommandLine.Success;
        }

        var scenarioName = options.Get("scenario");
        var recording = options.Get("recording");
        var outputTexts = options.GetAll("output");
        var speedText = options.Get("speed");
        var secondsText = options.Get("seconds");
        var clockText = options.Get("clock") ?? "now";
        var siteText = options.Get("site");
        var waitForClients = options.Has("wait-for-clients");
        options.ThrowIfUnused();
        if (scenarioName is not null && recording is not null)
        {
            throw new UsageException("give --scenario NAME or --recording DIR, not both");
        }

        if (outputTexts.Count == 0)
        {
            throw new UsageException("--output SPEC is required (e.g. beast:tcp-listen:30005, asterix:udp:127.0.0.1:8600)");
        }

        var specs = outputTexts.Select(t => PlaybackOutputSpec.TryParse(t, out var spec, out var error) ? spec : throw new UsageException("--output: " + error)).ToList();
        var speed = 1.0;
        if (speedText is not null && (!double.TryParse(speedText, NumberStyles.Float, CultureInfo.InvariantCulture, out speed) || !(speed > 0) || speed > 10_000))
        {
            throw new UsageException($"--speed '{speedText}' is not a number above 0 and at most 10000");
        }

        var duration = long.MaxValue;
        if (secondsText is not null)
        {
            duration = double.TryParse(secondsText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 1e7
                ? (long)Math.Round(seconds * 1e6)
                : throw new UsageException($"--seconds '{secondsText}' is not a positive number of seconds");
        }

        DateTimeOffset? clockStart = null;
        if (clockText is not ("now" or "scenario"))
        {
            clockStart = DateTimeOffset.TryParse(clockText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? parsed
                : throw new UsageException($"--clock '{clockText}' is not now, scenario or an ISO 8601 UTC time");
        }

        GeoPosition? site = siteText is null ? null : ParseSite(siteText);
        PlaybackScript script;
        try
        {
            if (recording is not null)
            {
                script = PlaybackScript.FromFolder(recording, site);
            }
            else
            {
                var definition = ScenarioLoader.LoadBuiltIn(scenarioName ?? DefaultScenario);
                script = PlaybackScript.FromScenario(definition, duration);
            }
        }
        catch (Exception e) when (e is ScenarioException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new InputException(e.Message, e);
        }

        var sinks = new List<PlaybackSink>();
        try
        {
            foreach (var spec in specs)
            {
                try
                {
                    sinks.Add(PlaybackSink.Open(spec));
                }
                catch (IOException e)
                {
                    throw new InputException(e.Message, e);
                }
            }

            ScenarioPlayer player;
            try
            {
                player = new ScenarioPlayer(script, sinks, speed, clockText == "scenario" ? script.Start : clockStart);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            return await PlayAsync(script, player, sinks, duration, waitForClients, console).ConfigureAwait(false);
        }
        finally
        {
            foreach (var sink in sinks)
            {
                sink.Dispose();
            }
        }
    }

    private static async Task<int> PlayAsync(PlaybackScript script, ScenarioPlayer player, List<PlaybackSink> sinks, long duration, bool waitForClients, VerbConsole console)
    {
        using var stop = new StopSignal();
        var seconds = Math.Min(duration, script.DurationMicroseconds) / 1e6;
        var listening = string.Join(", ", sinks.Select(s => s is TcpListenPlaybackSink tcp ? $"{s.Spec.Text} (port {tcp.Port})" : s.Spec.Text));
        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"picket sim: {script.Name}, {seconds:0.#} s of scenario time at speed {player.Speed:0.###} ({seconds / player.Speed:0.#} s), {script.Frames.Count} frames, to {listening}")).ConfigureAwait(false);
        if (waitForClients && sinks.Any(s => !s.HasReceiver))
        {
            await console.Error.WriteLineAsync("picket sim: waiting for a client on every tcp-listen output").ConfigureAwait(false);
            try
            {
                while (sinks.Any(s => !s.HasReceiver))
                {
                    await Task.Delay(50, stop.Token).ConfigureAwait(false);
                }

                // The other inputs of the same gateway (e.g. its UDP socket) open at about the same moment.
                await Task.Delay(1000, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return CommandLine.Success;
            }
        }

        var finished = await Task.Factory.StartNew(() => player.Run(stop.Token, start => console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"picket sim: clock starts at {start.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffff}Z (scenario time 0)"))), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"picket sim: {(finished ? "played" : "stopped at")} {player.ScenarioMicroseconds / 1e6:0.#} s of scenario time ({player.Frames} frames), clock from {player.PlayedStart:yyyy-MM-ddTHH:mm:ss.fffZ}")).ConfigureAwait(false);
        foreach (var sink in sinks)
        {
            var clients = sink is TcpListenPlaybackSink tcp ? string.Create(CultureInfo.InvariantCulture, $", {tcp.Accepted} clients") : "";
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{sink.Spec.Text}: {sink.Sent} sent ({sink.Bytes} bytes), {sink.Dropped} dropped{clients}{(sink.LastError is { } error ? ", last error: " + error : "")}")).ConfigureAwait(false);
        }

        return CommandLine.Success;
    }

    private static GeoPosition ParseSite(string text)
    {
        var parts = text.Split(',');
        if (parts.Length == 3
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude) && latitude is >= -90 and <= 90
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude) && longitude is >= -180 and <= 180
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var altitude) && double.IsFinite(altitude))
        {
            return new GeoPosition(latitude, longitude, altitude);
        }

        throw new UsageException($"--site '{text}' is not LAT,LON,ALT_M (degrees, degrees, metres)");
    }
}
