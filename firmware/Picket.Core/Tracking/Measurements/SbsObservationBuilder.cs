using Picket.ModeS;
using Picket.ModeS.Framing;
using Picket.Numerics;

namespace Picket.Tracking.Measurements;

/// <summary>
/// Turns one SBS-1/BaseStation MSG line (already decoded by the receiver, <see cref="SbsParser"/>)
/// into a <see cref="ModeSObservation"/>, in integers like <see cref="ModeSObservationBuilder"/>,
/// so SBS replays run the same bits on every host. Transmission types 1-4 are extended
/// squitters (1 identification, 2 surface position, 3 airborne position, 4 velocity), 5-8
/// surveillance replies, air-to-air and all-call replies. SBS carries no NACp/NIC: position
/// sigma is left to the tracker's default.
/// </summary>
public static class SbsObservationBuilder
{
    /// <summary>Builds an observation from a MSG record with an address.</summary>
    /// <param name="record">The parsed line.</param>
    /// <param name="timeUnixMicroseconds">Its time on the UTC time line (the caller places field 8's time of day).</param>
    /// <param name="observation">The observation.</param>
    /// <returns>False when the record is not a MSG line with an address.</returns>
    public static bool TryBuild(SbsRecord record, long timeUnixMicroseconds, out ModeSObservation observation)
    {
        observation = default(ModeSObservation);
        if (record == null || record.MessageType != SbsMessageType.Msg || !record.HasAddress)
        {
            return false;
        }

        observation.TimeUnixMicroseconds = timeUnixMicroseconds;
        observation.IcaoAddress = (int)(record.Address & 0xFFFFFF);
        observation.IsExtendedSquitter = record.TransmissionType >= 1 && record.TransmissionType <= 4;

        // Surface positions (MSG,2) are left out, as on the Beast path (ModeSObservationBuilder).
        if (record.HasPosition && record.TransmissionType != 2)
        {
            observation.HasPosition = true;
            observation.LatitudeE7 = record.LatitudeE7;
            observation.LongitudeE7 = record.LongitudeE7;
        }

        if (record.HasAltitude)
        {
            // SBS field 12 is the barometric (pressure) altitude of the squitter or reply.
            observation.HasAltitude = true;
            observation.AltitudeFeet = record.AltitudeFeet;
        }

        if (record.HasSquawk)
        {
            observation.HasSquawk = true;
            observation.Squawk = record.Squawk;
        }

        if (record.HasVerticalRate)
        {
            // 1 ft/min = 5.08 mm/s exactly.
            observation.HasVerticalRate = true;
            observation.VerticalRateMillimetresPerSecond = record.VerticalRateFeetPerMinute * 508 / 100;
        }

        if (record.HasGroundSpeed && record.HasTrack)
        {
            SetVelocity(record.GroundSpeedMilliknots, record.TrackMillidegrees, ref observation);
        }

        if (record.CallsignLength > 0 && TryPackCallsign(record.Callsign, record.CallsignLength, out ulong characters))
        {
            observation.HasCallsign = true;
            observation.CallsignCharacters = characters;
        }

        return true;
    }

    // 1 kt = 1852/3600 m/s, so a milliknot is 1852/3600 mm/s; east = v sin(track), north = v cos(track).
    private static void SetVelocity(int speedMilliknots, int trackMillidegrees, ref ModeSObservation observation)
    {
        long speed = ((speedMilliknots * 1852L) + 1800) / 3600;
        long track = trackMillidegrees % 360_000;
        if (track > 180_000)
        {
            track -= 360_000;
        }
        else if (track < -180_000)
        {
            track += 360_000;
        }

        long radians = Q2x61.FromDegreesE7(track * 10_000, ref observation.Saturations);
        Trigonometry.SinCos(radians, out long sine, out long cosine);
        observation.HasVelocity = true;
        observation.VelocityEastMillimetresPerSecond = (int)FixedPoint.MultiplyShift(speed, sine, Q2x61.FractionBits, ref observation.Saturations);
        observation.VelocityNorthMillimetresPerSecond = (int)FixedPoint.MultiplyShift(speed, cosine, Q2x61.FractionBits, ref observation.Saturations);
    }

    // IA-5 six-bit codes (DO-260B table A-7) from the line's characters, upper-cased, space-padded to 8.
    private static bool TryPackCallsign(char[] text, int length, out ulong characters)
    {
        characters = 0;
        for (int i = 0; i < CallsignAlphabet.Length; i++)
        {
            char c = i < length ? text[i] : ' ';
            if (c >= 'a' && c <= 'z')
            {
                c = (char)(c - 'a' + 'A');
            }

            int code = CallsignAlphabet.ToCode(c);
            if (code < 0)
            {
                characters = 0;
                return false;
            }

            characters = (characters << 6) | (uint)code;
        }

        return true;
    }
}
