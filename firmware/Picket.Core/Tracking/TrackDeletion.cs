using Picket.Numerics;
using Picket.Publishing;

namespace Picket.Tracking;

/// <summary>
/// Deletion, once per housekeeping round: a track's missed detection opportunities (per the scan
/// period of the radar that feeds it, or the ADS-B opportunity interval, with half an interval of
/// grace), then the rule that ends it: the score (<see cref="TrackConfirmation"/>), or M-of-N for
/// a tentative track under the fixed rule; a confirmed track coasts from its first miss and ends
/// after <see cref="TrackerConfiguration.ConfirmedMaxMisses"/> (<see cref="TrackerConfiguration.AdsbConfirmedMaxMisses"/>
/// when its latest update was an ADS-B position; <see cref="TrackerConfiguration.ZoneHoldMisses"/>
/// more, and never by the score, for a radar track inside a zone) or when its predicted position
/// sigma passes <see cref="TrackerConfiguration.MaxPositionSigmaMetres"/>.
/// </summary>
internal sealed class TrackDeletion
{
    private readonly TrackerConfiguration _configuration;
    private readonly RadarSiteTable _radarSites;
    private readonly TrackConfirmation _confirmation;

    /// <summary>Creates the role.</summary>
    /// <param name="configuration">Miss limits, opportunity intervals and the uncertainty limit.</param>
    /// <param name="radarSites">Each radar's scan period.</param>
    /// <param name="confirmation">The score's side of deletion.</param>
    public TrackDeletion(TrackerConfiguration configuration, RadarSiteTable radarSites, TrackConfirmation confirmation)
    {
        _configuration = configuration;
        _radarSites = radarSites;
        _confirmation = confirmation;
    }

    // Returns false when the track must be dropped.
    public bool AdvanceLifeCycle(Track track, long now)
    {
        long scan = _radarSites.ScanPeriodOf(track, _configuration.ScanPeriodMicroseconds);
        bool radarOnly = track.LastAdsbPositionMicroseconds == Track.NeverMicroseconds;
        long interval = radarOnly ? scan : (_configuration.AdsbOpportunityMicroseconds > scan ? _configuration.AdsbOpportunityMicroseconds : scan);
        // Half an interval of grace: the next scan's plot may still be on its way (a plot exactly
        // one scan later is a hit, not a miss followed by a hit).
        long idle = now - track.LastUpdateMicroseconds - (interval / 2);
        track.Misses = idle <= 0 ? 0 : (int)(idle / interval);
        // Last fed by ADS-B (no radar plot since its last position): ADS-B's own, shorter coast.
        bool lastFedByAdsb = !radarOnly && track.LastAdsbPositionMicroseconds >= track.LastRadarMicroseconds;
        // A confirmed radar track inside a zone is held longer (ZoneHoldMisses): the score does
        // not end it, the miss cap is raised.
        bool held = _configuration.ZoneHoldMisses > 0 && track.Status != TrackStatus.Tentative && !lastFedByAdsb && track.IsInsideAnyZone;
        if (_confirmation.UsesScore(track))
        {
            if (!_confirmation.ScoreKeeps(track) && !held)
            {
                return false;
            }

            if (track.Status == TrackStatus.Tentative)
            {
                return true;
            }
        }
        else if (track.Status == TrackStatus.Tentative)
        {
            if (radarOnly && now - track.BornMicroseconds > scan / 2)
            {
                // M-of-N: drop as soon as the hits so far plus the scans left in the window can
                // no longer reach M. A scan counts as passed half a scan after its expected plot.
                long passed = 1 + ((now - track.BornMicroseconds - (scan / 2)) / scan);
                int window = track.Cooperative ? _configuration.CooperativeConfirmScans : _configuration.PrimaryConfirmScans;
                int needed = track.Cooperative ? _configuration.CooperativeConfirmHits : _configuration.PrimaryConfirmHits;
                if (track.RadarHits + (window - passed) < needed)
                {
                    return false;
                }
            }

            return track.Misses < _configuration.TentativeMaxMisses;
        }

        track.Status = track.Misses >= 1 ? TrackStatus.Coasting : TrackStatus.Confirmed;
        if (track.Misses > (lastFedByAdsb ? _configuration.AdsbConfirmedMaxMisses : _configuration.ConfirmedMaxMisses + (held ? _configuration.ZoneHoldMisses : 0)))
        {
            return false;
        }

        return TrackKinematics.PredictedPositionVariance(track, now) <= Q39x24.FromInteger((long)_configuration.MaxPositionSigmaMetres * _configuration.MaxPositionSigmaMetres);
    }
}
