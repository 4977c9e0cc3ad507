using System.Globalization;
using Picket.Cli.Verbs.Decode;
using Picket.Cli.Verbs.Track;
using Picket.Gateway.Recording;
using Picket.Gateway.Tracking;
using Picket.Gateway.Zones;
using Picket.Tracking;

namespace Picket.Cli.Verbs.Replay;

/// <summary>
/// <c>picket replay</c>: plays a <c>picket record</c> file back through the pipeline <c>picket run</c>
/// uses (each input's stream decoder with the recorded arrival times, then the tracker) and writes
/// track and alert JSON Lines as <c>picket track</c> does. The output depends only on the file:
/// the same recording gives byte-identical output at any speed.
/// </summary>
public sealed class ReplayVerb : IVerb
{
    /// <inheritdoc />
    public string Name => "replay";

    /// <inheritdoc />
    public string Summary => "play a recording back through the decoders and tracker, track JSON Lines out";

    /// <inheritdoc />
    public string Usage => "usage: picket replay --recording FILE --site LAT,LON,ALT_M [--zones GEOJSON] [--radar-site LAT,LON,ALT_M] [--speed N | --as-fast-as-possible]   (default --speed 1: real time)";

    /// <inheritdoc />
    public async Task<int> RunAsync(ArgumentList options, VerbConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var path = options.GetRequired("recording");
        var site = ParseSite(options.GetRequired("site"), "site");
        var zonesPath = options.Get("zones");
        var radarSiteText = options.Get("radar-site");
        var speedText = options.Get("speed");
        var fastest = options.Has("as-fast-as-possible");
        options.ThrowIfUnused();
        if (speedText is not null && fastest)
        {
            throw new UsageException("--speed and --as-fast-as-possible exclude each other");
        }

        var speed = 1.0;
        if (fastest)
        {
            speed = 0;
        }
        else if (speedText is not null && (!double.TryParse(speedText, NumberStyles.Float, CultureInfo.InvariantCulture, out speed) || !(speed > 0) || double.IsInfinity(speed)))
        {
            throw new UsageException($"--speed '{speedText}' is not a positive number");
        }

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

        if (!File.Exists(path))
        {
            throw new InputException($"--recording '{path}' does not exist");
        }

        RecordingReader reader;
        RecordingPlayer player;
        try
        {
            reader = RecordingReader.Open(path);
        }
        catch (RecordingFormatException exception)
        {
            throw new InputException($"--recording '{path}': {exception.Message}", exception);
        }

        using (reader)
        {
            try
            {
                player = new RecordingPlayer(reader) { Speed = speed };
            }
            catch (RecordingFormatException exception)
            {
                throw new InputException($"--recording '{path}': {exception.Message}", exception);
            }

            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            TrackingPipeline pipeline;
            try
            {
                var output = new JsonLinesWriter(console.OpenOutputStream());
                await using (output.ConfigureAwait(false))
                {
                    // Track ids from 1 (TrackerConfiguration's default): a replay is repeatable.
                    pipeline = new TrackingPipeline(site, radarSite, zones, new TrackerConfiguration(), new TrackJsonOutput(output));
                    player.Play(pipeline, stop.Token);
                }
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
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

    private static GeoSite ParseSite(string text, string option) =>
        GeoSite.TryParse(text, out var site, out var error) ? site! : throw new UsageException($"--{option}: {error}");
}
