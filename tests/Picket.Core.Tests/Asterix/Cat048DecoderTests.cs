using Picket.Testing;

namespace Picket.Asterix;

public sealed class Cat048DecoderTests
{
    [Fact]
    public void TryDecode_SampleRecord_MatchesReadmeValues()
    {
        // asterix/cat048.raw; expected values from shared/data/README.md.
        var bytes = File.ReadAllBytes(SharedData.PathOf("asterix/cat048.raw"));
        Assert.Equal(AsterixStatus.Ok, AsterixDataBlock.TryReadHeader(bytes, 0, bytes.Length, out var category, out var length));
        Assert.Equal(48, category);
        Assert.Equal(48, length);

        Assert.Equal(AsterixStatus.Ok, new Cat048Decoder().TryDecode(bytes, 3, length, out var record, out var recordLength));

        Assert.Equal(45, recordLength);
        Assert.Equal(25, record.Sac);
        Assert.Equal(201, record.Sic);
        Assert.Equal(27354.6015625, record.TimeOfDay128 / 128.0);
        Assert.Equal(TargetReportType.ModeSRollCall, record.ReportType);
        Assert.Equal(197.68359375, record.Rho256 / 256.0);
        Assert.Equal(340.13671875, record.Theta * 360.0 / 65536.0);
        Assert.Equal("1000", Convert.ToString(record.Mode3A, 8));
        Assert.Equal(330.0, record.FlightLevelQuarters / 4.0);
        Assert.Equal(0x3C660C, record.AircraftAddress);
        Assert.Equal("DLH65A", Ia5Callsign.ToText(record.Identification));
        Assert.Equal(3563, record.TrackNumber);
        Assert.Equal(0.12066650390625, record.GroundSpeed / 16384.0);
        Assert.Equal(124.0027, record.Heading * 360.0 / 65536.0, 4);
        Assert.Equal(1, record.ModeSDataCount);
    }

    [Fact]
    public void TryDecode_HandBuiltRecord_EachFieldAtItsSpecifiedBits()
    {
        byte[] bytes =
        [
            0xFD, // FSPEC octet 1: FRN 1-6 (010, 140, 020, 040, 070, 090), FRN 7 absent, FX
            0x02, // FSPEC octet 2: FRN 14 (170), FX 0
            0x07, 0x2A, // I048/010 SAC 7, SIC 42
            0x00, 0x80, 0x01, // I048/140 ToD 32,769 x 1/128 s = 256.0078125 s
            0x3B, // I048/020 TYP 001 (PSR, bits 8/6), SIM 1, RDP 1, SPI 0, RAB 1, FX 1
            0x46, // I048/020 extension: TST 0, ERR 1, XPP 0, ME 0, MI 0, FOE/FRI 11 (bits 3/2), FX 0
            0x80, 0x00, // I048/040 RHO 0x8000 / 256 = 128 NM
            0x40, 0x00, // I048/040 THETA 0x4000 x 360 / 2^16 = 90 deg
            0xE0, 0x01, // I048/070 V 1, G 1, L 1, spare 0, code 0001 (octal)
            0x3F, 0xFC, // I048/090 V 0, G 0, bits 14/1 = 0x3FFC = -4 quarters (FL -1)
            0x9B, // I048/170 CNF 1 (tentative), RAD 00, DOU 1, MAH 1, CDM 01, FX 1
            0xF0, // I048/170 extension: TRE 1, GHO 1, SUP 1, TCC 1, spare 000, FX 0
        ];

        Assert.Equal(AsterixStatus.Ok, new Cat048Decoder().TryDecode(bytes, 0, bytes.Length, out var record, out var length));

        Assert.Equal(19, length);
        Assert.Equal(7, record.Sac);
        Assert.Equal(42, record.Sic);
        Assert.Equal(32769, record.TimeOfDay128);
        Assert.Equal(TargetReportType.Psr, record.ReportType);
        Assert.Equal(
            TargetReportIndicators.Simulated | TargetReportIndicators.RdpChain2 | TargetReportIndicators.FieldMonitor | TargetReportIndicators.ExtendedRange,
            record.ReportIndicators);
        Assert.Equal(3, record.FoeFriend);
        Assert.Equal(0x8000, record.Rho256);
        Assert.Equal(0x4000, record.Theta);
        Assert.True(record.Mode3ANotValidated && record.Mode3AGarbled && record.Mode3ANotExtracted);
        Assert.Equal(1, record.Mode3A);
        Assert.Equal(-4, record.FlightLevelQuarters);
        Assert.Equal(
            TrackStatusIndicators.Tentative | TrackStatusIndicators.Doubtful | TrackStatusIndicators.Manoeuvre | TrackStatusIndicators.LastReport
            | TrackStatusIndicators.Ghost | TrackStatusIndicators.ClusterNetwork | TrackStatusIndicators.SlantCorrected,
            record.TrackIndicators);
        Assert.Equal(1, record.TrackClimbDescent);
        Assert.Equal(0, record.TrackRadarType);
    }

    [Fact]
    public void TryDecode_Edition115Sample_MatchesIndependentDecode()
    {
        // jASTERIX test record cat048ed1.15.bin; expected values as decoded by Wireshark 4.0 tshark.
        var bytes = File.ReadAllBytes(SharedData.PathOf("asterix/jasterix/cat048ed1.15.bin"));
        Assert.Equal(AsterixStatus.Ok, new Cat048Decoder().TryDecode(bytes, 3, bytes.Length, out var record, out var length));

        Assert.Equal(bytes.Length - 3, length);
        Assert.Equal(0, record.Sac);
        Assert.Equal(1, record.Sic);
        Assert.Equal(33499.8359375, record.TimeOfDay128 / 128.0);
        Assert.Equal(89.67041015625, record.Theta * 360.0 / 65536.0);
        Assert.Equal(312, record.Mode3A);
        Assert.Equal(370.0, record.FlightLevelQuarters / 4.0);
        Assert.Equal(0x04, record.PlotCharacteristicsPresent); // SAM only
        Assert.Equal(-63, record.SsrAmplitudeDbm);
        Assert.Equal(0xAB4CBD, record.AircraftAddress);
        Assert.Equal("RYR5XW", Ia5Callsign.ToText(record.Identification));
        Assert.Equal(3, record.ModeSDataCount);
        Assert.Equal(919, record.TrackNumber);
        Assert.Equal(0.128662109375, record.GroundSpeed / 16384.0);
        Assert.Equal(32.607421875, record.Heading * 360.0 / 65536.0);
        Assert.False(record.HasExtendedRange);
    }

    [Fact]
    public void TryDecode_Edition123ExtendedRange_TakesRangeFromReservedExpansion()
    {
        // cat048ed1.23.bin: I048/020 ERR = 1, I048/040 RHO = 0xFFFF (the recommended filler),
        // RE = 05 (LEN) 08 (ERR present) 01 01 00 (ERR = 0x010100 / 256 = 257 NM).
        var bytes = File.ReadAllBytes(SharedData.PathOf("asterix/jasterix/cat048ed1.23.bin"));
        Assert.Equal(AsterixStatus.Ok, new Cat048Decoder().TryDecode(bytes, 3, bytes.Length, out var record, out var length));

        Assert.Equal(bytes.Length - 3, length);
        Assert.True((record.ReportIndicators & TargetReportIndicators.ExtendedRange) != 0);
        Assert.True(record.HasExtendedRange);
        Assert.Equal(257 * 256, record.Rho256);
        Assert.Equal(89.67041015625, record.Theta * 360.0 / 65536.0);
        Assert.Equal("RYR5XW", Ia5Callsign.ToText(record.Identification));
    }

    [Fact]
    public void TryDecode_Doppler_DecodesCalculatedSpeedAndSkipsRawDoppler()
    {
        byte[] bytes =
        [
            0x01, // FSPEC octet 1: no FRN 1-7, FX
            0x01, // FSPEC octet 2: no FRN 8-14, FX
            0x04, // FSPEC octet 3: FRN 20 (I048/120)
            0xC0, // I048/120 primary subfield: CAL (bit 8) and RDS (bit 7)
            0x83, 0xFE, // CAL: D 1 (bit 16), speed bits 10/1 = 0x3FE = -2 m/s
            0x01, 0x00, 0x10, 0x00, 0x20, 0x00, 0x30, // RDS: REP 1, DOP 16, AMB 32, FRQ 48
        ];

        Assert.Equal(AsterixStatus.Ok, new Cat048Decoder().TryDecode(bytes, 0, bytes.Length, out var record, out var length));

        Assert.Equal(bytes.Length, length);
        Assert.True(record.HasDoppler);
        Assert.True(record.DopplerDoubtful);
        Assert.Equal(-2, record.DopplerMetresPerSecond);
    }

    [Fact]
    public void TryDecode_PlotCharacteristicsWithEmptyExtension_ValuesAfterBothPrimaryOctets()
    {
        byte[] bytes =
        [
            0x02, // FSPEC: FRN 7 (I048/130)
            0xA1, // I048/130 primary: SRL (bit 8), SAM (bit 6), FX 1
            0x00, // primary extension: no subfield, FX 0
            0x56, // SRL 86 x 360/2^13 deg
            0xB8, // SAM -72 dBm
        ];

        Assert.Equal(AsterixStatus.Ok, new Cat048Decoder().TryDecode(bytes, 0, bytes.Length, out var record, out var length));

        Assert.Equal(bytes.Length, length);
        Assert.Equal(0b101, record.PlotCharacteristicsPresent);
        Assert.Equal(86, record.SsrRunLength);
        Assert.Equal(-72, record.SsrAmplitudeDbm);
    }
}
