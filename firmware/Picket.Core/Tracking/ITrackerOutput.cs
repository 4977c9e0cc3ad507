using Picket.Publishing;

namespace Picket.Tracking;

/// <summary>Where the tracker sends its reports and alerts (the publisher, a file, a test).</summary>
public interface ITrackerOutput
{
    /// <summary>A track's state: periodically, on status changes, and once <c>Dropped</c> at its end.</summary>
    /// <param name="report">The report; valid only during the call.</param>
    void OnTrackReport(ref TrackReport report);

    /// <summary>A zone entry or exit.</summary>
    /// <param name="alert">The alert; valid only during the call.</param>
    void OnZoneAlert(ref ZoneAlert alert);
}
