namespace Picket.Gateway.Inputs;

/// <summary>What an input's bytes are.</summary>
public enum InputFormat
{
    /// <summary>Mode-S Beast binary (readsb/dump1090 port 30005, a Beast/Radarcape/GNS receiver's UART).</summary>
    Beast,

    /// <summary>AVR text, <c>*hex;</c> or <c>@timestamp hex;</c> lines (port 30002).</summary>
    Avr,

    /// <summary>SBS-1/BaseStation CSV lines (port 30003).</summary>
    Sbs,

    /// <summary>ASTERIX CAT034/CAT048 data blocks.</summary>
    Asterix,

    /// <summary>NMEA 0183 ARPA target sentences (TTM/TLL) from a marine radar.</summary>
    Nmea,
}
