using Picket.Contract.V1;

namespace Picket.Server.Ingest;

/// <summary>
/// Checks a batch's content before it is stored: coordinates inside their ranges (common.proto),
/// timestamps not in the future beyond the clock-skew allowance, identities no larger than the
/// air interface can carry (ICAO Annex 10 Vol IV: 24-bit address, 8-character flight
/// identification of the 6-bit set, 4-digit octal Mode 3/A code) and free text short and printable.
/// </summary>
public sealed class BatchValidator(TimeProvider clock, TimeSpan maxFutureSkew)
{
    /// <summary>Largest gateway id, characters.</summary>
    public const int MaxGatewayIdLength = 64;

    /// <summary>Longest free-text field (zone name, software version, source name), characters.</summary>
    public const int MaxTextLength = 128;

    // Flight identification: 8 characters (Annex 10 Vol IV 3.1.2.9.1.2, DO-260B 2.2.3.2.5).
    private const int MaxCallsignLength = 8;

    // 24-bit aircraft address; 0 is not assigned (Annex 10 Vol III Part I, Appendix to Chapter 9).
    private const uint MaxIcaoAddress = 0xFFFFFF;

    // Mode 3/A: four octal digits ABCD, 12 bits.
    private const uint MaxMode3ACode = 0xFFF;

    // Heights outside -1 km (below the Dead Sea shore with a geoid margin) to 60 km (above any
    // aircraft or balloon a mast can see) cannot be a real target.
    private const int MinimumHeightMm = -1_000_000;
    private const int MaximumHeightMm = 60_000_000;

    /// <summary>
    /// Whether <paramref name="gatewayId"/> is 1 to 64 characters of letters, digits, '-', '_'
    /// and '.' (it becomes part of a NATS subject and of file names, so no wildcards or spaces).
    /// </summary>
    public static bool IsValidGatewayId(string gatewayId)
    {
        if (string.IsNullOrEmpty(gatewayId) || gatewayId.Length > MaxGatewayIdLength || gatewayId[0] == '.' || gatewayId[^1] == '.')
        {
            return false;
        }

        foreach (var c in gatewayId)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.')
            {
                return false;
            }
        }

        return !gatewayId.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>Returns null when <paramref name="batch"/> is acceptable, else the reason it is not.</summary>
    public string? Validate(UplinkBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Sequence == 0)
        {
            return "sequence must be 1 or more";
        }

        var latestUs = (clock.GetUtcNow() + maxFutureSkew).ToUnixTimeMilliseconds() * 1000;
        if (batch.CreatedUnixUs < 0)
        {
            return $"created_unix_us {batch.CreatedUnixUs} is before 1970";
        }

        if (batch.CreatedUnixUs > latestUs)
        {
            return $"created_unix_us {batch.CreatedUnixUs} lies in the future";
        }

        for (var i = 0; i < batch.Tracks.Count; i++)
        {
            var track = batch.Tracks[i];
            var reason = CheckTime(track.TimeUnixUs, latestUs) ?? CheckPoint(track.Position) ?? CheckIdentity(track.Identity);
            if (reason is not null)
            {
                return $"tracks[{i}] (track {track.TrackId}): {reason}";
            }
        }

        for (var i = 0; i < batch.Alerts.Count; i++)
        {
            var alert = batch.Alerts[i];
            var reason = CheckTime(alert.TimeUnixUs, latestUs) ?? CheckPoint(alert.Position) ?? CheckIdentity(alert.Identity) ?? CheckText("zone_name", alert.ZoneName);
            if (reason is not null)
            {
                return $"alerts[{i}]: {reason}";
            }
        }

        if (batch.Health is { } health)
        {
            var reason = CheckTime(health.TimeUnixUs, latestUs) ?? CheckPoint(health.Position) ?? CheckText("gateway_id", health.GatewayId) ?? CheckText("software_version", health.SoftwareVersion);
            if (reason is not null)
            {
                return $"health: {reason}";
            }

            for (var i = 0; i < health.Sources.Count; i++)
            {
                var source = health.Sources[i];
                reason = CheckText("name", source.Name) ?? CheckText("kind", source.Kind);
                if (reason is not null)
                {
                    return $"health.sources[{i}]: {reason}";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Returns null when <paramref name="value"/> (a Hello or batch text field called
    /// <paramref name="field"/>) is at most <see cref="MaxTextLength"/> characters with no control
    /// or format characters (NUL, escape sequences, right-to-left overrides that would rewrite
    /// what an operator reads), else the reason.
    /// </summary>
    public static string? CheckText(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxTextLength)
        {
            return $"{field} is {value.Length} characters; at most {MaxTextLength}";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var category = char.GetUnicodeCategory(value[i]);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.OtherNotAssigned)
            {
                return $"{field} holds the control or format character U+{(int)value[i]:X4} at {i}";
            }
        }

        return null;
    }

    private static string? CheckIdentity(Identity? identity)
    {
        if (identity is null)
        {
            return null;
        }

        if (identity.HasIcaoAddress && identity.IcaoAddress is 0 or > MaxIcaoAddress)
        {
            return $"identity.icao_address {identity.IcaoAddress} is not a 24-bit address 0x000001 to 0xFFFFFF";
        }

        if (identity.HasMode3ACode && identity.Mode3ACode > MaxMode3ACode)
        {
            return $"identity.mode3a_code {identity.Mode3ACode} is not four octal digits (0 to 4095)";
        }

        var callsign = identity.Callsign;
        if (callsign.Length > MaxCallsignLength)
        {
            return $"identity.callsign is {callsign.Length} characters; the air interface carries at most {MaxCallsignLength}";
        }

        foreach (var c in callsign)
        {
            // The 6-bit ICAO character set as flight identification uses it: A-Z, 0-9 and space.
            // '#' is how the core (Ia5Callsign) renders a 6-bit code outside that set: a transponder
            // can send one, and refusing it would throw away every other track in the batch.
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c is not ' ' and not '#')
            {
                return $"identity.callsign holds U+{(int)c:X4}; only A-Z, 0-9, space (and '#' for a code outside the set) are allowed";
            }
        }

        var category = identity.EmitterCategory;
        if (category.Length != 0 && (category.Length != 2 || category[0] is < 'A' or > 'D' || category[1] is < '0' or > '7'))
        {
            return "identity.emitter_category is not a set letter and number A0 to D7";
        }

        return null;
    }

    private static string? CheckTime(long timeUnixUs, long latestUs)
    {
        // 0 is proto3's "not set"; a negative time is no clock a gateway can have.
        if (timeUnixUs < 0)
        {
            return $"time_unix_us {timeUnixUs} is before 1970";
        }

        return timeUnixUs > latestUs ? $"time_unix_us {timeUnixUs} lies in the future" : null;
    }

    private static string? CheckPoint(GeoPoint? point)
    {
        if (point is null)
        {
            // Absent means unknown; the feed's area filter leaves such tracks out.
            return null;
        }

        // Ranges from common.proto: latitude ±90°, longitude ±180°, in 1e-7 degree.
        if (point.LatitudeE7 is < -900_000_000 or > 900_000_000)
        {
            return $"latitude_e7 {point.LatitudeE7} is outside ±900000000";
        }

        if (point.LongitudeE7 is < -1_800_000_000 or > 1_800_000_000)
        {
            return $"longitude_e7 {point.LongitudeE7} is outside ±1800000000";
        }

        if (point.HasHeightMm && point.HeightMm is < MinimumHeightMm or > MaximumHeightMm)
        {
            return $"height_mm {point.HeightMm} is outside {MinimumHeightMm} to {MaximumHeightMm}";
        }

        return null;
    }
}
