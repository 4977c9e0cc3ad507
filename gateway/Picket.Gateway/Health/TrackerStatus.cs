namespace Picket.Gateway.Health;

/// <summary>The tracker's counters (the core's TrackerCounters).</summary>
public sealed record TrackerStatus
{
    /// <summary>Tracks alive now.</summary>
    public required int LiveTracks { get; init; }

    /// <summary>Tracks started since start.</summary>
    public required long TracksStartedTotal { get; init; }

    /// <summary>Tracks confirmed since start.</summary>
    public required long TracksConfirmedTotal { get; init; }

    /// <summary>Radar plots processed.</summary>
    public required long RadarPlotsTotal { get; init; }

    /// <summary>Mode S observations processed.</summary>
    public required long ModeSObservationsTotal { get; init; }

    /// <summary>Measurements older than the tracker's time, skipped.</summary>
    public required long LateMeasurementsTotal { get; init; }

    /// <summary>Fixed-point saturations (a value clamped at its type's range).</summary>
    public required long SaturationsTotal { get; init; }

    /// <summary>Zone alerts raised.</summary>
    public required long AlertsTotal { get; init; }

    /// <summary>Track updates published (after thinning).</summary>
    public required long UpdatesPublishedTotal { get; init; }
}
