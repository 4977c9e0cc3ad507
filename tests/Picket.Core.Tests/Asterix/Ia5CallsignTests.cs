namespace Picket.Asterix;

public sealed class Ia5CallsignTests
{
    [Fact]
    public void ToText_PackedCodes_AnnexTenCharacters()
    {
        // Annex 10 Vol IV table 3-9: D = 4, L = 12, H = 8, 6 = 54, 5 = 53, A = 1, then two spaces (32).
        const long packed = (4L << 42) | (12L << 36) | (8L << 30) | (54L << 24) | (53L << 18) | (1L << 12) | (32L << 6) | 32L;

        Assert.Equal("DLH65A", Ia5Callsign.ToText(packed));
    }

    [Fact]
    public void CharAt_CodeZeroAndUnassignedCodes_SpaceAndHash()
    {
        // Code 0 (no identification set) reads as a space; 27 and 58 are not assigned in table 3-9.
        const long packed = (27L << 36) | (58L << 30);

        Assert.Equal(' ', Ia5Callsign.CharAt(packed, 0));
        Assert.Equal('#', Ia5Callsign.CharAt(packed, 1));
        Assert.Equal('#', Ia5Callsign.CharAt(packed, 2));
    }

    [Fact]
    public void TryPack_ShortCallsign_LeftJustifiedSpacePadded()
    {
        Assert.True(Ia5Callsign.TryPack("KLM1023", out var packed));

        // K = 11, L = 12, M = 13, 1 = 49, 0 = 48, 2 = 50, 3 = 51, space = 32.
        Assert.Equal((11L << 42) | (12L << 36) | (13L << 30) | (49L << 24) | (48L << 18) | (50L << 12) | (51L << 6) | 32L, packed);
    }

    [Fact]
    public void TryPack_LowerCaseOrTooLong_False()
    {
        Assert.False(Ia5Callsign.TryPack("klm1023", out _));
        Assert.False(Ia5Callsign.TryPack("ABCDEFGHI", out _));
    }
}
