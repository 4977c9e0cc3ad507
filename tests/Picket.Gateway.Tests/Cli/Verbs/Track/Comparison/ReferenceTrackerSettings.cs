namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>The plain reference tracker's few settings (issue 9's description), double precision.</summary>
internal sealed record ReferenceTrackerSettings
{
    /// <summary>Radar scan period, seconds (deletion counts missed scans in it).</summary>
    public double ScanPeriodSeconds { get; init; } = 4;

    /// <summary>Assumed radar range noise, one sigma, metres (the tracker's data sheet, as Picket's).</summary>
    public double RadarSigmaRangeMetres { get; init; } = Picket.Simulation.Scenarios.ScenarioRunner.NominalRadarSigmaRangeMetres;

    /// <summary>Assumed radar azimuth noise, one sigma, degrees.</summary>
    public double RadarSigmaAzimuthDegrees { get; init; } = Picket.Simulation.Scenarios.ScenarioRunner.NominalRadarSigmaAzimuthDegrees;

    /// <summary>White-acceleration process noise of the constant-velocity model, one sigma, m/s^2.</summary>
    public double AccelerationSigma { get; init; } = 2;

    /// <summary>Process noise variance factor after a 3-sigma innovation.</summary>
    public double ManoeuvreBoost { get; init; } = 20;

    /// <summary>Updates the boost lasts.</summary>
    public int ManoeuvreBoostUpdates { get; init; } = 3;

    /// <summary>Mahalanobis gate on the 2-D position innovation (chi-square, 2 degrees of freedom, 99.9 %).</summary>
    public double GateChiSquare { get; init; } = 13.8;

    /// <summary>Fastest target a one-plot track may be, m/s (the second plot's gate).</summary>
    public double MaximumSpeed { get; init; } = 350;

    /// <summary>Hits that confirm a track.</summary>
    public int ConfirmationHits { get; init; } = 3;

    /// <summary>Missed scans that delete a track.</summary>
    public int MissedScansToDelete { get; init; } = 3;

    /// <summary>ADS-B velocity noise, one sigma per axis, m/s (NACv 2: under 3 m/s at 95 %).</summary>
    public double AdsbVelocitySigma { get; init; } = 1.5;
}
