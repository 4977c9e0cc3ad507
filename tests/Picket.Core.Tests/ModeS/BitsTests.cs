namespace Picket.ModeS;

public sealed class BitsTests
{
    // DF17 identification from "The 1090 MHz riddle" (Sun, 2021), ch. 3: ICAO 4840D6, TC 4, KLM1023.
    private static readonly byte[] Identification =
    [
        0x8D, // 1-5 DF = 10001 (17), 6-8 CA = 101 (5)
        0x48, 0x40, 0xD6, // 9-32 AA = 4840D6
        0x20, // 33-37 TC = 00100 (4), 38-40 category = 000
        0x2C, 0xC3, 0x71, 0xC3, 0x2C, 0xE0, // 41-88 characters K L M 1 0 2 3 space
        0x57, 0x60, 0x98, // 89-112 parity
    ];

    [Theory]
    [InlineData(1, 5, 17u)]
    [InlineData(6, 8, 5u)]
    [InlineData(9, 32, 0x4840D6u)]
    [InlineData(33, 37, 4u)]
    [InlineData(41, 46, 11u)] // 'K'
    [InlineData(89, 112, 0x576098u)]
    [InlineData(1, 32, 0x8D4840D6u)]
    public void GetBits_SpecNumberedRange_ReturnsField(int first, int last, uint expected)
    {
        Assert.Equal(expected, Bits.GetBits(Identification, 0, first, last));
    }

    [Fact]
    public void GetBits_WithOffset_ReadsFromThatByte()
    {
        var padded = new byte[3 + Identification.Length];
        Identification.CopyTo(padded, 3);
        Assert.Equal(0x4840D6u, Bits.GetBits(padded, 3, 9, 32));
    }

    [Fact]
    public void FlipBit_Twice_RestoresFrame()
    {
        var copy = (byte[])Identification.Clone();
        Bits.FlipBit(copy, 0, 40);
        Assert.False(Bits.GetBit(copy, 0, 40) == Bits.GetBit(Identification, 0, 40));
        Bits.FlipBit(copy, 0, 40);
        Assert.Equal(Identification, copy);
    }

    [Fact]
    public void SetBits_RandomFields_OnlyThoseBitsChange()
    {
        // Checked bit by bit against the spec numbering (bit 1 = MSB of byte 0) with a bool array of the test's own.
        var random = new Random(3);
        var frame = new byte[14];
        var bits = new bool[113];
        for (var i = 0; i < 10_000; i++)
        {
            var first = random.Next(1, 113);
            var last = Math.Min(112, first + random.Next(0, 32));
            var value = (uint)random.NextInt64(0, 1L << 32);
            Bits.SetBits(frame, 0, first, last, value);
            for (var bit = last; bit >= first; bit--)
            {
                bits[bit] = ((value >> (last - bit)) & 1) != 0;
            }

            for (var bit = 1; bit <= 112; bit++)
            {
                Assert.Equal(bits[bit], ((frame[(bit - 1) / 8] >> (7 - ((bit - 1) % 8))) & 1) != 0);
            }
        }
    }
}
