namespace Picket.ModeS;

public sealed class KnownAircraftTableTests
{
    private const long Second = 12_000_000;

    [Fact]
    public void Contains_MarkedAddressWithinExpiry_True()
    {
        var table = new KnownAircraftTable(64, 60 * Second);
        table.Mark(0x4840D6, 100 * Second);
        Assert.True(table.Contains(0x4840D6, 159 * Second));
        Assert.False(table.Contains(0x4840D7, 159 * Second));
    }

    [Fact]
    public void Contains_AfterExpiry_False()
    {
        var table = new KnownAircraftTable(64, 60 * Second);
        table.Mark(0x4840D6, 100 * Second);
        Assert.False(table.Contains(0x4840D6, 161 * Second));
    }

    [Fact]
    public void Mark_MoreAddressesThanCapacity_KeepsTheMostRecent()
    {
        var table = new KnownAircraftTable(64, 60 * Second);
        for (uint address = 1; address <= 1000; address++)
        {
            table.Mark(address * 7919, address);
        }

        Assert.True(table.Contains(1000 * 7919, 1000));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(131072)]
    public void Constructor_CapacityNotPowerOfTwoInRange_Throws(int capacity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KnownAircraftTable(capacity, Second));
    }
}
