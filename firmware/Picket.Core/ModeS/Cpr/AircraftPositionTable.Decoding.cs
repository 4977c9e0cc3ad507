namespace Picket.ModeS.Cpr;

/// <summary>Decoding and plausibility steps of <see cref="AircraftPositionTable"/>.</summary>
public sealed partial class AircraftPositionTable
{
    private PositionStatus Decode(int slot, ref ModeSMessage message, long nowTicks, out bool fromPair, out int latitude, out int longitude)
    {
        fromPair = false;
        latitude = 0;
        longitude = 0;
        var surface = message.CprSurface;
        var partner = message.CprFormat == 0 ? _odd[slot] : _even[slot];
        var maxAge = surface ? _limits.MaxSurfacePairAgeTicks : _limits.MaxAirbornePairAgeTicks;
        var age = nowTicks - partner.Ticks;
        if (age < 0)
        {
            age = -age; // merged feeds deliver frames slightly out of order
        }

        var hasReference = HasReferencePosition(slot, nowTicks);
        if (partner.IsSet && partner.Surface == surface && age <= maxAge)
        {
            var even = message.CprFormat == 0 ? _even[slot] : partner;
            var odd = message.CprFormat == 0 ? partner : _odd[slot];
            bool decoded;
            if (!surface)
            {
                decoded = CprDecoder.TryDecodeGlobalAirborne(even.Latitude, even.Longitude, odd.Latitude, odd.Longitude, message.CprFormat == 1, out latitude, out longitude);
            }
            else if (HasReceiver || hasReference)
            {
                var referenceLatitude = hasReference ? _latitude[slot] : ReceiverLatitude;
                var referenceLongitude = hasReference ? _longitude[slot] : ReceiverLongitude;
                decoded = CprDecoder.TryDecodeGlobalSurface(even.Latitude, even.Longitude, odd.Latitude, odd.Longitude, message.CprFormat == 1, referenceLatitude, referenceLongitude, out latitude, out longitude);
            }
            else
            {
                return PositionStatus.NeedsReference;
            }

            if (decoded)
            {
                fromPair = true;
                return PositionStatus.Confirmed;
            }

            if (!hasReference)
            {
                return PositionStatus.RejectedZoneMismatch;
            }
        }

        if (hasReference)
        {
            return CprDecoder.TryDecodeLocal(message.CprLatitude, message.CprLongitude, message.CprFormat, surface, _latitude[slot], _longitude[slot], out latitude, out longitude)
                ? PositionStatus.Confirmed
                : PositionStatus.AwaitingPair;
        }

        // Relative to the receiver only when every target it can hear is within half a zone of it
        // (A.1.7.5/6): surface targets (45 NM) always; airborne ones when the range limit is at most
        // 180 NM. Such a decode starts a track like a pair does: unconfirmed until the next agrees.
        if (HasReceiver && (surface || (_limits.MaxRangeNauticalMiles > 0 && _limits.MaxRangeNauticalMiles <= 180))
            && CprDecoder.TryDecodeLocal(message.CprLatitude, message.CprLongitude, message.CprFormat, surface, ReceiverLatitude, ReceiverLongitude, out latitude, out longitude))
        {
            fromPair = true;
            return PositionStatus.Confirmed;
        }

        return surface && !HasReceiver ? PositionStatus.NeedsReference : PositionStatus.AwaitingPair;
    }

    /// <summary>Range and speed checks; turns a decoded position into the status reported.</summary>
    private PositionStatus Judge(int slot, bool fromPair, long nowTicks, int latitude, int longitude)
    {
        if (HasReceiver && _limits.MaxRangeNauticalMiles > 0
            && FlatEarthDistance.SixteenthsNauticalMile(ReceiverLatitude, ReceiverLongitude, latitude, longitude) > _limits.MaxRangeNauticalMiles * 16L)
        {
            return PositionStatus.RejectedRange;
        }

        if (!_hasPosition[slot])
        {
            if (!fromPair)
            {
                return PositionStatus.AwaitingPair;
            }

            Store(slot, nowTicks, latitude, longitude, false);
            return PositionStatus.Unconfirmed;
        }

        if (IsPlausibleMove(slot, nowTicks, latitude, longitude))
        {
            Store(slot, nowTicks, latitude, longitude, true);
            return PositionStatus.Confirmed;
        }

        if (!_confirmed[slot] || ++_rejections[slot] >= _limits.MaxConsecutiveRejections)
        {
            // An unconfirmed start that the next decode contradicts was wrong (or the old track is stale): restart from this one.
            if (fromPair)
            {
                Store(slot, nowTicks, latitude, longitude, false);
            }
            else
            {
                _hasPosition[slot] = false;
            }
        }

        return PositionStatus.RejectedSpeed;
    }

    private bool IsPlausibleMove(int slot, long nowTicks, int latitude, int longitude)
    {
        var elapsed = nowTicks - _positionTicks[slot];
        if (elapsed < 0)
        {
            elapsed = -elapsed;
        }

        var hour = 3600 * PositionLimits.TicksPerSecond;
        if (elapsed > hour)
        {
            elapsed = hour;
        }

        // Allowed distance in 1/16 NM: speed (kt) x 16 x elapsed (ticks) / ticks per hour, plus slack.
        var allowed = (_limits.MaxSpeedKnots * 16L * elapsed / hour) + _limits.SpeedCheckSlackSixteenthsNauticalMile;
        return FlatEarthDistance.SixteenthsNauticalMile(_latitude[slot], _longitude[slot], latitude, longitude) <= allowed;
    }

    private bool HasReferencePosition(int slot, long nowTicks)
    {
        if (!_hasPosition[slot] || !_confirmed[slot])
        {
            return false;
        }

        var age = nowTicks - _positionTicks[slot];
        return (age < 0 ? -age : age) <= _limits.MaxLocalReferenceAgeTicks;
    }

    private void Store(int slot, long nowTicks, int latitude, int longitude, bool confirmed)
    {
        _hasPosition[slot] = true;
        _confirmed[slot] = confirmed;
        _latitude[slot] = latitude;
        _longitude[slot] = longitude;
        _positionTicks[slot] = nowTicks;
        _rejections[slot] = 0;
    }

    private int FindOrAdd(uint address, long nowTicks)
    {
        var key = address | 0x1000000;
        var start = (int)((address * 2654435761u) >> 8) & _mask;
        var victim = start;
        var oldest = long.MaxValue;
        for (var i = 0; i < ProbeLength; i++)
        {
            var slot = (start + i) & _mask;
            if (_addresses[slot] == key)
            {
                _lastSeenTicks[slot] = nowTicks;
                return slot;
            }

            var seen = _addresses[slot] == 0 ? long.MinValue : _lastSeenTicks[slot];
            if (seen < oldest)
            {
                oldest = seen;
                victim = slot;
            }
        }

        // The empty or least recently heard slot of the window takes the new aircraft.
        _addresses[victim] = key;
        _lastSeenTicks[victim] = nowTicks;
        _even[victim] = default(CprFrameState);
        _odd[victim] = default(CprFrameState);
        _hasPosition[victim] = false;
        _confirmed[victim] = false;
        _rejections[victim] = 0;
        return victim;
    }
}
