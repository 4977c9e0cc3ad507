namespace Picket.Gateway.Zones;

/// <summary>
/// A protected zone as configured: a name and one or more polygons, each an outer ring followed
/// by its holes; every ring is closed (first vertex repeated last) and holds (latitude,
/// longitude) pairs in degrees.
/// </summary>
/// <param name="Name">The zone's name (the GeoJSON feature's <c>name</c> property).</param>
/// <param name="Polygons">Polygons; rings as arrays of vertices.</param>
public sealed record GeoZone(string Name, IReadOnlyList<IReadOnlyList<GeoVertex[]>> Polygons);
