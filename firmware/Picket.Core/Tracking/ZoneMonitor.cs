using Picket.Zones;

namespace Picket.Tracking;

/// <summary>
/// The zone monitor: follows each track's own estimate against every protected zone through the
/// hysteresis (<see cref="ZoneHysteresis"/>: a margin beyond the boundary and a dwell) and raises
/// the alerts. Its rules: <see cref="ZoneAlertEvent.Enter"/> when the estimate crosses in; an
/// <see cref="ZoneAlertEvent.Exit"/> only when a freshly updated estimate crosses out (never a
/// coasting extrapolation); <see cref="ZoneAlertEvent.Lost"/> when a track ends inside. Alerts
/// carry the data time they are raised at, never back-dated.
/// </summary>
public sealed class ZoneMonitor
{
    private readonly ZoneGeometry[] _zones;
    private readonly string[] _names;
    private readonly ZoneHysteresis _hysteresis;
    private readonly ITrackerOutput _output;
    private readonly TrackerCounters _counters;
    private readonly long _minimumEnterMarginMillimetres;
    private readonly int _enterMarginSigmas;
    private readonly long _enterMarginTravelMilliseconds;
    private readonly long _minimumSampleIntervalMicroseconds;
    private ZoneAlert _alert;

    /// <summary>Creates the monitor.</summary>
    /// <param name="zones">Protected zones in plane millimetres (an empty array for none).</param>
    /// <param name="names">Their names, same length.</param>
    /// <param name="marginMillimetres">Hysteresis margin beyond the boundary, mm.</param>
    /// <param name="dwellSamples">Consecutive samples beyond the margin that change a zone state.</param>
    /// <param name="minimumEnterMarginMillimetres">Smallest margin inside the zone that counts towards an entry, mm.</param>
    /// <param name="enterMarginSigmas">Entry margin in the track's position sigmas (between the minimum and <paramref name="marginMillimetres"/>).</param>
    /// <param name="enterMarginTravelMilliseconds">The entry margin is at most the distance the track flies in this time, ms.</param>
    /// <param name="output">Receives the alerts.</param>
    /// <param name="counters">Counts the alerts.</param>
    public ZoneMonitor(ZoneGeometry[] zones, string[] names, long marginMillimetres, int dwellSamples, long minimumEnterMarginMillimetres, int enterMarginSigmas, long enterMarginTravelMilliseconds, ITrackerOutput output, TrackerCounters counters)
        : this(zones, names, marginMillimetres, dwellSamples, minimumEnterMarginMillimetres, enterMarginSigmas, enterMarginTravelMilliseconds, 0, output, counters)
    {
    }

    /// <summary>Creates the monitor, samples counting only when spaced in time.</summary>
    /// <param name="zones">Protected zones in plane millimetres (an empty array for none).</param>
    /// <param name="names">Their names, same length.</param>
    /// <param name="marginMillimetres">Hysteresis margin beyond the boundary, mm.</param>
    /// <param name="dwellSamples">Consecutive samples beyond the margin that change a zone state.</param>
    /// <param name="minimumEnterMarginMillimetres">Smallest margin inside the zone that counts towards an entry, mm.</param>
    /// <param name="enterMarginSigmas">Entry margin in the track's position sigmas (between the minimum and <paramref name="marginMillimetres"/>).</param>
    /// <param name="enterMarginTravelMilliseconds">The entry margin is at most the distance the track flies in this time, ms.</param>
    /// <param name="minimumSampleIntervalMicroseconds">A sample counts only this long after the track's previous counted one, µs (0: every sample counts).</param>
    /// <param name="output">Receives the alerts.</param>
    /// <param name="counters">Counts the alerts.</param>
    public ZoneMonitor(ZoneGeometry[] zones, string[] names, long marginMillimetres, int dwellSamples, long minimumEnterMarginMillimetres, int enterMarginSigmas, long enterMarginTravelMilliseconds, long minimumSampleIntervalMicroseconds, ITrackerOutput output, TrackerCounters counters)
    {
        if (zones == null || names == null || output == null || counters == null)
        {
            throw new System.ArgumentNullException(nameof(zones), "Zones, names, output and counters are all required.");
        }

        if (names.Length != zones.Length)
        {
            throw new System.ArgumentException("One name per zone is needed.", nameof(names));
        }

        _zones = zones;
        _names = names;
        _hysteresis = new ZoneHysteresis(marginMillimetres, dwellSamples);
        _output = output;
        _counters = counters;
        _minimumEnterMarginMillimetres = minimumEnterMarginMillimetres;
        _enterMarginSigmas = enterMarginSigmas;
        _enterMarginTravelMilliseconds = enterMarginTravelMilliseconds;
        _minimumSampleIntervalMicroseconds = minimumSampleIntervalMicroseconds;
    }

    /// <summary>
    /// Exit margin in the track's position sigmas when that is beyond the fixed margin (0: the
    /// fixed margin alone): an exit is declared only from an estimate that many sigmas outside.
    /// </summary>
    public int ExitMarginSigmas { get; set; }

    /// <summary>
    /// A sample taken at the radar plot that just updated a track, inside a zone beyond the entry
    /// margin and still inside by it when flown on for the entry lead, enters at once instead of
    /// after the dwell (<see cref="TrackerConfiguration.ZoneEnterHeadingInAtPlot"/>).
    /// </summary>
    public bool EnterHeadingInAtPlot { get; set; }

    /// <summary>Zones watched.</summary>
    public int Count => _zones.Length;

    /// <summary>
    /// One sample of a track's estimate (predicted to <paramref name="timeMicroseconds"/>); while a
    /// change is pending (a dwell part-way), ignored when it comes sooner than the minimum sample
    /// interval after the sample that last counted towards it.
    /// </summary>
    /// <param name="track">The track (its <see cref="Track.Occupancy"/> is updated).</param>
    /// <param name="eastMillimetres">Estimated plane east, mm.</param>
    /// <param name="northMillimetres">Estimated plane north, mm.</param>
    /// <param name="timeMicroseconds">Data time of the sample, UTC µs.</param>
    /// <param name="sigmaMillimetres">The estimate's horizontal position one-sigma (larger axis), mm: an entry needs the estimate that many sigmas (configured) inside, between the minimum and the full margin.</param>
    /// <param name="speedMillimetresPerSecond">The track's speed, mm/s: the entry margin is no deeper than it flies in the configured time (a slow target's wide sigma must not hold its alert for seconds).</param>
    /// <param name="fresh">True when the estimate rests on a measurement of the current opportunity (no miss): only then may an exit be declared.</param>
    public void Sample(Track track, long eastMillimetres, long northMillimetres, long timeMicroseconds, long sigmaMillimetres, long speedMillimetresPerSecond, bool fresh) =>
        Sample(track, eastMillimetres, northMillimetres, timeMicroseconds, sigmaMillimetres, speedMillimetresPerSecond, fresh, eastMillimetres, northMillimetres, false);

    /// <summary>
    /// One sample of a track's estimate, as <see cref="Sample(Track, long, long, long, long, long, bool)"/>,
    /// with where the estimate will be if it flies on for the entry lead: a sample inside a zone
    /// counts towards the entry at the smallest entry margin when that point is inside it by the
    /// whole entry margin (a track heading in); a track flying along the boundary or out of the
    /// zone gets no such relief.
    /// </summary>
    /// <param name="track">The track (its <see cref="Track.Occupancy"/> is updated).</param>
    /// <param name="eastMillimetres">Estimated plane east, mm.</param>
    /// <param name="northMillimetres">Estimated plane north, mm.</param>
    /// <param name="timeMicroseconds">Data time of the sample, UTC µs.</param>
    /// <param name="sigmaMillimetres">The estimate's horizontal position one-sigma (larger axis), mm.</param>
    /// <param name="speedMillimetresPerSecond">The track's speed, mm/s.</param>
    /// <param name="fresh">True when the estimate rests on a measurement of the current opportunity (no miss).</param>
    /// <param name="leadEastMillimetres">The estimate moved along its velocity for the entry lead, plane east, mm.</param>
    /// <param name="leadNorthMillimetres">The same, plane north, mm.</param>
    /// <param name="atPlot">True when the sample is taken at the radar plot that just updated the track (no ADS-B feeds it): with <see cref="EnterHeadingInAtPlot"/>, a track that stays inside when flown on enters at once.</param>
    public void Sample(Track track, long eastMillimetres, long northMillimetres, long timeMicroseconds, long sigmaMillimetres, long speedMillimetresPerSecond, bool fresh, long leadEastMillimetres, long leadNorthMillimetres, bool atPlot)
    {
        // The interval spaces the samples of a dwell: a sample that leaves no change pending (one
        // outside a zone the track is outside of, one inside within the margin) holds nothing back,
        // so the next may come at once and be the first of a dwell.
        if (HasPendingChange(track) && timeMicroseconds - track.LastZoneSampleMicroseconds < _minimumSampleIntervalMicroseconds)
        {
            return;
        }

        long enterMargin = sigmaMillimetres * _enterMarginSigmas;
        long travelled = speedMillimetresPerSecond * _enterMarginTravelMilliseconds / 1000;
        if (travelled < enterMargin)
        {
            enterMargin = travelled;
        }

        if (enterMargin < _minimumEnterMarginMillimetres)
        {
            enterMargin = _minimumEnterMarginMillimetres;
        }

        for (int zone = 0; zone < _zones.Length; zone++)
        {
            if (!fresh && track.Occupancy[zone].Inside)
            {
                continue;
            }

            int before = track.Occupancy[zone].ConsecutiveSamples;
            long zoneEnterMargin = enterMargin;
            if (!track.Occupancy[zone].Inside && enterMargin > _minimumEnterMarginMillimetres && IsHeadingIn(_zones[zone], eastMillimetres, northMillimetres, leadEastMillimetres, leadNorthMillimetres, enterMargin))
            {
                zoneEnterMargin = _minimumEnterMarginMillimetres;
            }

            // A plot just put the track beyond its entry margin, and flown on it stays there: the
            // dwell's next sample would be this estimate flown on, with no new evidence until the
            // next plot; it would only hold the alert back. One flying out keeps the dwell.
            if (EnterHeadingInAtPlot && atPlot && !track.Occupancy[zone].Inside && _zones[zone].Contains(eastMillimetres, northMillimetres)
                && _zones[zone].DistanceToBoundary(eastMillimetres, northMillimetres) >= zoneEnterMargin
                && IsHeadingIn(_zones[zone], eastMillimetres, northMillimetres, leadEastMillimetres, leadNorthMillimetres, zoneEnterMargin))
            {
                track.Occupancy[zone].ConsecutiveSamples = _hysteresis.DwellSamples - 1;
            }

            ZoneTransition transition = _hysteresis.Update(ref track.Occupancy[zone], _zones[zone], eastMillimetres, northMillimetres, timeMicroseconds, zoneEnterMargin, sigmaMillimetres * ExitMarginSigmas, out long duration);
            if (transition != ZoneTransition.None)
            {
                Raise(track, zone, transition == ZoneTransition.Enter ? ZoneAlertEvent.Enter : ZoneAlertEvent.Exit, timeMicroseconds, duration);
            }

            if (transition != ZoneTransition.None || track.Occupancy[zone].ConsecutiveSamples != before)
            {
                track.LastZoneSampleMicroseconds = timeMicroseconds;
            }
        }
    }

    // The estimate flown on for the entry lead is inside the zone by the whole entry margin.
    private static bool IsHeadingIn(ZoneGeometry zone, long east, long north, long leadEast, long leadNorth, long enterMargin) =>
        (leadEast != east || leadNorth != north) && zone.Contains(leadEast, leadNorth) && zone.DistanceToBoundary(leadEast, leadNorth) >= enterMargin;

    /// <summary>True while a change of some zone is pending for the track (a dwell part-way).</summary>
    /// <param name="track">The track.</param>
    /// <returns>Whether any zone's occupancy has samples towards a change.</returns>
    internal static bool HasPendingChange(Track track)
    {
        for (int zone = 0; zone < track.Occupancy.Length; zone++)
        {
            if (track.Occupancy[zone].ConsecutiveSamples > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A track was just confirmed: it crossed no boundary it could flap on, and confirmation
    /// already gave the persistence the dwell stands for, so its next sample decides at once.
    /// </summary>
    /// <param name="track">The track.</param>
    public void Confirmed(Track track)
    {
        for (int zone = 0; zone < _zones.Length; zone++)
        {
            track.Occupancy[zone].ConsecutiveSamples = _hysteresis.DwellSamples - 1;
        }
    }

    /// <summary>A track ends (dropped): every zone it is inside raises <see cref="ZoneAlertEvent.Lost"/>.</summary>
    /// <param name="track">The track.</param>
    /// <param name="timeMicroseconds">Data time of the drop, UTC µs.</param>
    public void Ended(Track track, long timeMicroseconds)
    {
        for (int zone = 0; zone < _zones.Length; zone++)
        {
            if (track.Occupancy[zone].Inside)
            {
                Raise(track, zone, ZoneAlertEvent.Lost, timeMicroseconds, timeMicroseconds - track.Occupancy[zone].EnteredMicroseconds);
                track.Occupancy[zone].Inside = false;
            }
        }
    }

    private void Raise(Track track, int zone, ZoneAlertEvent zoneEvent, long timeMicroseconds, long durationMicroseconds)
    {
        _alert.TimeUnixMicroseconds = timeMicroseconds;
        _alert.TrackId = track.TrackId;
        _alert.ZoneIndex = zone;
        _alert.ZoneName = _names[zone];
        _alert.Event = zoneEvent;
        _alert.Cooperative = track.Cooperative;
        _alert.HasIcaoAddress = track.HasIcaoAddress;
        _alert.IcaoAddress = track.IcaoAddress;
        _alert.Callsign = track.Callsign;
        _alert.HasMode3A = track.HasMode3A;
        _alert.Mode3A = track.Mode3A;
        _alert.DurationMicroseconds = zoneEvent == ZoneAlertEvent.Enter ? 0 : durationMicroseconds;
        _counters.Alerts++;
        _output.OnZoneAlert(ref _alert);
    }
}
