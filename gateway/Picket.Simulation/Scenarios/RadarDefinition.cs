namespace Picket.Simulation.Scenarios;

/// <summary>A rotating surveillance radar.</summary>
public sealed class RadarDefinition
{
    /// <summary>ASTERIX system area code.</summary>
    public int Sac { get; set; } = 25;

    /// <summary>ASTERIX system identification code.</summary>
    public int Sic { get; set; } = 1;

    /// <summary>Where the antenna is; the site when null.</summary>
    public PositionDefinition? Position { get; set; }

    /// <summary>Antenna rotation period, seconds (typically 4 to 12).</summary>
    public double ScanPeriodS { get; set; } = 4;

    /// <summary>Instrumented range, metres.</summary>
    public double MaxRangeM { get; set; } = 150_000;

    /// <summary>One-sigma range error, metres.</summary>
    public double SigmaRangeM { get; set; } = 50;

    /// <summary>One-sigma azimuth error, degrees.</summary>
    public double SigmaAzimuthDeg { get; set; } = 0.1;

    /// <summary>Probability of detecting a target in the beam, 0 to 1.</summary>
    public double DetectionProbability { get; set; } = 0.9;

    /// <summary>Mean number of false plots per scan (Poisson), uniform over the coverage.</summary>
    public double ClutterPerScan { get; set; }

    /// <summary>True for a 3-D radar that measures height (ASTERIX I048/110).</summary>
    public bool MeasuresHeight { get; set; }

    /// <summary>One-sigma height error of a 3-D radar, metres.</summary>
    public double SigmaHeightM { get; set; } = 300;

    /// <summary>True when the radar also interrogates transponders (SSR/Mode S): cooperative targets report Mode 3/A, Mode C and ICAO address.</summary>
    public bool Secondary { get; set; } = true;

    /// <summary>
    /// Range at which <see cref="DetectionProbability"/> holds when Pd falls with range, metres;
    /// null (the default) keeps Pd constant. With it, SNR follows the radar equation (r^-4) and Pd
    /// the Swerling-1 law Pd = Pfa^(1/(1+SNR)) (Skolnik, Radar Handbook, 3rd ed., 2.11).
    /// </summary>
    public double? PdReferenceRangeM { get; set; }

    /// <summary>Probability of false alarm of the detector, for the Swerling-1 law above.</summary>
    public double FalseAlarmProbability { get; set; } = 1e-6;

    /// <summary>Fixed azimuth bias of the radar (north alignment error), degrees, added to every plot.</summary>
    public double AzimuthBiasDeg { get; set; }

    /// <summary>Lowest height of uniform clutter plots of a 3-D radar, metres.</summary>
    public double ClutterMinimumHeightM { get; set; }

    /// <summary>Highest height of uniform clutter plots of a 3-D radar, metres (0: clutter has no height).</summary>
    public double ClutterMaximumHeightM { get; set; }

    /// <summary>Areas of persistent, concentrated clutter (sea, coast, near the mast), on top of the uniform clutter.</summary>
    public IList<ClutterAreaDefinition> ClutterAreas { get; set; } = [];

    /// <summary>Lowest elevation the antenna sees, degrees (terrain and beam shape); targets below it are not detected.</summary>
    public double MinimumElevationDeg { get; set; } = -0.5;
}
