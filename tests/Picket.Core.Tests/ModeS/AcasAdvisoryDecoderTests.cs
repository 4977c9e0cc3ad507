namespace Picket.ModeS;

public sealed class AcasAdvisoryDecoderTests
{
    [Fact]
    public void Decode_CommBRegister30_FieldsAtAnnex10Positions()
    {
        byte[] frame =
        [
            0xA0, // DF20, FS 0
            0x00, 0x00, 0x00, // DR, UM, AC 0 (no altitude)
            0x30, // MB 1-8: register 3,0
            0x80, // MB 9-16: ARA bit 9 set (ARA = 10000000000000)
            0x01, // MB 17-22 ARA rest 000000, MB 23-24 RAC 01
            0x66, // MB 25-26 RAC 01 (RAC = 0101), 27 RAT 1, 28 MTE 0, 29-30 TTI 01, 31-32 threat address bits 10
            0xAF, 0x37, 0xBC, // MB 33-56: rest of threat address ABCDEF (MB 31-54), MB 55-56 00
            0x00, 0x00, 0x00, // AP (the address is not checked here)
        ];
        var message = default(ModeSMessage);
        ModeSDecoder.Decode(frame, 0, 14, null, 0, 0, ref message);
        Assert.Equal(CommBRegisters.Bds30, message.BdsCandidates);
        Assert.True(message.HasAcasResolutionAdvisory);
        Assert.Equal(0x2000, message.AcasActiveAdvisories);
        Assert.Equal(0b0101, message.AcasComplements);
        Assert.True(message.AcasTerminated);
        Assert.False(message.AcasMultipleThreats);
        Assert.Equal(1, message.AcasThreatType);
        Assert.Equal(0xABCDEFu, message.AcasThreatAddress);
    }
}
