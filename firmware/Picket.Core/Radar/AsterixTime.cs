namespace Picket.Radar;

/// <summary>
/// Places an ASTERIX time of day (1/128 s since UTC midnight, I048/140 and I034/030) on the
/// UTC time line. The item carries no date, so the day is the one that puts the result
/// nearest a reference time (the receive clock, or the previous report): a report stamped
/// 23:59:59 received at 00:00:01 lands on the day before, and one stamped 00:00:01 received
/// at 23:59:59 on the day after. That is the midnight wrap.
/// </summary>
public static class AsterixTime
{
    /// <summary>Microseconds in a UTC day (ASTERIX time of day ignores leap seconds).</summary>
    public const long MicrosecondsPerDay = 86_400_000_000L;

    /// <summary>The largest valid time of day, 1/128 s (one tick before 24:00).</summary>
    public const int MaxTimeOfDay128 = (86_400 * 128) - 1;

    /// <summary>
    /// UTC microseconds since the Unix epoch for <paramref name="timeOfDay128"/> on the day
    /// nearest <paramref name="referenceUnixMicroseconds"/> (before 1970 too). The
    /// 7,812.5 µs LSB is rounded half up to whole microseconds.
    /// </summary>
    public static long ToUnixMicroseconds(int timeOfDay128, long referenceUnixMicroseconds) =>
        PlaceOnNearestDay(((timeOfDay128 * 15_625L) + 1) >> 1, referenceUnixMicroseconds);

    /// <summary>
    /// UTC microseconds since the Unix epoch for a time of day with no date (microseconds since
    /// UTC midnight, 0 to <see cref="MicrosecondsPerDay"/>) on the day nearest
    /// <paramref name="referenceUnixMicroseconds"/> (before 1970 too: the reference's midnight
    /// is floored, not truncated toward zero).
    /// </summary>
    public static long PlaceOnNearestDay(long microsecondsOfDay, long referenceUnixMicroseconds)
    {
        var sinceMidnight = referenceUnixMicroseconds % MicrosecondsPerDay;
        if (sinceMidnight < 0)
        {
            sinceMidnight += MicrosecondsPerDay;
        }

        var midnight = referenceUnixMicroseconds - sinceMidnight;
        var candidate = midnight + microsecondsOfDay;
        if (candidate - referenceUnixMicroseconds > MicrosecondsPerDay / 2)
        {
            candidate -= MicrosecondsPerDay;
        }
        else if (referenceUnixMicroseconds - candidate > MicrosecondsPerDay / 2)
        {
            candidate += MicrosecondsPerDay;
        }

        return candidate;
    }
}
