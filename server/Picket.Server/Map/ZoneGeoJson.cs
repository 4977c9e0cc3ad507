using System.Text.Json;

namespace Picket.Server.Map;

/// <summary>Checks that a zones file is what the map can draw: a GeoJSON FeatureCollection of Polygon and MultiPolygon features (RFC 7946).</summary>
internal static class ZoneGeoJson
{
    /// <summary>Null when <paramref name="root"/> is a valid zones collection, else the reason naming the feature.</summary>
    public static string? Check(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "FeatureCollection")
        {
            return "not a GeoJSON FeatureCollection (RFC 7946 §3.3).";
        }

        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            return "the FeatureCollection has no \"features\" array.";
        }

        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var name = Name(feature, index);
            if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
            {
                return $"{name} has no geometry.";
            }

            var kind = geometry.TryGetProperty("type", out var kindElement) && kindElement.ValueKind == JsonValueKind.String ? kindElement.GetString() : null;
            if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            {
                return $"{name} has no coordinates.";
            }

            var reason = kind switch
            {
                "Polygon" => CheckPolygon(coordinates),
                "MultiPolygon" => CheckEach(coordinates, CheckPolygon),
                _ => $"is a {kind ?? "geometry without a type"}; zones are Polygon or MultiPolygon.",
            };
            if (reason is not null)
            {
                return $"{name} {reason}";
            }

            index++;
        }

        return null;
    }

    private static string Name(JsonElement feature, int index) =>
        feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? $"feature {index} ('{name.GetString()}')"
            : $"feature {index}";

    private static string? CheckEach(JsonElement array, Func<JsonElement, string?> check)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Array)
            {
                return "has a malformed coordinate array.";
            }

            if (check(item) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    // A polygon is an array of linear rings: closed, at least four positions (RFC 7946 §3.1.6).
    private static string? CheckPolygon(JsonElement rings)
    {
        if (rings.GetArrayLength() == 0)
        {
            return "has a polygon without rings.";
        }

        return CheckEach(rings, CheckRing);
    }

    private static string? CheckRing(JsonElement ring)
    {
        var count = ring.GetArrayLength();
        if (count < 4)
        {
            return "has a ring of fewer than four positions.";
        }

        foreach (var position in ring.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
            {
                return "has a position that is not [longitude, latitude].";
            }

            var longitude = position[0].GetDouble();
            var latitude = position[1].GetDouble();
            if (longitude is < -180 or > 180 || latitude is < -90 or > 90)
            {
                return $"has a position [{longitude}, {latitude}] outside longitude ±180 and latitude ±90.";
            }
        }

        var first = ring[0];
        var last = ring[count - 1];
        return first[0].GetDouble() == last[0].GetDouble() && first[1].GetDouble() == last[1].GetDouble()
            ? null
            : "has a ring that is not closed (its last position must repeat the first).";
    }
}
