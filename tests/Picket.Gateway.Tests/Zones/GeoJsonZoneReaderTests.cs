using System.Text;

namespace Picket.Gateway.Zones;

/// <summary>Zones files per RFC 7946: good ones read, bad ones named precisely.</summary>
public class GeoJsonZoneReaderTests
{
    [Fact]
    public void Read_PolygonWithHoleAndMultiPolygon_ReadsEveryRingInLatitudeLongitudeOrder()
    {
        const string json = """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Band" },
                "geometry": { "type": "Polygon", "coordinates": [
                  [[23.4, 59.4], [27.6, 59.4], [27.6, 59.8], [23.4, 59.8], [23.4, 59.4]],
                  [[25.0, 59.5], [25.2, 59.5], [25.2, 59.6], [25.0, 59.5]] ] } },
              { "type": "Feature", "properties": { "name": "Islands" },
                "geometry": { "type": "MultiPolygon", "coordinates": [
                  [[[22.0, 58.0], [22.1, 58.0], [22.1, 58.1], [22.0, 58.0]]],
                  [[[23.0, 58.0], [23.1, 58.0], [23.1, 58.1], [23.0, 58.0]]] ] } } ] }
            """;

        var zones = GeoJsonZoneReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "zones.geojson");

        Assert.Equal(["Band", "Islands"], zones.Select(z => z.Name));
        Assert.Equal(2, zones[0].Polygons[0].Count); // outer ring and hole
        Assert.Equal(new GeoVertex(59.4, 23.4), zones[0].Polygons[0][0][0]); // [lon, lat] in the file
        Assert.Equal(2, zones[1].Polygons.Count);
    }

    [Theory]
    [InlineData("""{ "type": "Feature" }""", "top level must be a GeoJSON FeatureCollection")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "properties": {}, "geometry": {} } ] }""", "features[0].properties.name: every zone needs a non-empty name")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "properties": { "name": "A" }, "geometry": { "type": "Point", "coordinates": [1, 2] } } ] }""", "features[0].geometry.type: 'Point' is not Polygon or MultiPolygon")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "properties": { "name": "A" }, "geometry": { "type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]] } } ] }""", "coordinates[0]: a ring needs at least 4 positions and must end where it starts")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "properties": { "name": "A" }, "geometry": { "type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 95], [0, 0]]] } } ] }""", "coordinates[0][2]: [1, 95] is not a longitude, latitude pair in range")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "properties": { "name": "A" }, "geometry": { "type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]] } }, { "properties": { "name": "A" }, "geometry": { "type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]] } } ] }""", "zone name 'A' is used twice")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ """, "not valid JSON")]
    public void Read_Defect_NamesTheFeatureAndTheReason(string json, string expected)
    {
        var error = Assert.Throws<ZoneFileException>(() => GeoJsonZoneReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "z.geojson"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("z.geojson: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_Missing_IsAZoneFileError()
    {
        Assert.Throws<ZoneFileException>(() => GeoJsonZoneReader.ReadFile("/nonexistent/zones.geojson"));
    }
}
