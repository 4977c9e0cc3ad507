using System.Text.Json;
using Picket.Testing;

namespace Picket.Gateway.Benchmarks;

/// <summary>A built-in scenario recorded by <c>picket simulate</c> (its own process) into a folder.</summary>
internal static class Scenario
{
    /// <summary>Records <paramref name="seconds"/> of the scenario and returns its Beast stream and the site it was recorded at.</summary>
    public static (BeastRecording Recording, (double, double, double) Site) Record(string name, double seconds, string folder)
    {
        var output = Path.Combine(folder, "recording");
        ChildProcess.Run(BuiltPrograms.Picket,
            ["simulate", "--scenario", name, "--out", output, "--seconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            logPath: Path.Combine(folder, "simulate.log"));
        var recording = BeastRecording.Load(Path.Combine(output, name + ".beast"));

        // The site as the scenario file states it (latitude_deg, longitude_deg, altitude_m).
        var definition = RepositoryPaths.PathOf(Path.Combine("gateway", "Picket.Simulation", "Scenarios", name + ".json"));
        using var document = JsonDocument.Parse(File.ReadAllText(definition), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var site = document.RootElement.GetProperty("site");
        return (recording, (site.GetProperty("latitude_deg").GetDouble(), site.GetProperty("longitude_deg").GetDouble(), site.GetProperty("altitude_m").GetDouble()));
    }

    /// <summary>The scenario's zone file when it has one beside it (<c>NAME-zones.geojson</c> or the scenario's prefix), else null.</summary>
    public static string? Zones(string name)
    {
        var path = RepositoryPaths.PathOf(Path.Combine("gateway", "Picket.Simulation", "Scenarios", name.Replace("-incursion", "", StringComparison.Ordinal) + "-zones.geojson"));
        return File.Exists(path) ? path : null;
    }
}
