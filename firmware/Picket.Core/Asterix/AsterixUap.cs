namespace Picket.Asterix;

/// <summary>
/// The user application profiles (UAP) this codec knows: for each FRN (index FRN - 1) the
/// item's layout, so that every item, known or not, can be skipped by its declared format.
/// </summary>
public static class AsterixUap
{
    /// <summary>The highest FRN any profile here defines: 4 FSPEC octets of 7 FRNs each.</summary>
    public const int MaxFieldReferenceNumber = 28;

    /// <summary>CAT048 Monoradar Target Reports, UAP of editions 1.15 to 1.31 (Part 4, section 5.3).</summary>
    public static readonly ItemDescriptor[] Cat048 = new ItemDescriptor[]
    {
        ItemDescriptor.Fixed(2), // 1: I048/010 data source identifier
        ItemDescriptor.Fixed(3), // 2: I048/140 time of day
        ItemDescriptor.Extended(1, 1), // 3: I048/020 target report descriptor
        ItemDescriptor.Fixed(4), // 4: I048/040 measured position, polar
        ItemDescriptor.Fixed(2), // 5: I048/070 Mode 3/A code
        ItemDescriptor.Fixed(2), // 6: I048/090 flight level
        ItemDescriptor.Compound(new ItemDescriptor[] // 7: I048/130 radar plot characteristics
        {
            ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(1),
            ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(1),
        }),
        ItemDescriptor.Fixed(3), // 8: I048/220 aircraft address
        ItemDescriptor.Fixed(6), // 9: I048/240 aircraft identification
        ItemDescriptor.Repetitive(8), // 10: I048/250 BDS register data
        ItemDescriptor.Fixed(2), // 11: I048/161 track number
        ItemDescriptor.Fixed(4), // 12: I048/042 calculated position, Cartesian
        ItemDescriptor.Fixed(4), // 13: I048/200 calculated track velocity, polar
        ItemDescriptor.Extended(1, 1), // 14: I048/170 track status
        ItemDescriptor.Fixed(4), // 15: I048/210 track quality
        ItemDescriptor.Extended(1, 1), // 16: I048/030 warning/error conditions
        ItemDescriptor.Fixed(2), // 17: I048/080 Mode 3/A code confidence
        ItemDescriptor.Fixed(4), // 18: I048/100 Mode C code and confidence
        ItemDescriptor.Fixed(2), // 19: I048/110 height measured by a 3-D radar
        ItemDescriptor.Compound(new ItemDescriptor[] // 20: I048/120 radial Doppler speed
        {
            ItemDescriptor.Fixed(2), ItemDescriptor.Repetitive(6),
        }),
        ItemDescriptor.Fixed(2), // 21: I048/230 communications/ACAS capability
        ItemDescriptor.Fixed(7), // 22: I048/260 ACAS resolution advisory
        ItemDescriptor.Fixed(1), // 23: I048/055 Mode 1 code
        ItemDescriptor.Fixed(2), // 24: I048/050 Mode 2 code
        ItemDescriptor.Fixed(1), // 25: I048/065 Mode 1 code confidence
        ItemDescriptor.Fixed(2), // 26: I048/060 Mode 2 code confidence
        ItemDescriptor.Explicit(), // 27: SP special purpose field
        ItemDescriptor.Explicit(), // 28: RE reserved expansion field
    };

    /// <summary>
    /// The inside of CAT048's RE field (Appendix A, reserved expansion edition 1.x): a compound
    /// of MD5, M5N, M4E, RPC, ERR, RTC after the RE length octet.
    /// </summary>
    public static readonly ItemDescriptor Cat048Expansion = ItemDescriptor.Compound(new ItemDescriptor[]
    {
        ItemDescriptor.Compound(new ItemDescriptor[] // MD5 Mode 5 reports
        {
            ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(4), ItemDescriptor.Fixed(6), ItemDescriptor.Fixed(2),
            ItemDescriptor.Fixed(2), ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(1),
        }),
        ItemDescriptor.Compound(new ItemDescriptor[] // M5N Mode 5 reports, new format
        {
            ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(4), ItemDescriptor.Fixed(6), ItemDescriptor.Fixed(2),
            ItemDescriptor.Fixed(2), ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(1),
        }),
        ItemDescriptor.Extended(1, 1), // M4E extended Mode 4 report
        ItemDescriptor.Compound(new ItemDescriptor[] // RPC radar plot characteristics
        {
            ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(2), ItemDescriptor.Fixed(2), ItemDescriptor.Fixed(2),
        }),
        ItemDescriptor.Fixed(3), // ERR extended range report
    });

    /// <summary>CAT034 Monoradar Service Messages, UAP of editions 1.26 to 1.29 (Part 2b, section 5.2).</summary>
    public static readonly ItemDescriptor[] Cat034 = new ItemDescriptor[]
    {
        ItemDescriptor.Fixed(2), // 1: I034/010 data source identifier
        ItemDescriptor.Fixed(1), // 2: I034/000 message type
        ItemDescriptor.Fixed(3), // 3: I034/030 time of day
        ItemDescriptor.Fixed(1), // 4: I034/020 sector number
        ItemDescriptor.Fixed(2), // 5: I034/041 antenna rotation period
        ItemDescriptor.Compound(new ItemDescriptor[] // 6: I034/050 system configuration and status
        {
            ItemDescriptor.Fixed(1), null, null, ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(2),
        }),
        ItemDescriptor.Compound(new ItemDescriptor[] // 7: I034/060 system processing mode
        {
            ItemDescriptor.Fixed(1), null, null, ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(1), ItemDescriptor.Fixed(1),
        }),
        ItemDescriptor.Repetitive(2), // 8: I034/070 message count values
        ItemDescriptor.Fixed(8), // 9: I034/100 generic polar window
        ItemDescriptor.Fixed(1), // 10: I034/110 data filter
        ItemDescriptor.Fixed(8), // 11: I034/120 3-D position of data source
        ItemDescriptor.Fixed(2), // 12: I034/090 collimation error
        ItemDescriptor.Explicit(), // 13: RE reserved expansion field
        ItemDescriptor.Explicit(), // 14: SP special purpose field
    };

    /// <summary>The profile for <paramref name="category"/>, or null when this codec has none.</summary>
    public static ItemDescriptor[] ForCategory(int category)
    {
        if (category == 48)
        {
            return Cat048;
        }

        return category == 34 ? Cat034 : null;
    }
}
