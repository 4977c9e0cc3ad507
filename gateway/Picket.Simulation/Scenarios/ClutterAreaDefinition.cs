namespace Picket.Simulation.Scenarios;

/// <summary>
/// An area of persistent clutter in the radar's polar coverage (sea, a coast line, the mast's
/// near field): a mean number of false plots per scan, most of which come back scan after scan
/// at the same place with a small jitter.
/// </summary>
public sealed class ClutterAreaDefinition
{
    /// <summary>Name in reports, e.g. <c>sea</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>First azimuth of the sector, degrees clockwise from north.</summary>
    public double AzimuthFromDeg { get; set; }

    /// <summary>Last azimuth of the sector, degrees (may be below <see cref="AzimuthFromDeg"/> to wrap through north).</summary>
    public double AzimuthToDeg { get; set; } = 360;

    /// <summary>Nearest slant range, metres.</summary>
    public double RangeFromM { get; set; }

    /// <summary>Farthest slant range, metres.</summary>
    public double RangeToM { get; set; } = 5_000;

    /// <summary>Mean number of clutter plots in the area per scan.</summary>
    public double PlotsPerScan { get; set; }

    /// <summary>Probability that a clutter point of this scan recurs on the next one, 0 to 1 (0: redrawn every scan).</summary>
    public double Persistence { get; set; } = 0.9;

    /// <summary>One-sigma jitter of a recurring point, metres (range and cross-range).</summary>
    public double JitterM { get; set; } = 20;

    /// <summary>Height of the points for a 3-D radar, metres (sea and coast clutter sits low).</summary>
    public double HeightM { get; set; }
}
