namespace Picket.ModeS;

public sealed class ModeSDecoderTests
{
    private const long Second = 12_000_000;

    [Fact]
    public void Decode_AddressParityReplyOfUnknownAddress_Unconfirmed()
    {
        var known = new KnownAircraftTable(64, 60 * Second);
        var frame = Convert.FromHexString("20000230DD5D6E"); // DF4 of 400159 (ULSS7 capture)
        var message = default(ModeSMessage);
        Assert.True(ModeSDecoder.Decode(frame, 0, 7, known, Second, 1, ref message));
        Assert.Equal(ModeSCrcStatus.AddressUnconfirmed, message.CrcStatus);
        Assert.False(ModeSDecoder.IsTrusted(ref message));
    }

    [Fact]
    public void Decode_AddressParityReplyAfterAllCallOfSameAircraft_Confirmed()
    {
        var known = new KnownAircraftTable(64, 60 * Second);
        var message = default(ModeSMessage);
        var allCall = Convert.FromHexString("5F4001594B0FBB"); // DF11 of 400159
        ModeSDecoder.Decode(allCall, 0, 7, known, Second, 1, ref message);
        Assert.Equal(ModeSCrcStatus.Valid, message.CrcStatus);

        var reply = Convert.FromHexString("20000230DD5D6E");
        ModeSDecoder.Decode(reply, 0, 7, known, 2 * Second, 1, ref message);
        Assert.Equal(ModeSCrcStatus.AddressConfirmed, message.CrcStatus);
        Assert.Equal(0x400159u, message.Address);
        Assert.Equal(2600, message.AltitudeFeet); // dump1090's decode of the same frame
    }

    [Fact]
    public void Decode_LengthDisagreesWithFormat_ReturnsFalse()
    {
        var frame = Convert.FromHexString("8D4840D6202CC371C32CE0576098");
        var message = default(ModeSMessage);
        Assert.False(ModeSDecoder.Decode(frame, 0, 7, null, 0, 1, ref message));
    }

    [Fact]
    public void Decode_SingleBitErrorInDf17_CorrectedAndDecoded()
    {
        var frame = Convert.FromHexString("8D4840D6202CC371C32CE0576098");
        Bits.FlipBit(frame, 0, 50);
        var message = default(ModeSMessage);
        ModeSDecoder.Decode(frame, 0, 14, null, 0, 1, ref message);
        Assert.Equal(ModeSCrcStatus.Corrected, message.CrcStatus);
        Assert.Equal(1, message.CorrectedBits);
        var chars = new char[8];
        Assert.Equal("KLM1023", new string(chars, 0, CallsignAlphabet.Write(message.CallsignCharacters, chars, 0)));
    }
}
