using System.Globalization;
using System.Text;
using Picket.Cli;
using Picket.Gateway.Tracking;
using Picket.Geodesy;
using Picket.Numerics;
using Picket.Testing;

namespace Picket.Gateway.Zones;

/// <summary>
/// Issue 12, probe 1: zones that cannot lie. A zone far from the mast, across ±180°,
/// self-intersecting or without area is refused with the feature and the reason, never
/// projected into something that raises alerts elsewhere.
/// </summary>
public sealed class ZoneValidatorTests
{
    // The ulss7 receiver near St Petersburg (data README) and its antipode (-59.7, -149.4).
    private const string Ulss7Site = "59.7,30.6,0";
    private static readonly GeoSite s_mast = new(59.7, 30.6, 0);

    // A 2°×2° box centred on the antipode: every point of it is ≥ 19,7xx km from the mast
    // (π × 6,371 km = 20,015 km less at most ~1.4° of arc, 160 km).
    private const string AntipodeBox = """
        { "type": "FeatureCollection", "features": [
          { "type": "Feature", "properties": { "name": "Antipode" },
            "geometry": { "type": "Polygon", "coordinates": [
              [[-150.4, -60.7], [-148.4, -60.7], [-148.4, -58.7], [-150.4, -58.7], [-150.4, -60.7]] ] } } ] }
        """;

    [Fact]
    public void Read_AntipodeBoxWithTheMast_RefusedAsWhollyBeyondCoverage()
    {
        var error = Assert.Throws<ZoneFileException>(() => Read(AntipodeBox, s_mast));

        Assert.StartsWith("z.geojson: features[0]: zone 'Antipode' lies wholly beyond the mast's coverage", error.Message, StringComparison.Ordinal);
        Assert.Contains("within 2000 km", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_AntipodeBox_RefusedInsteadOfFoldedOntoTheMast()
    {
        // Before: the projection saturated at 2^31 m in every direction and the ring came back
        // as a circle about the mast, so aircraft over the mast were "in" the antipode zone.
        var zones = Read(AntipodeBox, mast: null);
        var saturations = 0;
        var plane = new MastPlane(Q2x61.FromDegreesE7(597_000_000, ref saturations), Q2x61.FromDegreesE7(306_000_000, ref saturations));

        var error = Assert.Throws<ZoneFileException>(() => Tracking.ZoneProjection.Project(zones, plane));

        Assert.Contains("zone 'Antipode' lies wholly beyond", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CoreProjection_AntipodeBox_FoldsAroundTheMast_WhichIsWhyItIsRefused()
    {
        // The hazard itself, in the unchanged core: every vertex saturates at 2^31 m, in all
        // directions, so the projected ring surrounds the mast and the mast is "inside".
        var saturations = 0;
        var plane = new MastPlane(Q2x61.FromDegreesE7(597_000_000, ref saturations), Q2x61.FromDegreesE7(306_000_000, ref saturations));
        long[] latitudes = [-607_000_000, -607_000_000, -587_000_000, -587_000_000, -607_000_000];
        long[] longitudes = [-1_504_000_000, -1_484_000_000, -1_484_000_000, -1_504_000_000, -1_504_000_000];

        var folded = Picket.Zones.ZoneProjection.Project(plane, latitudes, longitudes, [0], Tracking.ZoneProjection.MaximumEdgeMetres);

        Assert.True(folded.Contains(0, 0));
        Assert.True(folded.Contains(50_000_000, -30_000_000)); // 58 km from the mast
    }

    [Fact]
    public async Task Track_AntipodeZoneOverTheUlss7Capture_InputErrorNamingTheFeatureAndNoAlerts()
    {
        // The probe as it was run: before the fix this exited 0 with zone alerts for aircraft
        // within 200 km of the mast.
        var path = Path.Combine(Path.GetTempPath(), $"picket-antipode-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(path, AntipodeBox);
        try
        {
            using var output = new StringWriter(CultureInfo.InvariantCulture);
            using var error = new StringWriter(CultureInfo.InvariantCulture);
            var exit = await CommandLine.RunAsync(
                ["track", "--site", Ulss7Site, "--start", "2018-04-03T19:02:00Z", "--input", "beast:" + SharedData.PathOf("adsb/beast_ulss7_20180403.bin"), "--zones", path],
                TextReader.Null,
                output,
                error);

            Assert.Equal(CommandLine.InputError, exit);
            Assert.Contains("features[0]: zone 'Antipode' lies wholly beyond the mast's coverage", error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("zone", output.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_ZoneReachingBeyondCoverage_RefusedWithTheFarPointAndItsDistance()
    {
        // From the mast's meridian 25° south: 25° × 111.2 km = 2,780 km at the far edge.
        const string json = """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Near" }, "geometry": { "type": "Polygon", "coordinates": [[[30, 59], [31, 59], [31, 60], [30, 59]]] } },
              { "type": "Feature", "properties": { "name": "Long" }, "geometry": { "type": "Polygon", "coordinates": [[[30, 34.7], [31, 34.7], [31, 59], [30, 59], [30, 34.7]]] } } ] }
            """;

        var error = Assert.Throws<ZoneFileException>(() => Read(json, s_mast));

        Assert.StartsWith("z.geojson: features[1]: zone 'Long' reaches beyond the mast's coverage", error.Message, StringComparison.Ordinal);
        Assert.Contains("cut the zone to within 2000 km", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZoneAroundTheMastWithEveryVertexFarAway_Refused()
    {
        // The mast is inside, but the ring runs 40° of latitude away (4,400 km): the core
        // would fold it, so it is refused although its nearest point is the mast itself.
        const string json = """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Continent" }, "geometry": { "type": "Polygon", "coordinates": [[[-10, 20], [70, 20], [70, 80], [-10, 80], [-10, 20]]] } } ] }
            """;

        var error = Assert.Throws<ZoneFileException>(() => Read(json, s_mast));

        Assert.Contains("features[0]: zone 'Continent' reaches beyond the mast's coverage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZonesWithinCoverage_Accepted()
    {
        // 1,000-1,900 km away (Moscow to the Black Sea) and a box around the mast.
        const string json = """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Mast" }, "geometry": { "type": "Polygon", "coordinates": [[[30, 59.5], [31, 59.5], [31, 60], [30, 60], [30, 59.5]]] } },
              { "type": "Feature", "properties": { "name": "South" }, "geometry": { "type": "Polygon", "coordinates": [[[33, 45], [37, 45], [37, 50], [33, 50], [33, 45]]] } } ] }
            """;

        var zones = Read(json, s_mast);

        Assert.Equal(["Mast", "South"], zones.Select(z => z.Name));
    }

    [Fact]
    public void Read_RingAcrossTheAntimeridian_RefusedWithTheEdge()
    {
        // Meant as a 2° box across 180°; as GeoJSON it is a 358° band (RFC 7946 §3.1.9: cut it).
        const string json = """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Dateline" }, "geometry": { "type": "Polygon", "coordinates": [[[179, 0], [-179, 0], [-179, 1], [179, 1], [179, 0]]] } } ] }
            """;

        var error = Assert.Throws<ZoneFileException>(() => Read(json, mast: null));

        Assert.Equal("z.geojson: features[0]: zone 'Dateline' crosses ±180° longitude (edge from [179, 0] to [-179, 0]); split it at the antimeridian into a MultiPolygon (RFC 7946 §3.1.9)", error.Message);
    }

    [Fact]
    public void Read_ZoneSplitAtTheAntimeridian_AcceptedForAMastBesideIt()
    {
        const string json = """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Dateline" }, "geometry": { "type": "MultiPolygon", "coordinates": [
                [[[179, 0], [180, 0], [180, 1], [179, 1], [179, 0]]],
                [[[-180, 0], [-179, 0], [-179, 1], [-180, 1], [-180, 0]]] ] } } ] }
            """;

        var zones = Read(json, new GeoSite(0.5, 179.9, 0));

        Assert.Equal(2, zones[0].Polygons.Count);
    }

    [Theory]
    [InlineData("[[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]", "is not a valid polygon: Self-intersection at [0.5, 0.5]")]
    [InlineData("[[[0, 0], [1, 0], [2, 0], [0, 0]]]", "is not a valid polygon")]
    [InlineData("[[[0, 0], [1, 0], [1, 0], [0, 0]]]", "is not a valid polygon")]
    [InlineData("[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], [[2, 2], [3, 2], [3, 3], [2, 2]]]", "is not a valid polygon: Hole lies outside shell")]
    public void Read_InvalidOrZeroAreaPolygon_RefusedNamingTheFeature(string rings, string expected)
    {
        var json = $$"""
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Good" }, "geometry": { "type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
              { "type": "Feature", "properties": { "name": "Bad" }, "geometry": { "type": "Polygon", "coordinates": {{rings}} } } ] }
            """;

        var error = Assert.Throws<ZoneFileException>(() => Read(json, mast: null));

        Assert.StartsWith("z.geojson: features[1]: zone 'Bad' ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OverlappingMultiPolygonParts_Refused()
    {
        // Even-odd would make the overlap a hole; GeoJSON forbids the overlap instead.
        const string json = """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Twice" }, "geometry": { "type": "MultiPolygon", "coordinates": [
                [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]],
                [[[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]] ] } } ] }
            """;

        var error = Assert.Throws<ZoneFileException>(() => Read(json, mast: null));

        Assert.StartsWith("z.geojson: features[0]: zone 'Twice' is not a valid polygon", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GreatCircleMetres_QuarterMeridianAndAntipode_MatchTheSphere()
    {
        // Hand calculation on the 6,371,008.8 m sphere: π R / 2 and π R.
        Assert.Equal(10_007_557, ZoneValidator.GreatCircleMetres(0, 0, 90, 0), 0);
        Assert.Equal(20_015_114, ZoneValidator.GreatCircleMetres(59.7, 30.6, -59.7, -149.4), 0);
    }

    private static IReadOnlyList<GeoZone> Read(string json, GeoSite? mast) =>
        GeoJsonZoneReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "z.geojson", mast);
}
