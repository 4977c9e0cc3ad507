namespace Picket.Simulation.Scenarios;

/// <summary>The 1090 MHz receiver and what ADS-B transmitters send (DO-260B 2.2.3.3 nominal rates).</summary>
public sealed class AdsbDefinition
{
    /// <summary>Reception range, metres (line of sight permitting).</summary>
    public double MaxRangeM { get; set; } = 400_000;

    /// <summary>Airborne position squitters per second (2 nominal, alternating even/odd CPR).</summary>
    public double PositionRateHz { get; set; } = 2;

    /// <summary>Velocity squitters per second.</summary>
    public double VelocityRateHz { get; set; } = 2;

    /// <summary>Identification squitters per second (0.2 nominal).</summary>
    public double IdentificationRateHz { get; set; } = 0.2;

    /// <summary>Probability that a message is not received at all (garbling, fading).</summary>
    public double LossProbability { get; set; } = 0.1;

    /// <summary>Probability that a received message carries one flipped bit.</summary>
    public double BitErrorProbability { get; set; } = 0.01;
}
