using Picket.Contract.V1;

namespace Picket.Server.Ingest;

/// <summary>
/// Checks a batch's content before it is stored: coordinates inside their ranges (common.proto),
/// timestamps not in the future beyond the clock-skew allowance, identities well formed.
/// </summary>
public sealed class BatchValidator(TimeProvider clock, TimeSpan maxFutureSkew)
{
    /// <summary>Largest gateway id, characters.</summary>
    public const int MaxGatewayIdLength = 64;

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
        if (batch.CreatedUnixUs > latestUs)
        {
            return $"created_unix_us {batch.CreatedUnixUs} lies in the future";
        }

        for (var i = 0; i < batch.Tracks.Count; i++)
        {
            var track = batch.Tracks[i];
            var reason = CheckTime(track.TimeUnixUs, latestUs) ?? CheckPoint(track.Position);
            if (reason is not null)
            {
                return $"tracks[{i}] (track {track.TrackId}): {reason}";
            }
        }

        for (var i = 0; i < batch.Alerts.Count; i++)
        {
            var alert = batch.Alerts[i];
            var reason = CheckTime(alert.TimeUnixUs, latestUs) ?? CheckPoint(alert.Position);
            if (reason is not null)
            {
                return $"alerts[{i}]: {reason}";
            }
        }

        if (batch.Health is { } health)
        {
            var reason = CheckTime(health.TimeUnixUs, latestUs) ?? CheckPoint(health.Position);
            if (reason is not null)
            {
                return $"health: {reason}";
            }
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
