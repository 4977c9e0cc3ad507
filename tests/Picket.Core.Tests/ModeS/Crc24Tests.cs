namespace Picket.ModeS;

public sealed class Crc24Tests
{
    // DF17 KLM1023 (1090 MHz riddle): parity 576098 (bytes 12-14) is the CRC of bytes 1-11.
    private static readonly byte[] Long = Convert.FromHexString("8D4840D6202CC371C32CE0576098");

    // DF11 all-call reply of 400159 from the ULSS7 capture (dump1090: crc_remainder 0).
    private static readonly byte[] Short = Convert.FromHexString("5F4001594B0FBB");

    [Fact]
    public void Compute_DataBits_EqualsTransmittedParity()
    {
        Assert.Equal(0x576098u, Crc24.Compute(Long, 0, 11));
    }

    [Fact]
    public void Syndrome_IntactFrames_IsZero()
    {
        Assert.Equal(0u, Crc24.Syndrome(Long, 0, 14));
        Assert.Equal(0u, Crc24.Syndrome(Short, 0, 7));
    }

    [Fact]
    public void Syndrome_AddressParityReply_IsTheAddress()
    {
        // DF4 altitude reply from the ULSS7 capture; dump1090 recovered address 400159 from its AP field.
        Assert.Equal(0x400159u, Crc24.Syndrome(Convert.FromHexString("20000230DD5D6E"), 0, 7));
    }
}
