using Microsoft.Extensions.Configuration;
using Picket.Server.Configuration;
using Picket.Testing;

namespace Picket.Server.Map;

/// <summary><c>Map:ZonesPath</c> and <c>Map:RadarRangeKm</c> are checked when the server starts; every error names the key.</summary>
public sealed class MapSettingsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Read_ValidZones_KeptAsOneLineOfJson()
    {
        var path = Write("""
            {
              "type": "FeatureCollection",
              "features": [
                { "type": "Feature", "properties": { "name": "band" },
                  "geometry": { "type": "Polygon", "coordinates": [[[23.4, 59.4], [27.6, 59.4], [27.6, 59.72], [23.4, 59.4]]] } }
              ]
            }
            """);

        var settings = MapSettings.Read(Configuration(("Map:ZonesPath", path), ("Map:RadarRangeKm", "150")));

        Assert.Equal(150, settings.RadarRangeKm);
        var text = System.Text.Encoding.UTF8.GetString(settings.ZonesGeoJson!);
        Assert.DoesNotContain('\n', text);
        Assert.StartsWith("{\"type\":\"FeatureCollection\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "type": "Feature" }""", "not a GeoJSON FeatureCollection")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "type": "Feature", "properties": { "name": "north" }, "geometry": { "type": "Point", "coordinates": [1, 2] } } ] }""", "feature 0 ('north') is a Point")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "type": "Feature", "geometry": { "type": "Polygon", "coordinates": [[[1, 2], [3, 2], [3, 4], [1, 3]]] } } ] }""", "feature 0 has a ring that is not closed")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "type": "Feature", "geometry": { "type": "Polygon", "coordinates": [[[1, 2], [3, 2], [1, 2]]] } } ] }""", "fewer than four positions")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "type": "Feature", "geometry": { "type": "MultiPolygon", "coordinates": [[[[1, 2], [190, 2], [3, 4], [1, 2]]]] } } ] }""", "outside longitude ±180")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ """, "is not JSON")]
    public void Read_BadZones_ErrorNamesKeyAndReason(string geoJson, string reason)
    {
        var path = Write(geoJson);

        var error = Assert.Throws<ConfigurationException>(() => MapSettings.Read(Configuration(("Map:ZonesPath", path))));

        Assert.StartsWith("Map:ZonesPath: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingZonesFile_ErrorNamesKey()
    {
        var error = Assert.Throws<ConfigurationException>(() => MapSettings.Read(Configuration(("Map:ZonesPath", _directory.File("absent.geojson")))));

        Assert.StartsWith("Map:ZonesPath: cannot read", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1001")]
    [InlineData("far")]
    public void Read_BadRadarRange_ErrorNamesKey(string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => MapSettings.Read(Configuration(("Map:RadarRangeKm", value))));

        Assert.StartsWith("Map:RadarRangeKm: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerSettings_MapKeys_AreKnownAndATypoIsNot()
    {
        SettingsReader.Read(Configuration(("Map:RadarRangeKm", "100"), ("Map:ZonesPath", "")));

        var error = Assert.Throws<ConfigurationException>(() => SettingsReader.Read(Configuration(("Map:RadarRange", "100"))));
        Assert.Contains("Did you mean Map:RadarRangeKm?", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private string Write(string text)
    {
        var path = _directory.File("zones.geojson");
        File.WriteAllText(path, text);
        return path;
    }
}
