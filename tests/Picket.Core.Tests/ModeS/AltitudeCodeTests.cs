namespace Picket.ModeS;

public sealed class AltitudeCodeTests
{
    [Theory]
    [InlineData("020007A0D08FF4", 10600)] // DF0, Gillham (Q = 0); adsb_deku test.rs
    [InlineData("2000102A10FC86", 1300)] // DF4, Gillham; go-adsb message_test.go
    [InlineData("20000230DD5D6E", 2600)] // DF4, Q = 1; dump1090 on the ULSS7 capture
    public void TryDecode13_AltitudeReplyOfIndependentDecoders_SameAltitude(string hex, int expectedFeet)
    {
        var frame = Convert.FromHexString(hex);
        Assert.True(AltitudeCode.TryDecode13((int)Bits.GetBits(frame, 0, 20, 32), out var feet));
        Assert.Equal(expectedFeet, feet);
    }

    [Fact]
    public void TryDecode13_AllZero_NoAltitude()
    {
        Assert.False(AltitudeCode.TryDecode13(0, out _));
    }

    [Fact]
    public void TryDecode13_QBitCodes_Are25FeetStepsFromMinus1000()
    {
        // Annex 10 Vol IV 3.1.2.6.5.4 c: N in the 11 bits around M (bit 26) and Q (bit 28), altitude = 25 N - 1000.
        Assert.True(AltitudeCode.TryDecode13(0b0000000_0_1_0001, out var feet));
        Assert.Equal(-975, feet);
        Assert.True(AltitudeCode.TryDecode13(0b1111110_1_1_1111, out feet));
        Assert.Equal((2047 * 25) - 1000, feet);
    }

    [Fact]
    public void TryDecode13_MetricUnitsBit_NotDecoded()
    {
        Assert.False(AltitudeCode.TryDecode13(0x1040, out _)); // C1 and M (bit 26) set
    }

    [Fact]
    public void Decode_IdentityReply_SquawkOfPyModeS()
    {
        // DF5 from pyModeS test_surv.py: squawk 0356.
        var frame = Convert.FromHexString("2A00516D492B80");
        Assert.Equal(Convert.ToInt32("0356", 8), IdentityCode.Decode((int)Bits.GetBits(frame, 0, 20, 32)));
    }

    [Theory]
    [InlineData(-1000, -1000)] // N = 0, the bottom of the 25 ft code (Annex 10 Vol IV 3.1.2.6.5.4 c)
    [InlineData(-988, -1000)] // rounds down below half a step
    [InlineData(-987, -975)] // rounds up from half a step
    [InlineData(50_175, 50_175)] // N = 2,047, the top of the 11-bit count
    public void TryEncode13_QBitRange_DecodesToNearest25Feet(int altitudeFeet, int decodedFeet)
    {
        Assert.True(AltitudeCode.TryEncode13(altitudeFeet, out var code13));
        Assert.Equal(0x10, code13 & 0x50); // Q = 1, M = 0
        Assert.True(AltitudeCode.TryDecode13(code13, out var feet13));
        Assert.Equal(decodedFeet, feet13);
        Assert.True(AltitudeCode.TryEncode12(altitudeFeet, out var code12));
        Assert.True(AltitudeCode.TryDecode12(code12, out var feet12));
        Assert.Equal(decodedFeet, feet12);
    }

    [Theory]
    [InlineData(-1013)]
    [InlineData(50_188)]
    public void TryEncode13_OutsideTheQBitCode_ReturnsFalse(int altitudeFeet)
    {
        Assert.False(AltitudeCode.TryEncode13(altitudeFeet, out _));
        Assert.False(AltitudeCode.TryEncode12(altitudeFeet, out _));
    }
}
