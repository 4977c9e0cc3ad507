using System.Globalization;
using Picket.Cli.Verbs.Decode;
using Picket.Gateway.Sources;
using Picket.Gateway.Tracking;
using Picket.Gateway.Zones;
using Picket.Simulation.Evaluation;
using Picket.Simulation.Scenarios;
using Picket.Tracking;

namespace Picket.Cli.Verbs.Track;

/// <summary>
/// <c>picket track</c>: replays recorded inputs (Beast, AVR, SBS-1, ASTERIX, NMEA ARPA) merged in time order through
/// the gateway's tracking pipeline, or runs a built-in scenario (<c>--scenario NAME</c>), and
/// writes track reports and zone alerts as JSON Lines on stdout; a summary goes to stderr.
/// </summary>
public sealed class TrackVerb : IVerb
{
    /// <inheritdoc />
    public string Name => "track";

    /// <inheritdoc />
    public string Summary => "track targets from recorded ADS-B/radar inputs or a built-in scenario, JSON Lines out";

    /// <inheritdoc />
    public string Usage =>
        "usage: picket track --site LAT,LON,ALT_M --start ISO8601 --input beast:PATH|avr:PATH|sbs:PATH|asterix:PATH|nmea:PATH ... [--zones GEOJSON] [--radar-site LAT,LON,ALT_M]\n" +
        "       picket track --scenario NAME [--seed N] [--seconds N] [--report PATH] [--recorded]   (--seed: the simulator's seed, e.g. a held-out one; --recorded: through Beast/ASTERIX bytes and the decoders; scenarios: " + string.Join(", ", ScenarioLoader.BuiltInNames) + ")";

    /// <inheritdoc />
    public IReadOnlyList<VerbOption> Options { get; } =
    [
        new("site", "LAT,LON,ALT_M", "The mast's position", VerbOptionKind.Value),
        new("start", "ISO8601", "UTC start of the recordings", VerbOptionKind.Value),
        new("input", "FORMAT:PATH", "beast:PATH, avr:PATH, sbs:PATH, asterix:PATH or nmea:PATH (repeatable)", VerbOptionKind.Repeated),
        new("zones", "GEOJSON", "Protected zones", VerbOptionKind.Value),
        new("radar-site", "LAT,LON,ALT_M", "The radar's position", VerbOptionKind.Value),
        new("scenario", "NAME", "Built-in scenario to run and score", VerbOptionKind.Value),
        new("seed", "N", "The simulator's seed", VerbOptionKind.Value),
        new("seconds", "N", "Scenario time, in seconds", VerbOptionKind.Value),
        new("report", "PATH", "Evaluation report JSON to write", VerbOptionKind.Value),
        new("recorded", "", "Through Beast/ASTERIX bytes and the decoders", VerbOptionKind.Flag),
    ];

    /// <inheritdoc />
    public bool TakesSettings => false;

    /// <inheritdoc />
    public async Task<int> RunAsync(ArgumentList options, VerbConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var scenario = options.Get("scenario");
        return scenario is not null
            ? await RunScenarioAsync(scenario, options, console).ConfigureAwait(false)
            : await RunReplayAsync(options, console).ConfigureAwait(false);
    }

    private static async Task<int> RunReplayAsync(ArgumentList options, VerbConsole console)
    {
        var site = ParseSite(options.GetRequired("site"), "site");
        var startText = options.GetRequired("start");
        var inputs = options.GetAll("input");
        var zonesPath = options.Get("zones");
        var radarSiteText = options.Get("radar-site");
        options.ThrowIfUnused();
        if (!DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
        {
            throw new UsageException($"--start '{startText}' is not an ISO 8601 time (e.g. 2018-04-03T19:02:00Z)");
        }

        if (inputs.Count == 0)
        {
            throw new UsageException("--input KIND:PATH is required (kinds: beast, avr, sbs, asterix, nmea)");
        }

        RefuseRepeatedFiles(inputs);
        var radarSite = radarSiteText is null ? null : ParseSite(radarSiteText, "radar-site");
        var zones = ReadZones(zonesPath, site);
        var startMicroseconds = start.ToUnixTimeMilliseconds() * 1000;
        var sources = inputs.Select(input => OpenSource(input, startMicroseconds)).ToList();
        var output = new JsonLinesWriter(console.OpenOutputStream());
        TrackingPipeline pipeline;
        await using (output.ConfigureAwait(false))
        {
            var json = new TrackJsonOutput(output);
            pipeline = new TrackingPipeline(site, radarSite, zones, new TrackerConfiguration(), json);
            ReplayMerger.Run(sources, pipeline);
        }

        var counters = pipeline.Tracker.Counters;
        foreach (var source in sources)
        {
            await console.Error.WriteLineAsync(source.Summary).ConfigureAwait(false);
        }

        await console.Error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"tracks: {counters.TracksStarted} started, {counters.TracksConfirmed} confirmed, {counters.TracksShed} shed, {counters.TracksRefused} refused; alerts: {counters.Alerts}; radar plots: {counters.RadarPlots} ({counters.RadarPlotsAssociated} associated); Mode S observations: {counters.ModeSObservations}; ADS-B/radar disagreements: {counters.AdsbRadarDisagreements}; late measurements dropped: {counters.LateMeasurements}")).ConfigureAwait(false);
        return CommandLine.Success;
    }

    private static async Task<int> RunScenarioAsync(string name, ArgumentList options, VerbConsole console)
    {
        var secondsText = options.Get("seconds");
        var reportPath = options.Get("report");
        var recorded = options.Has("recorded");
        var seedText = options.Get("seed");
        options.ThrowIfUnused();
        int? seed = null;
        if (seedText is not null)
        {
            seed = int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedSeed)
                ? parsedSeed
                : throw new UsageException($"--seed '{seedText}' is not an integer");
        }

        double? seconds = null;
        if (secondsText is not null)
        {
            if (!double.TryParse(secondsText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0))
            {
                throw new UsageException($"--seconds '{secondsText}' is not a positive number");
            }

            seconds = value;
        }

        if (!ScenarioLoader.BuiltInNames.Contains(name))
        {
            throw new UsageException($"--scenario '{name}' is not one of {string.Join(", ", ScenarioLoader.BuiltInNames)}");
        }

        var runner = new ScenarioRunner(ScenarioLoader.LoadBuiltIn(name), seconds, recorded: recorded, seed: seed);
        EvaluationReport report;
        var output = new JsonLinesWriter(console.OpenOutputStream());
        await using (output.ConfigureAwait(false))
        {
            report = runner.Run(new TrackJsonOutput(output));
        }

        await console.Error.WriteLineAsync(ScenarioSummary.Format(runner, report)).ConfigureAwait(false);
        if (reportPath is not null)
        {
            try
            {
                await File.WriteAllTextAsync(reportPath, ScenarioSummary.ToJson(report)).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                throw new InputException($"--report '{reportPath}': {exception.Message}", exception);
            }
            catch (UnauthorizedAccessException exception)
            {
                throw new InputException($"--report '{reportPath}': {exception.Message}", exception);
            }
        }

        return CommandLine.Success;
    }

    private static GeoSite ParseSite(string text, string option) =>
        GeoSite.TryParse(text, out var site, out var error) ? site! : throw new UsageException($"--{option}: {error}");

    private static IReadOnlyList<GeoZone> ReadZones(string? path, GeoSite site)
    {
        if (path is null)
        {
            return [];
        }

        try
        {
            return GeoJsonZoneReader.ReadFile(path, site);
        }
        catch (ZoneFileException exception)
        {
            throw new InputException($"--zones: {exception.Message}", exception);
        }
        catch (IOException exception)
        {
            throw new InputException($"--zones '{path}': {exception.Message}", exception);
        }
    }

    // The same recording given twice would be replayed twice: every frame counted and tracked twice.
    private static void RefuseRepeatedFiles(IReadOnlyList<string> inputs)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var colon = input.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == input.Length - 1)
            {
                continue; // OpenSource reports it
            }

            var identity = FileIdentity(input[(colon + 1)..]);
            if (!seen.TryAdd(identity, input))
            {
                throw new UsageException($"--input '{seen[identity]}' and --input '{input}' name the same file: give each recording once");
            }
        }
    }

    // The full path with symbolic links resolved, so ./a.bin, a.bin and a link to it are one file.
    private static string FileIdentity(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.Exists(full) && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static IReplaySource OpenSource(string input, long startMicroseconds)
    {
        var colon = input.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == input.Length - 1)
        {
            throw new UsageException($"--input '{input}' is not KIND:PATH (kinds: beast, avr, sbs, asterix, nmea)");
        }

        var kind = input[..colon];
        var path = input[(colon + 1)..];
        if (kind is not ("beast" or "avr" or "asterix" or "sbs" or "nmea"))
        {
            throw new UsageException($"--input kind '{kind}' is not one of beast, avr, sbs, asterix, nmea");
        }

        if (Directory.Exists(path))
        {
            throw new InputException($"--input {kind}: '{path}' is a directory, not a file");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"--input {kind}: file '{path}' does not exist");
        }

        var bytes = File.ReadAllBytes(path);
        return kind switch
        {
            "asterix" => new AsterixReplaySource(input, bytes, startMicroseconds),
            "sbs" => new SbsReplaySource(input, bytes, startMicroseconds),
            "nmea" => new NmeaReplaySource(input, bytes, startMicroseconds),
            _ => new ModeSReplaySource(input, bytes, kind == "beast", startMicroseconds),
        };
    }
}
