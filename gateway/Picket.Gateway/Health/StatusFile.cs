using System.Text.Json;

namespace Picket.Gateway.Health;

/// <summary>
/// The status file the running gateway rewrites every health period (<c>/run/picket/status.json</c>
/// by default) and <c>picket status</c> reads: JSON of the latest <see cref="HealthSnapshot"/>.
/// </summary>
public static class StatusFile
{
    /// <summary>Writes the snapshot atomically.</summary>
    /// <param name="path">The file.</param>
    /// <param name="snapshot">The snapshot.</param>
    public static void Write(string path, HealthSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        AtomicFile.Write(path, JsonSerializer.Serialize(snapshot, StatusJsonContext.Default.HealthSnapshot));
    }

    /// <summary>Reads the snapshot.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="IOException">The file is missing or unreadable.</exception>
    /// <exception cref="InvalidDataException">The file is not a status file.</exception>
    public static HealthSnapshot Read(string path)
    {
        var json = File.ReadAllText(path);
        try
        {
            return JsonSerializer.Deserialize(json, StatusJsonContext.Default.HealthSnapshot)
                ?? throw new InvalidDataException($"{path}: empty status file");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a picket status file ({e.Message})", e);
        }
    }
}
