namespace Picket.Simulation.Evaluation;

/// <summary>How a tracker's output is scored against truth.</summary>
public sealed class EvaluationOptions
{
    /// <summary>GOSPA cut-off c, metres (1,000 for aircraft; 200 for drones).</summary>
    public double CutoffMetres { get; set; } = 1_000;

    /// <summary>
    /// A track's latest confirmed/coasting report is carried forward at most this long to an
    /// evaluation instant, microseconds (5 s, as the independent evaluation of issue 9 does).
    /// </summary>
    public long MaximumReportAgeMicroseconds { get; set; } = 5_000_000;

    /// <summary>A truth counts as trackable from its first detection until this long after its last one, microseconds.</summary>
    public long TrackableAfterLastDetectionMicroseconds { get; set; } = 10_000_000;

    /// <summary>An alert counts as false when its truth was outside the zone for this long on both sides, microseconds.</summary>
    public long AlertToleranceMicroseconds { get; set; } = 30_000_000;

    /// <summary>
    /// Zone entries and exits are found on the truth between its samples too, this often,
    /// microseconds (50 ms; 0: at the samples alone). Truth is sampled every second, so a target
    /// clipping a zone's corner between two samples was never inside, an entry was dated up to a
    /// second late (every time to alert up to a second short), and an exit in the scene's last
    /// second, after its last sample, was not seen.
    /// </summary>
    public long ZoneSampleIntervalMicroseconds { get; set; } = 50_000;
}
