using System.Globalization;
using Picket.Simulation;
using Picket.Simulation.Recording;
using Picket.Simulation.Scenarios;

namespace Picket.Cli.Verbs.Simulate;

/// <summary>
/// <c>picket simulate --scenario NAME|--scenario-file PATH --out DIR [--seconds N]</c>: runs a
/// scenario and writes what the mast would receive, made with the real encoders:
/// <c>DIR/NAME.beast</c> (Mode-S Beast binary), <c>DIR/NAME.asterix</c> (CAT034/CAT048 data
/// blocks) and <c>DIR/NAME.truth.jsonl</c>; prints the counts on stdout.
/// </summary>
public sealed class SimulateVerb : IVerb
{
    /// <inheritdoc />
    public string Name => "simulate";

    /// <inheritdoc />
    public string Summary => "run a scenario and write its Beast, ASTERIX and truth files";

    /// <inheritdoc />
    public string Usage =>
        "usage: picket simulate --scenario " + string.Join('|', ScenarioLoader.BuiltInNames) + "|--scenario-file PATH --out DIR [--seconds N]";

    /// <inheritdoc />
    public IReadOnlyList<VerbOption> Options { get; } =
    [
        new("scenario", "NAME", "Built-in scenario", VerbOptionKind.Value),
        new("scenario-file", "PATH", "Scenario JSON file", VerbOptionKind.Value),
        new("out", "DIR", "Directory to write the streams to", VerbOptionKind.Value),
        new("seconds", "N", "Scenario time to simulate, in seconds", VerbOptionKind.Value),
    ];

    /// <inheritdoc />
    public bool TakesSettings => false;

    /// <inheritdoc />
    public async Task<int> RunAsync(ArgumentList options, VerbConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var name = options.Get("scenario");
        var file = options.Get("scenario-file");
        var directory = options.GetRequired("out");
        var secondsText = options.Get("seconds");
        options.ThrowIfUnused();
        if ((name is null) == (file is null))
        {
            throw new UsageException("give exactly one of --scenario NAME and --scenario-file PATH");
        }

        var duration = long.MaxValue;
        if (secondsText is not null)
        {
            if (!double.TryParse(secondsText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || seconds > 1e7)
            {
                throw new UsageException($"--seconds '{secondsText}' is not a positive number of seconds");
            }

            duration = (long)Math.Round(seconds * 1e6);
        }

        ScenarioDefinition scenario;
        try
        {
            scenario = name is not null ? ScenarioLoader.LoadBuiltIn(name) : ScenarioLoader.LoadFile(file!);
        }
        catch (ScenarioException e)
        {
            throw new InputException(e.Message, e);
        }

        var simulation = new ScenarioSimulation(scenario);
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, string.IsNullOrEmpty(scenario.Name) ? Path.GetFileNameWithoutExtension(file ?? name!) : scenario.Name);
        RecordingCounts counts;
        using (var beast = Create(stem + ".beast"))
        using (var asterix = Create(stem + ".asterix"))
        using (var truth = Create(stem + ".truth.jsonl"))
        {
            counts = ScenarioRecorder.Record(simulation, beast, asterix, truth, duration);
        }

        var recordedSeconds = Math.Min(duration, simulation.DurationMicroseconds) / 1e6;
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Name}: {recordedSeconds:0.###} s, {simulation.Targets.Count} targets\n" +
            $"{stem}.beast: {counts.Squitters} squitters ({counts.FlippedSquitters} with a bit error, {counts.SkippedSquitters} not encodable), {counts.Replies} Mode S replies, {counts.BeastBytes} bytes\n" +
            $"{stem}.asterix: {counts.Plots} CAT048 plots, {counts.NorthMarkers} CAT034 north markers, {counts.AsterixBytes} bytes\n" +
            $"{stem}.truth.jsonl: {counts.TruthSamples} truth samples")).ConfigureAwait(false);
        return CommandLine.Success;
    }

    private static FileStream Create(string path) => new(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
}
