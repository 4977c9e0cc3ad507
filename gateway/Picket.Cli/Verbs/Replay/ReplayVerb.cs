using System.Globalization;
using Microsoft.Extensions.Logging;
using Picket.Cli.Verbs.Decode;
using Picket.Cli.Verbs.Track;
using Picket.Gateway.Configuration;
using Picket.Gateway.Recording;
using Picket.Gateway.Tracking;
using Picket.Gateway.Zones;
using Picket.Tracking;

namespace Picket.Cli.Verbs.Replay;

/// <summary>
/// <c>picket replay</c>: plays a <c>picket record</c> file back through the pipeline <c>picket run</c>
/// uses (each input's stream decoder with the recorded arrival times, then the tracker) and writes
/// track and alert JSON Lines as <c>picket track</c> does. The output depends only on the file:
/// the same recording gives byte-identical output at any speed. With <c>--config</c> it plays as a
/// gateway instead (<see cref="GatewayReplay"/>: publisher, outbox, uplink).
/// </summary>
public sealed class ReplayVerb : IVerb
{
    /// <summary>How long the uplink may take, after the last chunk, to deliver every batch (as a gateway).</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public string Name => "replay";

    /// <inheritdoc />
    public string Summary => "play a recording back through the decoders and tracker, track JSON Lines out";

    /// <inheritdoc />
    public string Usage =>
        "usage: picket replay --recording FILE --site LAT,LON,ALT_M [--zones GEOJSON] [--radar-site LAT,LON,ALT_M] [--speed N | --as-fast-as-possible]   (track JSON Lines out; default --speed 1: real time)\n" +
        "       picket replay --recording FILE --config appsettings.json [--Section:Key VALUE ...] [--speed N | --as-fast-as-possible]   (as a gateway: publisher, outbox, uplink; give the replay its own --Outbox:Path)";

    /// <inheritdoc />
    public IReadOnlyList<VerbOption> Options { get; } =
    [
        new("recording", "FILE", "Recording made by picket record", VerbOptionKind.Value),
        new("site", "LAT,LON,ALT_M", "The mast's position", VerbOptionKind.Value),
        new("zones", "GEOJSON", "Protected zones", VerbOptionKind.Value),
        new("radar-site", "LAT,LON,ALT_M", "The radar's position", VerbOptionKind.Value),
        new("speed", "N", "Replay speed (default 1: real time)", VerbOptionKind.Value),
        new("as-fast-as-possible", "", "Replay without waiting", VerbOptionKind.Flag),
        new("config", "PATH", "appsettings.json: replay as a gateway (publisher, outbox, uplink)", VerbOptionKind.Value),
    ];

    /// <inheritdoc />
    public bool TakesSettings => true;

    /// <inheritdoc />
    public async Task<int> RunAsync(ArgumentList options, VerbConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var path = options.GetRequired("recording");
        var speed = ReadSpeed(options);
        var configPath = options.Get("config");
        if (configPath is not null)
        {
            return await RunAsGatewayAsync(path, configPath, speed, options, console).ConfigureAwait(false);
        }

        var site = ParseSite(options.GetRequired("site"), "site");
        var zonesPath = options.Get("zones");
        var radarSiteText = options.Get("radar-site");
        options.ThrowIfUnused();

        var radarSite = radarSiteText is null ? null : ParseSite(radarSiteText, "radar-site");
        IReadOnlyList<GeoZone> zones = [];
        if (zonesPath is not null)
        {
            try
            {
                zones = GeoJsonZoneReader.ReadFile(zonesPath);
            }
            catch (ZoneFileException exception)
            {
                throw new InputException($"--zones: {exception.Message}", exception);
            }
            catch (IOException exception)
            {
                throw new InputException($"--zones '{zonesPath}': {exception.Message}", exception);
            }
        }

        var (reader, player) = Open(path, speed);
        using (reader)
        {
            using var stop = new StopSignal();
            TrackingPipeline pipeline;
            var output = new JsonLinesWriter(console.OpenOutputStream());
            await using (output.ConfigureAwait(false))
            {
                // Track ids from 1 (TrackerConfiguration's default): a replay is repeatable.
                pipeline = new TrackingPipeline(site, radarSite, zones, new TrackerConfiguration(), new TrackJsonOutput(output));
                player.Play(pipeline, stop.Token);
            }

            for (var i = 0; i < player.Inputs.Count; i++)
            {
                await console.Error.WriteLineAsync($"{player.Inputs[i].Text}: {player.Decoders[i].Summary}").ConfigureAwait(false);
            }

            var counters = pipeline.Tracker.Counters;
            await console.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"replayed {player.Chunks} chunks; pipeline errors: {player.PipelineErrors}{(player.LastPipelineError is { } last ? " (last: " + last + ")" : "")}; tracks: {counters.TracksStarted} started, {counters.TracksConfirmed} confirmed; alerts: {counters.Alerts}")).ConfigureAwait(false);
            if (reader.StopReason is { } reason)
            {
                await console.Error.WriteLineAsync($"picket replay: '{path}' {reason}").ConfigureAwait(false);
            }
        }

        return CommandLine.Success;
    }

    private static async Task<int> RunAsGatewayAsync(string path, string configPath, double speed, ArgumentList options, VerbConsole console)
    {
        var overrides = options.SettingsOverrides();

        GatewaySettings settings;
        try
        {
            settings = GatewaySettingsReader.Read(GatewaySettingsReader.Build(configPath, overrides));
        }
        catch (GatewayConfigurationException e)
        {
            await console.Error.WriteLineAsync($"picket replay: configuration error: {e.Message}").ConfigureAwait(false);
            return CommandLine.UsageError;
        }

        var (reader, player) = Open(path, speed);
        using (reader)
        {
            using var loggerFactory = LoggerFactory.Create(builder => builder.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
            GatewayReplay replay;
            try
            {
                replay = new GatewayReplay(settings, VersionInfo.Text, loggerFactory);
            }
            catch (GatewayConfigurationException e)
            {
                await console.Error.WriteLineAsync($"picket replay: configuration error: {e.Message}").ConfigureAwait(false);
                return CommandLine.UsageError;
            }
            catch (ZoneFileException e)
            {
                throw new InputException(e.Message, e);
            }

            using (replay)
            {
                var complete = await replay.RunAsync(player, DrainTimeout).ConfigureAwait(false);
                var counters = replay.Pipeline.Tracker.Counters;
                var outbox = replay.Outbox;
                await console.Error.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"replayed {player.Chunks} chunks; pipeline errors: {player.PipelineErrors}; tracks: {counters.TracksStarted} started, {counters.TracksConfirmed} confirmed; alerts: {counters.Alerts}; batches: {replay.Publisher.BatchesClosed} closed, outbox sequences 1-{outbox.NextSequence - 1}, acknowledged through {outbox.AcknowledgedThrough}")).ConfigureAwait(false);
                if (reader.StopReason is { } reason)
                {
                    await console.Error.WriteLineAsync($"picket replay: '{path}' {reason}").ConfigureAwait(false);
                }

                if (!complete)
                {
                    var why = replay.UplinkCounters?.LastError is { } error ? ": " + error : "";
                    await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"picket replay: not every batch was delivered within {DrainTimeout.TotalSeconds} s{why}; they stay in the outbox")).ConfigureAwait(false);
                    return CommandLine.InputError;
                }
            }
        }

        return CommandLine.Success;
    }

    private static double ReadSpeed(ArgumentList options)
    {
        var speedText = options.Get("speed");
        var fastest = options.Has("as-fast-as-possible");
        if (speedText is not null && fastest)
        {
            throw new UsageException("--speed and --as-fast-as-possible exclude each other");
        }

        if (fastest)
        {
            return 0;
        }

        if (speedText is null)
        {
            return 1;
        }

        return double.TryParse(speedText, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed > 0 && !double.IsInfinity(speed)
            ? speed
            : throw new UsageException($"--speed '{speedText}' is not a positive number");
    }

    private static (RecordingReader Reader, RecordingPlayer Player) Open(string path, double speed)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"--recording '{path}' does not exist");
        }

        RecordingReader reader;
        try
        {
            reader = RecordingReader.Open(path);
        }
        catch (RecordingFormatException exception)
        {
            throw new InputException($"--recording '{path}': {exception.Message}", exception);
        }

        try
        {
            return (reader, new RecordingPlayer(reader) { Speed = speed });
        }
        catch (RecordingFormatException exception)
        {
            reader.Dispose();
            throw new InputException($"--recording '{path}': {exception.Message}", exception);
        }
    }

    private static GeoSite ParseSite(string text, string option) =>
        GeoSite.TryParse(text, out var site, out var error) ? site! : throw new UsageException($"--{option}: {error}");
}
