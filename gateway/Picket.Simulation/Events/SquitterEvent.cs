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

    /// <summary>A second flipped bit (beyond single-bit correction), or 0.</summary>
    public int SecondFlippedBit { get; init; }

    /// <summary>
    /// The position the transmitter sends (navigation noise, latency, a bad fix), or null when it
    /// sends the truth. Its height is geometric; <see cref="PressureAltitudeFeet"/> is what the altimeter reads.
    /// </summary>
    public Geodesy.GeoPosition? ReportedPosition { get; init; }

    /// <summary>Barometric altitude the transmitter reports, feet, or NaN when it equals the geometric height.</summary>
    public double PressureAltitudeFeet { get; init; } = double.NaN;

    /// <summary>Geometric minus barometric height for the velocity message's GNSS-baro difference (TC 19, bits 81-88), feet.</summary>
    public double GeometricMinusBarometricFeet { get; init; } = double.NaN;

    /// <summary>The NACp this transmitter announces (TC 31), or -1 when none.</summary>
    public int NacP { get; init; } = -1;
}
