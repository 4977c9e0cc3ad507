namespace Picket.Simulation.Evaluation;

/// <summary>A protected zone in geographic coordinates: polygons, each an outer ring and holes.</summary>
/// <param name="Name">Zone name as the alerts carry it.</param>
/// <param name="Polygons">Each polygon's rings, first the outer one; each ring a closed list of (latitude, longitude) degrees.</param>
public sealed record EvaluationZone(string Name, IReadOnlyList<IReadOnlyList<(double Latitude, double Longitude)[]>> Polygons)
{
    /// <summary>
    /// True when the point is inside (even-odd rule over all rings, treating latitude and
    /// longitude as plane coordinates: exact enough for zones tens of kilometres wide and an
    /// evaluation tolerance of seconds).
    /// </summary>
    public bool Contains(double latitude, double longitude)
    {
        foreach (var polygon in Polygons)
        {
            var inside = false;
            foreach (var ring in polygon)
            {
                for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
                {
                    var (yi, xi) = ring[i];
                    var (yj, xj) = ring[j];
                    if ((yi > latitude) != (yj > latitude) && longitude < ((xj - xi) * (latitude - yi) / (yj - yi)) + xi)
                    {
                        inside = !inside;
                    }
                }
            }

            if (inside)
            {
                return true;
            }
        }

        return false;
    }
}
