using Picket.Radar;
using Picket.Tracking.Life;

namespace Picket.Tracking;

// Track life by score: the initiation and confirmation role (TrackConfirmation).
public sealed partial class Tracker
{
    private TrackConfirmation _confirmation;
    private TrackDeletion _deletion;

    /// <summary>The clutter map the track score reads (learnt from plots no track claimed).</summary>
    public ClutterMap Clutter => _confirmation.Clutter;

    private void AllocateLife(TrackerConfiguration configuration)
    {
        _confirmation = new TrackConfirmation(configuration, Counters);
        _deletion = new TrackDeletion(configuration, _radarSites, _confirmation);
    }

    private bool UsesScore(Track track) => _confirmation.UsesScore(track);

    private void ScoreHit(Track track, ref RadarMeasurement measurement, bool started, bool newScan) => _confirmation.ScoreHit(track, ref measurement, started, newScan);

    private bool ScoreKeeps(Track track) => _confirmation.ScoreKeeps(track);

    private bool HasMoved(Track track, bool newScan) => _confirmation.HasMoved(track, newScan);

    private bool HasSignificantVelocity(Track track, bool newScan) => _confirmation.HasSignificantVelocity(track, newScan);
}
