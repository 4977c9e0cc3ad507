namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>One track of the reference tracker: a constant-velocity Kalman filter in the mast's east/north plane.</summary>
internal sealed class ReferenceTrack(long id, int zones)
{
    /// <summary>Track id.</summary>
    public long Id { get; } = id;

    /// <summary>State: east, velocity east, north, velocity north (m, m/s).</summary>
    public double[] X { get; } = new double[4];

    /// <summary>Covariance, row-major 4 × 4.</summary>
    public double[] P { get; } = new double[16];

    /// <summary>Time of the state, UTC microseconds.</summary>
    public long Time { get; set; }

    /// <summary>Time of the last measurement, UTC microseconds.</summary>
    public long LastUpdate { get; set; }

    /// <summary>Time of the last radar plot, UTC microseconds.</summary>
    public long LastRadarUpdate { get; set; } = long.MinValue;

    /// <summary>Measurements so far.</summary>
    public int Hits { get; set; }

    /// <summary>True once it has a velocity (two plots, or ADS-B velocity).</summary>
    public bool HasVelocity { get; set; }

    /// <summary>True once confirmed.</summary>
    public bool Confirmed { get; set; }

    /// <summary>ICAO address, or 0.</summary>
    public int Icao { get; set; }

    /// <summary>True once an identity (ICAO or Mode 3/A) was seen.</summary>
    public bool Cooperative { get; set; }

    /// <summary>Updates left with raised process noise.</summary>
    public int BoostLeft { get; set; }

    /// <summary>Last known height, metres, or NaN.</summary>
    public double HeightMetres { get; set; } = double.NaN;

    /// <summary>Per zone: the estimate was inside at the last check.</summary>
    public bool[] Inside { get; } = new bool[zones];
}
