using Picket.Numerics;

namespace Picket.Tracking;

/// <summary>
/// When a measurement meets a filter: predicted to the measurement's time, or, for a measurement
/// up to <see cref="TrackerConfiguration.MaxLatenessMicroseconds"/> older than the estimate, used
/// at the estimate's time shifted along the velocity; later than that it is refused (counted).
/// </summary>
internal sealed class MeasurementTiming
{
    private readonly TrackerConfiguration _configuration;
    private readonly TrackerCounters _counters;

    /// <summary>Creates the role.</summary>
    /// <param name="configuration">The allowed lateness.</param>
    /// <param name="counters">Late measurements and saturations are counted here.</param>
    public MeasurementTiming(TrackerConfiguration configuration, TrackerCounters counters)
    {
        _configuration = configuration;
        _counters = counters;
    }

    // Predicts the filter to the measurement time; a measurement up to the allowed lateness
    // older than the estimate is used at the estimate's time (lateSeconds, Q31.32, to shift it by).
    // Counts a measurement too late to use.
    public bool PrepareFilter(Track track, long time, out long lateSeconds)
    {
        if (PredictOrLate(track.Filter, time, out lateSeconds))
        {
            return true;
        }

        _counters.LateMeasurements++;
        return false;
    }

    // PrepareFilter for any filter (the track's or the scratch copy); false (filter untouched)
    // when the measurement is later than the allowed lateness.
    public bool PredictOrLate(Filter.TrackFilter filter, long time, out long lateSeconds)
    {
        lateSeconds = 0;
        long late = filter.TimeMicroseconds - time;
        if (late <= 0)
        {
            filter.Predict(time);
            return true;
        }

        if (late > _configuration.MaxLatenessMicroseconds)
        {
            return false;
        }

        int saturations = 0;
        lateSeconds = Q31x32.FromMicroseconds(late, ref saturations);
        _counters.Saturations += saturations;
        return true;
    }
}
