using Picket.Simulation.Geodesy;

namespace Picket.Simulation.Evaluation;

/// <summary>One track's reported state, as the evaluator receives it from the tracker's output.</summary>
public readonly record struct TrackEstimate
{
    /// <summary>Time of the estimate, microseconds after the scenario start.</summary>
    public required long TimeMicroseconds { get; init; }

    /// <summary>Track id.</summary>
    public required long TrackId { get; init; }

    /// <summary>Estimated position.</summary>
    public required GeoPosition Position { get; init; }

    /// <summary>
    /// Estimated velocity east at <see cref="Position"/>, m/s: the track's own east/north frame,
    /// as ADS-B and Picket's reports give it, not the site's.
    /// </summary>
    public double VelocityEast { get; init; }

    /// <summary>Estimated velocity north at <see cref="Position"/>, m/s.</summary>
    public double VelocityNorth { get; init; }

    /// <summary>One-sigma position error east, metres (NaN when unknown).</summary>
    public double SigmaEast { get; init; }

    /// <summary>One-sigma position error north, metres.</summary>
    public double SigmaNorth { get; init; }

    /// <summary>East-north correlation coefficient.</summary>
    public double Correlation { get; init; }

    /// <summary>True once the tracker has confirmed the track.</summary>
    public bool Confirmed { get; init; }

    /// <summary>True for the track's final (dropped) report.</summary>
    public bool Dropped { get; init; }
}
