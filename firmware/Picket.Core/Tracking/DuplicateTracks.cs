using Picket.Publishing;

namespace Picket.Tracking;

/// <summary>
/// Two primary-only tracks on one target. When two aircraft fly in company and one of them is
/// later fed by ADS-B (a transponder switched on in formation), or a plot the track did not take
/// started a second track beside it, the radar's one plot per scan is shared between two
/// primary-only tracks: each scan one of them takes it and the other is left without a plot,
/// though the plot was in its gate. Two real targets in company show themselves by two plots
/// in one scan, both tracks updated. Per pair (held on the younger track, the partner the older),
/// a scan in which one of them was left without a plot the other took adds one to the evidence;
/// a scan with both updated while contesting each other's plots sets it back to zero; the
/// evidence lapses when the pair has not met for <see cref="TrackerConfiguration.DuplicateEvidenceMemoryMicroseconds"/>.
/// At <see cref="TrackerConfiguration.DuplicateShadowedScans"/> the track left without the plot in
/// that scan is dropped silently into the one that took it, which keeps its id and takes the
/// dropped one's zone occupancy (no <c>lost</c> for a duplicate, no second <c>enter</c> for one
/// aircraft): a track that coasts beside the target while the other takes every plot has stopped
/// following it (transponder-masking tuning seed 63: the older track, 1 km off, survived, and the
/// intruder's own track was dropped). A tentative plot taker replaces no track: then the younger
/// ends. Tracks with an identity (ICAO address, Mode 3/A) or ADS-B are never merged here: a
/// cooperative track beside a non-cooperative one is the masking case, reported, never resolved
/// by merging.
/// </summary>
internal sealed class DuplicateTracks
{
    private readonly TrackerConfiguration _configuration;
    private readonly TrackTable _table;
    private readonly RadarSiteTable _radarSites;
    private readonly TrackerCounters _counters;

    /// <summary>Creates the role.</summary>
    /// <param name="configuration">The evidence needed and its memory.</param>
    /// <param name="table">Where the duplicate is dropped.</param>
    /// <param name="radarSites">Each radar's scan period (one count per scan).</param>
    /// <param name="counters">Merged tracks are counted here.</param>
    public DuplicateTracks(TrackerConfiguration configuration, TrackTable table, RadarSiteTable radarSites, TrackerCounters counters)
    {
        _configuration = configuration;
        _table = table;
        _radarSites = radarSites;
        _counters = counters;
    }

    // A primary-only track that may be one of a duplicate pair (the younger one may be tentative).
    private static bool IsPrimaryOnly(Track track) => track.InUse && track.PrimaryPlotsOnly;

    // One batch's outcome for a track with a plot of the other in its gate: shadowed when the
    // track took no plot in the batch, contested when it took one of its own. The plot went to other.
    public void Observe(Track track, Track other, bool shadowed, long now)
    {
        if (_configuration.DuplicateShadowedScans <= 0 || !IsPrimaryOnly(track) || !IsPrimaryOnly(other) || track == other)
        {
            return;
        }

        Track older = IsOlder(track, other) ? track : other;
        Track younger = older == track ? other : track;
        if (older.Status == TrackStatus.Tentative)
        {
            return;
        }

        bool known = younger.DuplicatePartnerId == older.TrackId && now - younger.DuplicateEvidenceMicroseconds <= _configuration.DuplicateEvidenceMemoryMicroseconds;
        if (!shadowed)
        {
            if (known)
            {
                younger.DuplicateEvidence = 0;
                younger.DuplicateEvidenceMicroseconds = now;
            }

            return;
        }

        // One count per scan: another shadowed batch less than three quarters of a scan after the
        // counted one (the same scan; the target's next plot comes a scan later) adds nothing.
        if (known && now - younger.DuplicateEvidenceMicroseconds < _radarSites.ScanPeriodOf(older, _configuration.ScanPeriodMicroseconds) * 3 / 4)
        {
            return;
        }

        younger.DuplicateEvidence = known ? younger.DuplicateEvidence + 1 : 1;
        younger.DuplicatePartnerId = older.TrackId;
        younger.DuplicateEvidenceMicroseconds = now;
        if (younger.DuplicateEvidence >= _configuration.DuplicateShadowedScans)
        {
            // The track left without the plot ends: it is the one that has stopped following
            // the target (a coasting track beside one that takes every plot). A tentative plot
            // taker does not replace a confirmed track: then the younger ends.
            if (other.Status == TrackStatus.Tentative)
            {
                Merge(younger, older, now);
            }
            else
            {
                Merge(track, other, now);
            }
        }
    }

    // The younger track ends in the older one: zone occupancy first (an entry the older track has
    // not made yet is the younger's, with its time), then a silent drop.
    private void Merge(Track duplicate, Track survivor, long now)
    {
        for (int zone = 0; zone < duplicate.Occupancy.Length; zone++)
        {
            if (!duplicate.Occupancy[zone].Inside)
            {
                continue;
            }

            if (!survivor.Occupancy[zone].Inside)
            {
                survivor.Occupancy[zone].Inside = true;
                survivor.Occupancy[zone].ConsecutiveSamples = 0;
                survivor.Occupancy[zone].EnteredMicroseconds = duplicate.Occupancy[zone].EnteredMicroseconds;
            }
            else if (duplicate.Occupancy[zone].EnteredMicroseconds < survivor.Occupancy[zone].EnteredMicroseconds)
            {
                survivor.Occupancy[zone].EnteredMicroseconds = duplicate.Occupancy[zone].EnteredMicroseconds;
            }

            duplicate.Occupancy[zone].Inside = false;
        }

        _counters.TracksMerged++;
        _table.Drop(duplicate, now);
    }

    private static bool IsOlder(Track first, Track second) =>
        first.BornMicroseconds < second.BornMicroseconds || (first.BornMicroseconds == second.BornMicroseconds && first.TrackId < second.TrackId);
}
