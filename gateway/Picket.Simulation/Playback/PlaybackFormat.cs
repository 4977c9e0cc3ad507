namespace Picket.Simulation.Playback;

/// <summary>What a playback output writes.</summary>
public enum PlaybackFormat
{
    /// <summary>Mode-S Beast binary (the receiver's frames and the radar's Mode S replies), as readsb's port 30005.</summary>
    Beast,

    /// <summary>AVR raw text with 12 MHz timestamps (<c>@TTTTTTTTTTTTHEX;</c>), as readsb's port 30002.</summary>
    Avr,

    /// <summary>ASTERIX CAT034/CAT048 data blocks (the radar).</summary>
    Asterix,

    /// <summary>NMEA 0183 GGA and RMC once a second: the mast's GNSS receiver at the scenario's site.</summary>
    Nmea,
}
