using System.Globalization;
using System.Text.Json;
using Picket.Server.Configuration;

namespace Picket.Server.Map;

/// <summary>
/// What the map draws that the feed does not carry: the protected zones (<c>Map:ZonesPath</c>, a
/// GeoJSON FeatureCollection of polygons, checked when the server starts) and the radar coverage
/// radius around each mast (<c>Map:RadarRangeKm</c>).
/// </summary>
public sealed class MapSettings
{
    /// <summary>The zones as compact GeoJSON (one line), or null when <c>Map:ZonesPath</c> is not set.</summary>
    public byte[]? ZonesGeoJson { get; init; }

    /// <summary>Radar coverage radius drawn around each mast, kilometres; null draws none.</summary>
    public double? RadarRangeKm { get; init; }

    /// <summary>Reads and checks the map settings.</summary>
    /// <exception cref="ConfigurationException">A value is wrong; the message names the key and, for a zone, the feature.</exception>
    public static MapSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new MapSettings { ZonesGeoJson = ReadZones(configuration), RadarRangeKm = ReadRange(configuration) };
    }

    private static double? ReadRange(IConfiguration configuration)
    {
        const string Key = "Map:RadarRangeKm";
        var text = configuration[Key];
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var range) && range > 0 && range <= 1000
            ? range
            : throw new ConfigurationException(Key, $"'{text}' is not a range of more than 0 and at most 1000 km.");
    }

    private static byte[]? ReadZones(IConfiguration configuration)
    {
        const string Key = "Map:ZonesPath";
        var path = configuration[Key];
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(Key, $"cannot read '{path}': {e.Message}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException(Key, $"'{path}' is not JSON: {e.Message}");
        }

        using (document)
        {
            if (ZoneGeoJson.Check(document.RootElement) is { } reason)
            {
                throw new ConfigurationException(Key, $"'{path}': {reason}");
            }

            // Compact, on one line: it travels in one Server-Sent Events data field.
            using var output = new MemoryStream();
            using (var writer = new Utf8JsonWriter(output))
            {
                document.WriteTo(writer);
            }

            return output.ToArray();
        }
    }
}
