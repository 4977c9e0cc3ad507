using Picket.Publishing;

namespace Picket.Tracking.Measurements;

/// <summary>
/// Who may make a track cooperative. A target is cooperative when it identifies itself: a ground
/// station relaying someone else's position (DF18 TIS-B or ADS-R) does not make it so, and an
/// ADS-B address appearing next to a radar track may take that track over only while the track
/// is new: a confirmed non-cooperative track is never adopted (a transponder switched on beside
/// an intruder, or a spoofed squitter, would otherwise mask it).
/// </summary>
public static class CooperativeIdentityPolicy
{
    /// <summary>
    /// True when a DF18 message is relayed by a ground station rather than sent by the target
    /// (DO-260B 2.2.3.1, CF bits 6-8): 0 and 1 are ADS-B from non-transponder devices (the
    /// target itself, ICAO or other address), 2 and 3 fine and coarse TIS-B, 4 TIS-B/ADS-R
    /// management, 5 TIS-B relaying an anonymous address, 6 ADS-R, 7 reserved (not trusted).
    /// </summary>
    /// <param name="downlinkFormat">DF, 0 to 24.</param>
    /// <param name="controlField">CF, 0 to 7 (DF18 only).</param>
    /// <returns>True for DF18 with CF 2 to 7.</returns>
    public static bool IsRelayed(int downlinkFormat, int controlField) => downlinkFormat == 18 && controlField >= 2;

    /// <summary>
    /// True when an ADS-B address heard for the first time may adopt <paramref name="track"/>:
    /// the track has no identity, is not declared non-cooperative, and is tentative or younger
    /// than <paramref name="maxAgeMicroseconds"/>.
    /// </summary>
    /// <param name="track">A live track within the ADS-B position's gate.</param>
    /// <param name="timeMicroseconds">The ADS-B position's time, UTC µs.</param>
    /// <param name="maxAgeMicroseconds">Oldest track that may still be adopted.</param>
    /// <returns>True when adoption is allowed.</returns>
    public static bool MayAdopt(Track track, long timeMicroseconds, long maxAgeMicroseconds)
    {
        if (!IsUnidentified(track) || track.NonCooperative)
        {
            return false;
        }

        return track.Status == TrackStatus.Tentative || timeMicroseconds - track.BornMicroseconds <= maxAgeMicroseconds;
    }

    /// <summary>True when the track carries no identity at all, own or relayed.</summary>
    /// <param name="track">A track.</param>
    /// <returns>True without ICAO address, callsign or Mode 3/A.</returns>
    public static bool IsUnidentified(Track track) => !track.HasIcaoAddress && !track.HasCallsign && !track.HasMode3A;
}
