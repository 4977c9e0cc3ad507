namespace Picket.Simulation.Events;

/// <summary>Which ADS-B extended squitter a transmitter sends (DO-260B type codes).</summary>
public enum SquitterKind
{
    /// <summary>Airborne position with barometric altitude (TC 9-18).</summary>
    AirbornePosition,

    /// <summary>Airborne velocity over ground (TC 19 subtype 1).</summary>
    Velocity,

    /// <summary>Identification and category (TC 1-4).</summary>
    Identification,

    /// <summary>Aircraft operational status, airborne (TC 31 subtype 0): announces NACp.</summary>
    OperationalStatus,
}
