namespace Picket.Radar;

/// <summary>Where a radar measurement came from; the tracker weighs ARPA tracks with larger noise.</summary>
public enum RadarMeasurementSource
{
    /// <summary>An ASTERIX CAT048 target report (plot, possibly with the radar's own track data).</summary>
    AsterixTargetReport = 0,

    /// <summary>An NMEA 0183 ARPA tracked target (<c>$--TTM</c>): already a track, smoothed by the radar.</summary>
    ArpaTrackedTarget = 1,
}
