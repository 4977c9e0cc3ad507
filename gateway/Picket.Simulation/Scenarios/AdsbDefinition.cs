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

    /// <summary>Probability that a received message carries two flipped bits (beyond single-bit correction).</summary>
    public double TwoBitErrorProbability { get; set; }

    /// <summary>
    /// NACp every transmitter announces unless its target says otherwise (DO-260B 2.2.3.2.7.2.7),
    /// or null (the default) for positions equal to the truth. With it, the transmitted position
    /// carries Gaussian noise whose 95 % horizontal radius is the NACp's EPU bound, and the
    /// transmitter sends TC 31 operational status announcing it.
    /// </summary>
    public int? NacP { get; set; }

    /// <summary>Largest latency of a position: its time of applicability is earlier than transmission by a uniform draw up to this, seconds.</summary>
    public double MaximumLatencyS { get; set; }

    /// <summary>Probability that a transmitted position is wrong by <see cref="BadPositionOffsetM"/> (a failing navigator, a spoofer).</summary>
    public double BadPositionProbability { get; set; }

    /// <summary>How far a bad position is off, metres, in a random direction.</summary>
    public double BadPositionOffsetM { get; set; } = 5_000;

    /// <summary>Reception probability near the mast when it falls with range (1 - loss there), or null for the constant <see cref="LossProbability"/>.</summary>
    public double? ReceptionNear { get; set; }

    /// <summary>Reception probability at <see cref="MaxRangeM"/>, falling linearly from <see cref="ReceptionNear"/>.</summary>
    public double ReceptionFar { get; set; } = 0.35;

    /// <summary>Operational status (TC 31) messages per second when <see cref="NacP"/> is set (0.4 nominal airborne, DO-260B 2.2.3.3.1.4.6).</summary>
    public double OperationalStatusRateHz { get; set; } = 0.4;
}
