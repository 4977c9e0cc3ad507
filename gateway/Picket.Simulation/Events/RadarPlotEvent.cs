namespace Picket.Simulation.Events;

/// <summary>
/// A radar plot as the radar reports it (noisy), with the truth it came from. A clutter plot
/// has <see cref="TargetIndex"/> -1.
/// </summary>
public sealed record RadarPlotEvent(long TimeMicroseconds) : SimulationEvent(TimeMicroseconds)
{
    /// <summary>The target that caused the plot, or -1 for clutter.</summary>
    public required int TargetIndex { get; init; }

    /// <summary>Measured slant range, metres.</summary>
    public required double SlantRangeMetres { get; init; }

    /// <summary>Measured azimuth, degrees clockwise from true north, 0 to 360.</summary>
    public required double AzimuthDegrees { get; init; }

    /// <summary>Measured height above the ellipsoid (3-D radar), or NaN.</summary>
    public double HeightMetres { get; init; } = double.NaN;

    /// <summary>True when the primary radar saw it.</summary>
    public bool Primary { get; init; } = true;

    /// <summary>True when the transponder replied (SSR/Mode S).</summary>
    public bool Secondary { get; init; }

    /// <summary>Mode 3/A code from the reply, or -1.</summary>
    public int Mode3A { get; init; } = -1;

    /// <summary>Mode C / Mode S pressure altitude from the reply, feet, or NaN.</summary>
    public double PressureAltitudeFeet { get; init; } = double.NaN;

    /// <summary>ICAO address from a Mode S reply, or 0.</summary>
    public int Icao { get; init; }

    /// <summary>Callsign from a Mode S reply, or null.</summary>
    public string? Callsign { get; init; }

    /// <summary>The true slant range, metres (evaluation only).</summary>
    public double TrueSlantRangeMetres { get; init; }

    /// <summary>The true azimuth, degrees (evaluation only).</summary>
    public double TrueAzimuthDegrees { get; init; }
}
