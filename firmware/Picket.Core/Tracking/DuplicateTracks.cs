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
/// <para>
/// A primary-only track's aircraft may switch its transponder on: the radar then gives its plot
/// with an identity to the identified track, and the old primary-only track, left without a plot
/// of its own, coasts beside it and takes a neighbour's plots (transponder-masking: the masker's
/// old track took the intruder's). A primary-only track outside every zone that coincides with a
/// track the radar updated by identity (<see cref="TrackerConfiguration.IdentityShadowGateNis"/>)
/// in <see cref="TrackerConfiguration.IdentityShadowedScans"/> scans without a plot of its own
/// ends (counted as a possible masking on the identified track); and of a duplicate pair, the one
/// that coincides with an identified track is the one dropped. Inside a zone neither applies:
/// there a track the radar no longer sees ends by its misses and raises <c>lost</c>.
/// </para>
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
            bool trackCoincides = CoincidesWithIdentity(track, now);
            if (trackCoincides != CoincidesWithIdentity(other, now))
            {
                // One of the two coincides with an identified track: that one follows the
                // identified aircraft, and the other the primary-only target they shared.
                Merge(trackCoincides ? track : other, trackCoincides ? other : track, now);
            }
            else if (other.Status == TrackStatus.Tentative)
            {
                Merge(younger, older, now);
            }
            else
            {
                Merge(track, other, now);
            }
        }
    }

    // A primary-only track outside every zone and a track the radar updated by identity in this
    // batch (identified), their estimates coinciding or not. A scan in which they coincide and the
    // track took no plot of its own counts, once per scan (a scan the identified track missed
    // passes; the evidence lapses after two); a scan in which they do not coincide, or in which
    // the track took a plot, sets the count back to zero: a track that takes plots beside the
    // identified one has a target of its own. At IdentityShadowedScans the track ends (a plain
    // drop: no zone occupancy passes to the identified track) and the identified track counts a
    // possible masking.
    public void ObserveIdentityShadow(Track track, Track identified, bool coincide, long now)
    {
        if (!WatchesIdentityShadow(track))
        {
            return;
        }

        long scan = _radarSites.ScanPeriodOf(identified, _configuration.ScanPeriodMicroseconds);
        bool known = track.IdentityShadowPartnerId == identified.TrackId && now - track.IdentityShadowMicroseconds <= scan * 5 / 2;
        if (!coincide)
        {
            if (track.IdentityShadowPartnerId == identified.TrackId)
            {
                track.IdentityShadowScans = 0;
                track.IdentityCoincidenceMicroseconds = Track.NeverMicroseconds;
            }

            return;
        }

        if (!known)
        {
            track.IdentityShadowScans = 0;
        }

        track.IdentityShadowPartnerId = identified.TrackId;
        track.IdentityCoincidenceMicroseconds = now;
        if (track.LastRadarMicroseconds != Track.NeverMicroseconds && now - track.LastRadarMicroseconds < scan / 2)
        {
            track.IdentityShadowScans = 0;
            track.IdentityShadowMicroseconds = now;
            return;
        }

        if (track.IdentityShadowScans > 0 && now - track.IdentityShadowMicroseconds < scan * 3 / 4)
        {
            return;
        }

        track.IdentityShadowScans++;
        track.IdentityShadowMicroseconds = now;
        if (track.IdentityShadowScans >= _configuration.IdentityShadowedScans)
        {
            identified.PossibleMaskingCount++;
            _counters.TracksEndedBesideIdentity++;
            _table.Drop(track, now);
        }
    }

    // The tracks ObserveIdentityShadow looks at: primary-only, outside every zone, the rule on.
    public bool WatchesIdentityShadow(Track track) =>
        _configuration.IdentityShadowedScans > 0 && IsPrimaryOnly(track) && !track.IsInsideAnyZone;

    // True when the track coincided with an identified track in the last scan and a half.
    private bool CoincidesWithIdentity(Track track, long now) =>
        _configuration.IdentityShadowedScans > 0 && track.IdentityCoincidenceMicroseconds != Track.NeverMicroseconds
        && now - track.IdentityCoincidenceMicroseconds <= _radarSites.ScanPeriodOf(track, _configuration.ScanPeriodMicroseconds) * 3 / 2;

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
