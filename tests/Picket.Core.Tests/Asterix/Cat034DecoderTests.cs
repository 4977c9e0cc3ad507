using Picket.Testing;

namespace Picket.Asterix;

public sealed class Cat034DecoderTests
{
    [Fact]
    public void TryDecode_SampleSectorCrossing_MatchesReadmeValues()
    {
        // asterix/cat034.raw; expected: SAC 25 SIC 14, ToD 29906.3359375 s, sector 90 deg.
        var bytes = File.ReadAllBytes(SharedData.PathOf("asterix/cat034.raw"));
        Assert.Equal(AsterixStatus.Ok, AsterixDataBlock.TryReadHeader(bytes, 0, bytes.Length, out var category, out var length));
        Assert.Equal(34, category);

        Assert.Equal(AsterixStatus.Ok, new Cat034Decoder().TryDecode(bytes, 3, length, out var record, out var recordLength));

        Assert.Equal(length - 3, recordLength);
        Assert.Equal(25, record.Sac);
        Assert.Equal(14, record.Sic);
        Assert.Equal(Cat034MessageType.SectorCrossing, record.MessageType);
        Assert.Equal(29906.3359375, record.TimeOfDay128 / 128.0);
        Assert.Equal(90.0, record.SectorNumber * 360.0 / 256.0);
    }

    [Fact]
    public void TryDecode_JasterixSample_MatchesIndependentDecode()
    {
        // jasterix/cat034ed1.26.bin; values as decoded by Wireshark 4.0 tshark.
        var bytes = File.ReadAllBytes(SharedData.PathOf("asterix/jasterix/cat034ed1.26.bin"));

        Assert.Equal(AsterixStatus.Ok, new Cat034Decoder().TryDecode(bytes, 3, bytes.Length, out var record, out var length));

        Assert.Equal(bytes.Length - 3, length);
        Assert.Equal(0, record.Sac);
        Assert.Equal(2, record.Sic);
        Assert.Equal(Cat034MessageType.SectorCrossing, record.MessageType);
        Assert.Equal(33499.84375, record.TimeOfDay128 / 128.0);
        Assert.Equal(90.0, record.SectorNumber * 360.0 / 256.0);
    }

    [Fact]
    public void TryDecode_HandBuiltNorthMarker_ReadsPositionAndCollimation()
    {
        byte[] record =
        [
            0xE1, // FSPEC octet 1: FRN 1 (010), 2 (000), 3 (030), FX
            0x34, // FSPEC octet 2: FRN 10 (110, bit 6), 11 (120, bit 5), 13 (RE, bit 3), FX 0
            0x19, 0x0E, // I034/010 SAC 25, SIC 14
            0x01, // I034/000 message type 1, north marker
            0x00, 0x00, 0x80, // I034/030 ToD 128 x 1/128 s = 1 s
            0x02, // I034/110 data filter type 2
            0x03, 0x0C, // I034/120 height 780 m
            0x1E, 0xFB, 0xDD, // I034/120 latitude 2,030,557 x 180 / 2^23 deg (values of cat_034_048.txt)
            0x0B, 0xAA, 0xA2, // I034/120 longitude 764,578 x 180 / 2^23 deg
            0x03, 0xAA, 0xBB, // RE: LEN 3 (counts itself), content skipped
        ];

        Assert.Equal(AsterixStatus.Ok, new Cat034Decoder().TryDecode(record, 0, record.Length, out var decoded, out var length));

        Assert.Equal(record.Length, length);
        Assert.Equal(Cat034MessageType.NorthMarker, decoded.MessageType);
        Assert.Equal(128, decoded.TimeOfDay128);
        Assert.Equal(2, decoded.DataFilter);
        Assert.Equal(780, decoded.HeightMetres);
        Assert.Equal(2030557, decoded.Latitude23);
        Assert.Equal(764578, decoded.Longitude23);
    }
}
