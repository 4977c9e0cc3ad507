using System.Globalization;
using System.Text.Json;
using Picket.Gateway.Tracking;

namespace Picket.Gateway.Zones;

/// <summary>
/// Reads protected zones from GeoJSON (RFC 7946): a FeatureCollection whose features are
/// Polygons or MultiPolygons with a <c>name</c> property. Positions are [longitude, latitude]
/// as the RFC orders them. Every defect is reported with the feature and the reason: besides the
/// format, each zone is checked by <see cref="ZoneValidator"/> (no ±180° crossing, a valid
/// polygon with area) and, when the mast is given, against the mast's coverage.
/// </summary>
public static class GeoJsonZoneReader
{
    /// <summary>Reads the zones in <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ZoneFileException">The file is not a FeatureCollection of named, valid (Multi)Polygons.</exception>
    public static IReadOnlyList<GeoZone> Read(Stream stream, string source) => Read(stream, source, mast: null);

    /// <summary>
    /// Reads the zones in <paramref name="stream"/> and refuses any that reaches beyond the
    /// coverage of <paramref name="mast"/> (<see cref="ZoneValidator.MaximumRangeMetres"/>).
    /// </summary>
    /// <param name="stream">The GeoJSON.</param>
    /// <param name="source">Names the file in errors.</param>
    /// <param name="mast">The mast the zones are projected about; null skips the coverage check.</param>
    /// <returns>The zones in file order.</returns>
    /// <exception cref="ZoneFileException">The file or a zone is refused.</exception>
    public static IReadOnlyList<GeoZone> Read(Stream stream, string source, GeoSite? mast)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ZoneFileException($"{source}: not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection")
            {
                throw new ZoneFileException($"{source}: the top level must be a GeoJSON FeatureCollection");
            }

            if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new ZoneFileException($"{source}: features: must be an array");
            }

            var zones = new List<GeoZone>();
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var where = $"{source}: features[{index}]";
                var zone = ReadFeature(feature, where);
                ZoneValidator.Validate(zone, where);
                if (mast is not null)
                {
                    ZoneValidator.CheckCoverage(zone, where, mast.LatitudeDegrees, mast.LongitudeDegrees);
                }

                zones.Add(zone);
                index++;
            }

            var duplicate = zones.GroupBy(z => z.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new ZoneFileException($"{source}: zone name '{duplicate.Key}' is used twice; alerts would be ambiguous");
            }

            return zones;
        }
    }

    /// <summary>Reads a zones file.</summary>
    /// <exception cref="ZoneFileException">The file is missing or invalid.</exception>
    public static IReadOnlyList<GeoZone> ReadFile(string path) => ReadFile(path, mast: null);

    /// <summary>Reads a zones file and checks every zone against the mast's coverage.</summary>
    /// <param name="path">The file.</param>
    /// <param name="mast">The mast; null skips the coverage check.</param>
    /// <returns>The zones in file order.</returns>
    /// <exception cref="ZoneFileException">The file is missing or invalid, or a zone is refused.</exception>
    public static IReadOnlyList<GeoZone> ReadFile(string path, GeoSite? mast)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path, mast);
        }
        catch (IOException e)
        {
            throw new ZoneFileException($"{path}: {e.Message}", e);
        }
    }

    private static GeoZone ReadFeature(JsonElement feature, string where)
    {
        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(nameElement.GetString()))
        {
            throw new ZoneFileException($"{where}.properties.name: every zone needs a non-empty name");
        }

        var name = nameElement.GetString()!;
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
            || !geometry.TryGetProperty("type", out var geometryType) || !geometry.TryGetProperty("coordinates", out var coordinates))
        {
            throw new ZoneFileException($"{where}.geometry: missing type or coordinates (zone '{name}')");
        }

        var polygons = geometryType.GetString() switch
        {
            "Polygon" => [ReadPolygon(coordinates, $"{where}.geometry.coordinates")],
            "MultiPolygon" => coordinates.ValueKind == JsonValueKind.Array
                ? coordinates.EnumerateArray().Select((p, i) => ReadPolygon(p, $"{where}.geometry.coordinates[{i}]")).ToList()
                : throw new ZoneFileException($"{where}.geometry.coordinates: must be an array"),
            var other => throw new ZoneFileException($"{where}.geometry.type: '{other}' is not Polygon or MultiPolygon (zone '{name}')"),
        };
        return new GeoZone(name, polygons);
    }

    private static List<GeoVertex[]> ReadPolygon(JsonElement polygon, string where)
    {
        if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0)
        {
            throw new ZoneFileException($"{where}: a polygon is a non-empty array of rings");
        }

        return polygon.EnumerateArray().Select((ring, i) => ReadRing(ring, $"{where}[{i}]")).ToList();
    }

    private static GeoVertex[] ReadRing(JsonElement ring, string where)
    {
        if (ring.ValueKind != JsonValueKind.Array)
        {
            throw new ZoneFileException($"{where}: a ring is an array of positions");
        }

        var vertices = new List<GeoVertex>();
        var index = 0;
        foreach (var position in ring.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || !position[0].TryGetDouble(out var longitude) || !position[1].TryGetDouble(out var latitude))
            {
                throw new ZoneFileException($"{where}[{index}]: a position is [longitude, latitude]");
            }

            if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
            {
                throw new ZoneFileException(string.Create(CultureInfo.InvariantCulture, $"{where}[{index}]: [{longitude}, {latitude}] is not a longitude, latitude pair in range"));
            }

            vertices.Add(new GeoVertex(latitude, longitude));
            index++;
        }

        // RFC 7946 3.1.6: a linear ring has four or more positions, the first equal to the last.
        if (vertices.Count < 4 || vertices[0] != vertices[^1])
        {
            throw new ZoneFileException($"{where}: a ring needs at least 4 positions and must end where it starts");
        }

        return [.. vertices];
    }
}
