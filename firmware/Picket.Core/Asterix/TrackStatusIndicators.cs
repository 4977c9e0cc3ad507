using System;

namespace Picket.Asterix;

/// <summary>The one-bit fields of I048/170 (first octet and first extension).</summary>
[Flags]
public enum TrackStatusIndicators
{
    /// <summary>No flag set.</summary>
    None = 0,

    /// <summary>CNF (bit 8) = 1: tentative track (0 is confirmed).</summary>
    Tentative = 1,

    /// <summary>DOU (bit 5): low confidence in plot-to-track association.</summary>
    Doubtful = 2,

    /// <summary>MAH (bit 4): horizontal manoeuvre sensed.</summary>
    Manoeuvre = 4,

    /// <summary>Extension TRE (bit 8): last report for this track.</summary>
    LastReport = 8,

    /// <summary>Extension GHO (bit 7): ghost target track.</summary>
    Ghost = 16,

    /// <summary>Extension SUP (bit 6): track maintained with information from the cluster network.</summary>
    ClusterNetwork = 32,

    /// <summary>Extension TCC (bit 5): slant-range correction applied (0 is radar plane).</summary>
    SlantCorrected = 64,
}
