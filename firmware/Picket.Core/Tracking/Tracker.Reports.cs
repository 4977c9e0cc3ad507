using Picket.Publishing;

namespace Picket.Tracking;

// Reports go through the reporter role (TrackReporter) at the tracker's data time.
public sealed partial class Tracker
{
    private void Report(Track track, TrackStatus status) => _reporter.Report(track, status, _nowMicroseconds);
}
