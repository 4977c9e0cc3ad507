namespace Picket.ModeS.Cpr;

/// <summary>
/// Position tracking with the pyModeS/1090 MHz riddle pair of 40058B (even at t = 0 s, odd at
/// t = 5 s; expected odd position 49.81755 N 6.08442 E, even 49.8241 N 6.06785 E, tolerance 0.001).
/// </summary>
public sealed class AircraftPositionTableTests
{
    private const long Second = PositionLimits.TicksPerSecond;
    private const string Even = "8D40058B58C901375147EFD09357";
    private const string Odd = "8D40058B58C904A87F402D3B8C59";

    [Fact]
    public void Update_FirstPair_UnconfirmedThenConfirmedBySecondDecode()
    {
        var table = new AircraftPositionTable(64, new PositionLimits());
        Assert.Equal(PositionStatus.AwaitingPair, Feed(table, Even, 0, out _, out _));
        Assert.Equal(PositionStatus.Unconfirmed, Feed(table, Odd, 5 * Second, out var lat, out var lon));
        AssertNear(49.81755, 6.08442, lat, lon);

        // The even frame again, 1 s later: a second decode consistent with the first confirms the track.
        Assert.Equal(PositionStatus.Confirmed, Feed(table, Even, 6 * Second, out lat, out lon));
        AssertNear(49.8241, 6.06785, lat, lon);
    }

    [Fact]
    public void Update_PartnerOlderThanTenSeconds_NoGlobalDecode()
    {
        var table = new AircraftPositionTable(64, new PositionLimits());
        Feed(table, Even, 0, out _, out _);
        Assert.Equal(PositionStatus.AwaitingPair, Feed(table, Odd, 11 * Second, out _, out _));
    }

    [Fact]
    public void Update_BeyondReceiverRange_Rejected()
    {
        var table = new AircraftPositionTable(64, new PositionLimits());
        table.SetReceiver(CprVectorsTests.ToUnits(40.0), CprVectorsTests.ToUnits(6.0)); // about 590 NM south
        Feed(table, Even, 0, out _, out _);
        Assert.Equal(PositionStatus.RejectedRange, Feed(table, Odd, 5 * Second, out _, out _));
    }

    [Fact]
    public void Update_JumpFasterThanLimit_RejectedAfterConfirmation()
    {
        var table = new AircraftPositionTable(64, new PositionLimits { MaxSpeedKnots = 600 });
        Feed(table, Even, 0, out _, out _);
        Feed(table, Odd, 5 * Second, out _, out _);
        Feed(table, Even, 6 * Second, out _, out _);

        // The KLM1023 book pair (52.2572 N 3.91937 E) under the same address 1 s later: 160 NM in 1 s.
        Assert.Equal(PositionStatus.RejectedSpeed, Feed(table, "8D40058B58C382D690C8AC2863A7", 7 * Second, out _, out _, address: true));
    }

    [Fact]
    public void Update_NoCprOrNoAddress_NoPosition()
    {
        var table = new AircraftPositionTable(64, new PositionLimits());
        Assert.Equal(PositionStatus.NoPosition, Feed(table, "8D4840D6202CC371C32CE0576098", 0, out _, out _));
    }

    [Fact]
    public void Update_SingleFrameNearReceiverWithShortRange_DecodedLocallyAndUnconfirmed()
    {
        var table = new AircraftPositionTable(64, new PositionLimits { MaxRangeNauticalMiles = 150 });
        table.SetReceiver(CprVectorsTests.ToUnits(49.0), CprVectorsTests.ToUnits(6.0)); // pyModeS' reference for this frame
        Assert.Equal(PositionStatus.Unconfirmed, Feed(table, Even, 0, out var lat, out var lon));
        AssertNear(49.8241, 6.06785, lat, lon);
    }

    [Fact]
    public void Update_SingleAirborneFrameWithDefaultRange_WaitsForPair()
    {
        var table = new AircraftPositionTable(64, new PositionLimits());
        table.SetReceiver(CprVectorsTests.ToUnits(49.0), CprVectorsTests.ToUnits(6.0));
        Assert.Equal(PositionStatus.AwaitingPair, Feed(table, Even, 0, out _, out _));
    }

    private static PositionStatus Feed(AircraftPositionTable table, string hex, long ticks, out int lat, out int lon, bool address = false)
    {
        var frame = Convert.FromHexString(hex);
        var message = default(ModeSMessage);
        ModeSDecoder.Decode(frame, 0, frame.Length, null, ticks, 0, ref message);
        if (address)
        {
            // Re-badged frame: its parity no longer matches, but the table only sees the decoded values.
            message.Address = 0x40058B;
        }

        return table.Update(ref message, ticks, out lat, out lon);
    }

    private static void AssertNear(double expectedLat, double expectedLon, int lat, int lon)
    {
        Assert.InRange(CprVectorsTests.ToDegrees(lat), expectedLat - 0.001, expectedLat + 0.001);
        Assert.InRange(CprVectorsTests.ToDegrees(lon), expectedLon - 0.001, expectedLon + 0.001);
    }
}
