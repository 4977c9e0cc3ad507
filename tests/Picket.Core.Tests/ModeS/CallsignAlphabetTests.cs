namespace Picket.ModeS;

public sealed class CallsignAlphabetTests
{
    [Fact]
    public void TryPack_ShortCallsign_PaddedWithSpaceCodes()
    {
        Assert.True(CallsignAlphabet.TryPack("KLM1", out var characters));

        // Annex 10 Vol IV table 3-9: K = 11, L = 12, M = 13, '1' = 49, space = 32 (four of them).
        ulong expected = 0;
        foreach (var code in new[] { 11, 12, 13, 49, 32, 32, 32, 32 })
        {
            expected = (expected << 6) | (uint)code;
        }

        Assert.Equal(expected, characters);
    }

    [Theory]
    [InlineData("klm1")] // lower case is not in the set
    [InlineData("KLM-1")]
    [InlineData("ABCDEFGHI")] // nine characters
    [InlineData(null)]
    public void TryPack_NotEncodable_ReturnsFalse(string? text)
    {
        Assert.False(CallsignAlphabet.TryPack(text!, out var characters));
        Assert.Equal(0UL, characters);
    }
}
