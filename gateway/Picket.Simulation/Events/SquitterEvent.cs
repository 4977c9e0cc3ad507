using Picket.Simulation.Truth;

namespace Picket.Simulation.Events;

/// <summary>An ADS-B extended squitter received from a target, with the truth at transmission.</summary>
public sealed record SquitterEvent(long TimeMicroseconds) : SimulationEvent(TimeMicroseconds)
{
    /// <summary>The transmitting target.</summary>
    public required int TargetIndex { get; init; }

    /// <summary>Its ICAO address.</summary>
    public required int Icao { get; init; }

    /// <summary>Which message.</summary>
    public required SquitterKind Kind { get; init; }

    /// <summary>True position and velocity at transmission.</summary>
    public required TruthState State { get; init; }

    /// <summary>For positions: the odd CPR format (alternates with even).</summary>
    public bool OddFormat { get; init; }

    /// <summary>A bit (1-112) the channel flipped, or 0 when the message arrived intact.</summary>
    public int FlippedBit { get; init; }
}
