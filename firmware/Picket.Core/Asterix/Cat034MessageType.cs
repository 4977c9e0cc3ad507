namespace Picket.Asterix;

/// <summary>I034/000 message type.</summary>
public enum Cat034MessageType
{
    /// <summary>0: not a value the specification defines.</summary>
    Undefined = 0,

    /// <summary>1: north marker message.</summary>
    NorthMarker = 1,

    /// <summary>2: sector crossing message.</summary>
    SectorCrossing = 2,

    /// <summary>3: geographical filtering message.</summary>
    GeographicalFiltering = 3,

    /// <summary>4: jamming strobe message.</summary>
    JammingStrobe = 4,

    /// <summary>5: solar storm message.</summary>
    SolarStorm = 5,

    /// <summary>6: SSR jamming strobe message.</summary>
    SsrJammingStrobe = 6,

    /// <summary>7: Mode S jamming strobe message.</summary>
    ModeSJammingStrobe = 7,
}
