namespace Picket.Radar;

public sealed class AsterixTimeTests
{
    private static readonly long Midnight = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

    [Fact]
    public void ToUnixMicroseconds_SameDay_TimeOfDayAddedToMidnight()
    {
        // 27,354.6015625 s = 3,501,389 / 128 s; 0.5 µs rounds up.
        var reference = Midnight + 27_360_000_000L;

        Assert.Equal(Midnight + 27_354_601_563L, AsterixTime.ToUnixMicroseconds(3_501_389, reference));
    }

    [Fact]
    public void ToUnixMicroseconds_ReportBeforeMidnightReceivedAfter_PreviousDay()
    {
        var reference = Midnight + 1_000_000; // 00:00:01 received
        var timeOfDay = AsterixTime.MaxTimeOfDay128; // 23:59:59.9921875 stamped: 7,812.5 µs before midnight, rounded half up to 7,812

        Assert.Equal(Midnight - 7_812, AsterixTime.ToUnixMicroseconds(timeOfDay, reference));
    }

    [Fact]
    public void ToUnixMicroseconds_ReportAfterMidnightReceivedBefore_NextDay()
    {
        var reference = Midnight - 2_000_000; // 23:59:58 received (clock slightly behind)

        Assert.Equal(Midnight + 1_000_000, AsterixTime.ToUnixMicroseconds(128, reference));
    }

    [Fact]
    public void ToUnixMicroseconds_EveryTickAcrossADay_MatchesDoubleReference()
    {
        var reference = Midnight + (12 * 3_600_000_000L);
        for (var timeOfDay = 0; timeOfDay <= AsterixTime.MaxTimeOfDay128; timeOfDay += 997)
        {
            var expected = Midnight + (long)Math.Floor((timeOfDay / 128.0 * 1e6) + 0.5);
            Assert.Equal(expected, AsterixTime.ToUnixMicroseconds(timeOfDay, reference));
        }
    }

    [Fact]
    public void ToUnixMicroseconds_ReferenceBefore1970_SameDayAsTheReference()
    {
        // 1969-12-31T18:00:00Z is -6 h; the report stamped 18:00:01 falls 1 s later on that day.
        var reference = -6 * 3_600_000_000L;

        Assert.Equal(reference + 1_000_000, AsterixTime.ToUnixMicroseconds(((18 * 3_600) + 1) * 128, reference));
    }
}
