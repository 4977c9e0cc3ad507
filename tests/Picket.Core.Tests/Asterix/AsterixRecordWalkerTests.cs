namespace Picket.Asterix;

public sealed class AsterixRecordWalkerTests
{
    private readonly int[] _offsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];

    [Fact]
    public void TryWalk_ItemsNotDecoded_SkippedByFormatAndLaterItemsFound()
    {
        byte[] record =
        [
            0x81, // FSPEC octet 1: FRN 1 (010), FX
            0x01, // FSPEC octet 2: none, FX
            0x71, // FSPEC octet 3: FRN 16 (030, extended), 17 (080, fixed 2), 18 (100, fixed 4), FX
            0x8E, // FSPEC octet 4: FRN 22 (260, fixed 7), 26 (060, fixed 2), 27 (SP, explicit), 28 (RE, explicit)
            0x01, 0x02, // offset 4: I048/010
            0x03, 0x05, 0x00, // offset 6: I048/030, three parts: FX 1, FX 1, FX 0
            0x00, 0x00, // offset 9: I048/080
            0x00, 0x00, 0x00, 0x00, // offset 11: I048/100
            0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, // offset 15: I048/260
            0x00, 0x00, // offset 22: I048/060
            0x04, 0xAA, 0xBB, 0xCC, // offset 24: SP, LEN 4 counting itself
            0x07, 0xC0, 0x80, 0x10, 0x04, 0x00, 0x00, // offset 28: RE, LEN 7, content skipped whole
        ];

        var status = AsterixRecordWalker.TryWalk(AsterixUap.Cat048, record, 0, record.Length, _offsets, out var length);

        Assert.Equal(AsterixStatus.Ok, status);
        Assert.Equal(record.Length, length);
        Assert.Equal(4, _offsets[1]);
        Assert.Equal(6, _offsets[16]);
        Assert.Equal(9, _offsets[17]);
        Assert.Equal(11, _offsets[18]);
        Assert.Equal(15, _offsets[22]);
        Assert.Equal(22, _offsets[26]);
        Assert.Equal(24, _offsets[27]);
        Assert.Equal(28, _offsets[28]);
        Assert.Equal(-1, _offsets[2]);
    }

    [Fact]
    public void TryWalk_CompoundWithSpareSubfield_ReportsUndefinedItem()
    {
        byte[] record =
        [
            0x04, // FSPEC: CAT034 FRN 6 (I034/050, bit 3), FX 0
            0x40, // I034/050 primary subfield: subfield 2 (bit 7), which the profile marks spare
            0x00, // would-be subfield content
        ];

        Assert.Equal(AsterixStatus.UndefinedItem, AsterixRecordWalker.TryWalk(AsterixUap.Cat034, record, 0, record.Length, _offsets, out _));
    }

    [Fact]
    public void TryWalk_FieldSpecLongerThanProfile_Rejected()
    {
        byte[] record =
        [
            0x01, 0x01, 0x01, 0x01, // FSPEC octets 1-4, each only FX: CAT048 defines 4 octets (FRN 1-28)
            0x40, // a fifth FSPEC octet
        ];

        Assert.Equal(AsterixStatus.FieldSpecTooLong, AsterixRecordWalker.TryWalk(AsterixUap.Cat048, record, 0, record.Length, _offsets, out _));
    }

    [Fact]
    public void TryWalk_ExplicitLengthZero_Rejected()
    {
        byte[] record =
        [
            0x01, 0x01, 0x01, // FSPEC octets 1-3: FX only
            0x02, // FSPEC octet 4: FRN 28 (RE, bit 2)
            0x00, // RE LEN 0: cannot be, LEN counts itself
        ];

        Assert.Equal(AsterixStatus.InvalidExplicitLength, AsterixRecordWalker.TryWalk(AsterixUap.Cat048, record, 0, record.Length, _offsets, out _));
    }

    [Fact]
    public void TryWalk_EmptyFieldSpec_Rejected()
    {
        byte[] record =
        [
            0x00, // FSPEC: no item, FX 0
            0x19, 0xC9, // octets that no item claims
        ];

        Assert.Equal(AsterixStatus.EmptyFieldSpec, AsterixRecordWalker.TryWalk(AsterixUap.Cat048, record, 0, record.Length, _offsets, out _));
    }

    [Fact]
    public void TryWalk_FixedItemPastEnd_ReportsOverrun()
    {
        byte[] record =
        [
            0x80, // FSPEC: FRN 1 (I048/010, 2 octets)
            0x19, // only one octet left
        ];

        Assert.Equal(AsterixStatus.ItemOverrun, AsterixRecordWalker.TryWalk(AsterixUap.Cat048, record, 0, record.Length, _offsets, out _));
    }

    [Fact]
    public void TryWalk_RepetitionPastEnd_ReportsOverrun()
    {
        byte[] record =
        [
            0x01, // FSPEC octet 1: FX
            0x20, // FSPEC octet 2: FRN 10 (I048/250, repetitive 8 octets)
            0x02, // REP 2: 16 octets follow...
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // ...but only 8 do
        ];

        Assert.Equal(AsterixStatus.ItemOverrun, AsterixRecordWalker.TryWalk(AsterixUap.Cat048, record, 0, record.Length, _offsets, out _));
    }
}
