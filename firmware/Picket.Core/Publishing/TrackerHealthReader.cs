using Picket.Tracking;

namespace Picket.Publishing;

/// <summary>Fills a <see cref="TrackerHealthReport"/> from a running <see cref="Tracker"/> (no allocation).</summary>
public static class TrackerHealthReader
{
    /// <summary>Copies the tracker's table state and counters into <paramref name="report"/>.</summary>
    /// <param name="tracker">The tracker.</param>
    /// <param name="report">Receives live and confirmed (coasting included) track counts and the counters.</param>
    public static void Read(Tracker tracker, ref TrackerHealthReport report)
    {
        if (tracker == null)
        {
            throw new System.ArgumentNullException(nameof(tracker));
        }

        uint live = 0;
        uint confirmed = 0;
        Track[] tracks = tracker.Tracks;
        for (int i = 0; i < tracks.Length; i++)
        {
            if (!tracks[i].InUse)
            {
                continue;
            }

            live++;
            if (tracks[i].Status == TrackStatus.Confirmed || tracks[i].Status == TrackStatus.Coasting)
            {
                confirmed++;
            }
        }

        TrackerCounters counters = tracker.Counters;
        report.LiveTracks = live;
        report.ConfirmedTracks = confirmed;
        report.TracksStarted = counters.TracksStarted;
        report.TracksDropped = counters.TracksDropped;
        report.RadarPlots = counters.RadarPlots;
        report.ModeSObservations = counters.ModeSObservations;
        report.LateMeasurements = counters.LateMeasurements;
        report.Saturations = counters.Saturations;
        report.Alerts = counters.Alerts;
    }
}
