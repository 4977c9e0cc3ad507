using Picket.Publishing;
using Picket.Tracking.Measurements;

namespace Picket.Tracking;

// Mode S and ADS-B: the track found by ICAO address (or adopted, or started), the observation
// applied by the ADS-B updater role (AdsbUpdater), then confirmation, zones and reports.
public sealed partial class Tracker
{
    /// <summary>Adds one Mode S / ADS-B observation (in receive-time order).</summary>
    /// <param name="observation">The observation.</param>
    public void AddModeS(ref ModeSObservation observation)
    {
        Counters.ModeSObservations++;
        Counters.Saturations += observation.Saturations;
        if (observation.IsRelayed)
        {
            Counters.RelayedObservations++;
        }

        AdvanceTo(observation.TimeUnixMicroseconds);
        long time = observation.TimeUnixMicroseconds;
        bool positionUsed = false;
        bool identityChanged = false;

        // Identity is the ICAO address alone. A callsign never associates on its own: a track can
        // only hold a callsign its address sent, and a callsign is not unique proof of who sends it.
        Track track = FindByIcao(observation.IcaoAddress);
        if (track == null)
        {
            if (!observation.HasPosition)
            {
                Counters.ModeSWithoutTrack++;
                return;
            }

            _adsb.ProjectObservation(ref observation, out long east, out long north, out long latitude, out long longitude);
            long variance = _adsb.AdsbPositionVariance(null, ref observation);
            track = _adsb.FindUnidentifiedNear(east, north, variance, time, out bool masking);
            if (track != null)
            {
                Counters.TracksMerged++;
                positionUsed = true;
            }
            else
            {
                track = Allocate(time);
                if (track == null)
                {
                    return;
                }

                long velocityVariance = VarianceFromSigmaMillimetres(_configuration.InitialVelocitySigmaMetresPerSecond * 1000L);
                track.Filter.TargetClass = Filter.TargetClass.Airliner;
                track.Filter.Initialise(time, east, north, variance, 0, 0, velocityVariance);
                AdsbUpdater.RecordAdsbFix(track, time, latitude, longitude);
                positionUsed = true;
            }

            if (masking)
            {
                track.PossibleMaskingCount++;
                Counters.PossibleMasking++;
            }

            track.IdentityRelayedOnly = observation.IsRelayed;
        }
        else if (!observation.IsRelayed && track.IdentityRelayedOnly)
        {
            // The aircraft itself squits or replies: it identifies itself from now on.
            track.IdentityRelayedOnly = false;
            identityChanged = true;
        }

        identityChanged |= _adsb.ApplyIdentity(track, ref observation);
        if (!track.HasIcaoAddress)
        {
            track.HasIcaoAddress = true;
            track.IcaoAddress = observation.IcaoAddress;
            identityChanged = true;
        }

        if (observation.HasNacP)
        {
            track.HasNacP = true;
            track.NacP = observation.NacP;
        }

        if (observation.HasGeometricMinusBarometric)
        {
            track.HasGeometricMinusBarometric = true;
            track.GeometricMinusBarometricMillimetres = observation.GeometricMinusBarometricMillimetres;
        }

        track.Sources |= observation.IsExtendedSquitter ? TrackSources.Adsb : TrackSources.ModeS;
        track.AdsbUpdateCount++;
        bool kinematic = positionUsed;
        if (observation.HasPosition && !positionUsed)
        {
            kinematic |= _adsb.ApplyAdsbPosition(track, ref observation);
        }

        if (observation.HasVelocity)
        {
            kinematic |= _adsb.ApplyAdsbVelocity(track, ref observation);
        }

        if (observation.HasAltitude)
        {
            _adsb.ApplyPressureAltitude(track, observation.AltitudeFeet, time);
        }
        else if (observation.HasGeometricHeight)
        {
            _adsb.ApplyGeometricHeight(track, observation.GeometricHeightMillimetres, _configuration.GnssHeightSigmaMillimetres, 0, time);
        }

        if (observation.HasVerticalRate && track.Filter.HasVertical && track.Filter.TimeMicroseconds == time)
        {
            track.Filter.UpdateVerticalRate(FromMillimetres(observation.VerticalRateMillimetresPerSecond), VarianceFromSigmaMillimetres(_configuration.AdsbVerticalRateSigmaMillimetresPerSecond));
        }

        if (kinematic)
        {
            track.UpdateCount++;
            track.LastUpdateMicroseconds = time;
            track.Misses = 0;
            if (track.Status == TrackStatus.Coasting)
            {
                track.Status = TrackStatus.Confirmed;
            }
            else if (track.Status == TrackStatus.Tentative && track.AdsbPositions >= _configuration.AdsbConfirmPositions && (track.AdsbVelocities > 0 || track.AdsbPositions > _configuration.AdsbConfirmPositions + 1))
            {
                Confirm(track);
            }

            CheckZonesAfterUpdate(track);
        }

        if (identityChanged)
        {
            Report(track, track.Status);
        }
        else if (kinematic)
        {
            ReportIfDue(track);
        }
    }
}
