using System;

namespace Picket.Publishing;

/// <summary>
/// The kinds of sensor that have fed a track, as bit flags. Bit <c>n</c> stands for the
/// <c>picket.v1.Source</c> enum value <c>n</c>, so encoding is a loop over the bits.
/// </summary>
[Flags]
public enum TrackSources
{
    /// <summary>No source yet.</summary>
    None = 0,

    /// <summary>ADS-B extended squitter, TIS-B, ADS-R (<c>SOURCE_ADSB</c> = 1).</summary>
    Adsb = 1 << 1,

    /// <summary>Other Mode S replies, Comm-B included (<c>SOURCE_MODE_S</c> = 2).</summary>
    ModeS = 1 << 2,

    /// <summary>Primary radar plots (<c>SOURCE_RADAR_PSR</c> = 3).</summary>
    RadarPsr = 1 << 3,

    /// <summary>Secondary radar plots (<c>SOURCE_RADAR_SSR</c> = 4).</summary>
    RadarSsr = 1 << 4,

    /// <summary>NMEA ARPA target tracks (<c>SOURCE_ARPA</c> = 5).</summary>
    Arpa = 1 << 5,
}
