using Picket.Radar;
using Picket.Tracking.Filter;

namespace Picket.Tracking;

/// <summary>
/// Radar identity association: a plot's Mode S address, callsign or Mode 3/A (with Mode C) names
/// a track, within an identity gate wider than the kinematic one
/// (<see cref="TrackerConfiguration.RadarIdentityGateNis"/>); the same identity outside the gate
/// scan after scan restarts the track there. <see cref="IdentityConflict"/> keeps plots off
/// tracks that identify as someone else in the kinematic association. Plots are addressed by
/// their index in the tracker's batch; <c>taken</c> (per track slot) and <c>gated</c> (per plot)
/// are shared with the tracker's kinematic association.
/// </summary>
internal sealed class RadarIdentityGate
{
    private readonly TrackerConfiguration _configuration;
    private readonly Track[] _tracks;
    private readonly RadarMeasurement[] _plots;
    private readonly PlotGeometry[] _geometry;
    private readonly bool[] _taken;
    private readonly bool[] _gated;
    private readonly TrackFilter _scratch;
    private readonly TrackTable _table;
    private readonly RadarSiteTable _radarSites;
    private readonly CoarseGate _coarseGate;
    private readonly RadarUpdater _radarUpdater;
    private readonly TrackerCounters _counters;

    /// <summary>Creates the role over the tracker's plot batch.</summary>
    /// <param name="configuration">The identity gate, restart scans and Mode C tolerance.</param>
    /// <param name="table">The track table (its slots; tracks found by ICAO address).</param>
    /// <param name="plots">The batch's plots.</param>
    /// <param name="geometry">Their geometry, same length.</param>
    /// <param name="taken">Per track slot: already updated by identity in this batch.</param>
    /// <param name="gated">Per plot: associated, or held from starting a track (<see cref="RadarKinematicAssociation"/>).</param>
    /// <param name="scratch">The tracker's scratch filter.</param>
    /// <param name="radarSites">Each radar's scan period.</param>
    /// <param name="coarseGate">The coarse gate.</param>
    /// <param name="radarUpdater">Applies plots, restarts tracks.</param>
    /// <param name="counters">Counts plots outside the gate and restarts.</param>
    public RadarIdentityGate(TrackerConfiguration configuration, TrackTable table, RadarMeasurement[] plots, PlotGeometry[] geometry, bool[] taken, bool[] gated, TrackFilter scratch, RadarSiteTable radarSites, CoarseGate coarseGate, RadarUpdater radarUpdater, TrackerCounters counters)
    {
        _configuration = configuration;
        _table = table;
        _tracks = table.Tracks;
        _plots = plots;
        _geometry = geometry;
        _taken = taken;
        _gated = gated;
        _scratch = scratch;
        _radarSites = radarSites;
        _coarseGate = coarseGate;
        _radarUpdater = radarUpdater;
        _counters = counters;
    }

    // Identity first: a plot whose Mode S address, callsign or Mode 3/A (with Mode C) names a
    // track is applied to it if it also passes the (wider) identity gate against the track's
    // prediction; one garbled address or code must not teleport a track. A plot outside it is
    // counted and goes on to the kinematic association: without its address or callsign, which
    // are unique and so wrong; with its Mode 3/A, which another aircraft may share (conspicuity codes).
    public void AssociateByIdentity(int count, long now)
    {
        for (int p = 0; p < count; p++)
        {
            _gated[p] = false;
            PlotGeometry plot = _geometry[p];
            if (!plot.Usable)
            {
                continue;
            }

            int index = -1;
            bool unique = true;
            if (_plots[p].HasIcaoAddress)
            {
                index = _table.FindSlotByIcao(_plots[p].IcaoAddress);
            }

            if (index < 0 && _plots[p].HasCallsign)
            {
                index = FindSlotByPlotCallsign(ref _plots[p]);
            }

            if (index < 0 && _plots[p].HasMode3A)
            {
                unique = false;
                index = FindByMode3A(p, out bool outsideGate);
                if (outsideGate && index < 0)
                {
                    _counters.RadarIdentityPlotsOutsideGate++;
                }
            }

            if (index < 0 || _taken[index])
            {
                continue;
            }

            Track track = _tracks[index];
            bool restart = false;
            if (unique && !WithinIdentityGate(track, p))
            {
                _counters.RadarIdentityPlotsOutsideGate++;
                long time = _plots[p].TimeUnixMicroseconds;
                // A garble is a one-off; the same identity outside the gate again in the next scans,
                // with nothing inside it in between, means the track is what is wrong: restart it there.
                restart = track.IdentityOutsideGateMicroseconds != Track.NeverMicroseconds && track.LastRadarMicroseconds < track.IdentityOutsideGateMicroseconds
                    && time - track.IdentityOutsideGateMicroseconds <= ((2 * _configuration.RadarIdentityRestartScans) + 1) * _radarSites.ScanPeriodOf(track, _configuration.ScanPeriodMicroseconds) / 2;
                track.IdentityOutsideGateMicroseconds = restart ? Track.NeverMicroseconds : time;
                if (!restart)
                {
                    plot.IdentityRejected = true;
                    continue;
                }

                _counters.RadarIdentityTrackRestarts++;
            }

            _taken[index] = true;
            plot.Used = true;
            _gated[p] = true;
            if (restart)
            {
                _radarUpdater.RestartAtPlot(track, p);
            }

            _radarUpdater.UpdateFromPlot(track, p, true, now);
        }
    }

    private bool WithinIdentityGate(Track track, int p)
    {
        // A Mode S address on a track its ADS-B feeds: a contradiction is the ADS-B's, not the
        // plot's (the radar saw that address there; see UpdateFromPlot), so it is not gated here.
        if (_plots[p].HasIcaoAddress && track.HasIcaoAddress && _radarUpdater.IsAdsbFed(track, _plots[p].TimeUnixMicroseconds))
        {
            return true;
        }

        _scratch.CopyFrom(track.Filter);
        long nis = _radarUpdater.ApplyPlot(track, _scratch, p);
        // Too late to apply at all: UpdateFromPlot counts it.
        return nis == long.MaxValue || nis <= _configuration.RadarIdentityGateNis;
    }

    private int FindSlotByPlotCallsign(ref RadarMeasurement measurement)
    {
        ulong callsign = (ulong)measurement.Callsign;
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (track.InUse && track.HasCallsign && track.CallsignCharacters == callsign && !(measurement.HasIcaoAddress && track.HasIcaoAddress))
            {
                return i;
            }
        }

        return -1;
    }

    // The first track with the plot's Mode 3/A (and an agreeing Mode C) within the identity gate;
    // outsideGate when some track had the code but none passed the gate.
    private int FindByMode3A(int p, out bool outsideGate)
    {
        outsideGate = false;
        PlotGeometry plot = _geometry[p];
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse || _taken[i] || !track.HasMode3A || track.Mode3A != _plots[p].Mode3A || (_plots[p].HasIcaoAddress && track.HasIcaoAddress))
            {
                continue;
            }

            // Mode 3/A codes are not unique (conspicuity codes): the Mode C must agree too.
            if (_plots[p].HasPressureAltitude && track.HasPressureAltitude)
            {
                int difference = _plots[p].PressureAltitudeFeet - track.PressureAltitudeFeet;
                if (difference > _configuration.ModeCToleranceFeet || difference < -_configuration.ModeCToleranceFeet)
                {
                    continue;
                }
            }

            if (!_coarseGate.RoughlyNear(track, plot.East, plot.North, _plots[p].TimeUnixMicroseconds))
            {
                continue;
            }

            if (WithinIdentityGate(track, p))
            {
                return i;
            }

            outsideGate = true;
        }

        return -1;
    }

    public static bool IdentityConflict(Track track, ref RadarMeasurement measurement)
    {
        if (measurement.HasIcaoAddress && track.HasIcaoAddress)
        {
            return measurement.IcaoAddress != track.IcaoAddress;
        }

        if (measurement.HasCallsign && track.HasCallsign && (ulong)measurement.Callsign != track.CallsignCharacters)
        {
            return true;
        }

        return measurement.HasMode3A && track.HasMode3A && measurement.Mode3A != track.Mode3A;
    }
}
