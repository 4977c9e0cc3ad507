namespace Picket.Asterix;

/// <summary>
/// Which CAT048 items a record needs and how long they are, so the encoder checks room once
/// and writes the FSPEC before the items. Bit FRN - 1 of the returned masks is FRN.
/// </summary>
internal static class Cat048Layout
{
    /// <summary>The FRNs the encoder writes, from the record's <c>Has…</c> flags.</summary>
    public static long PresentItems(ref Cat048Record record)
    {
        long frns = 0;
        frns |= record.HasDataSource ? 1L << 0 : 0;
        frns |= record.HasTimeOfDay ? 1L << 1 : 0;
        frns |= record.HasDescriptor ? 1L << 2 : 0;
        frns |= record.HasPolarPosition ? 1L << 3 : 0;
        frns |= record.HasMode3A ? 1L << 4 : 0;
        frns |= record.HasFlightLevel ? 1L << 5 : 0;
        frns |= (record.PlotCharacteristicsPresent & 0x7F) != 0 ? 1L << 6 : 0;
        frns |= record.HasAircraftAddress ? 1L << 7 : 0;
        frns |= record.HasIdentification ? 1L << 8 : 0;
        frns |= record.ModeSData != null ? 1L << 9 : 0;
        frns |= record.HasTrackNumber ? 1L << 10 : 0;
        frns |= record.HasCartesianPosition ? 1L << 11 : 0;
        frns |= record.HasPolarVelocity ? 1L << 12 : 0;
        frns |= record.HasTrackStatus ? 1L << 13 : 0;
        frns |= record.HasTrackQuality ? 1L << 14 : 0;
        frns |= record.HasHeight3D ? 1L << 18 : 0;
        frns |= record.HasDoppler ? 1L << 19 : 0;
        frns |= record.HasCommunicationsCapability ? 1L << 20 : 0;
        frns |= record.HasExtendedRange && record.HasPolarPosition ? 1L << 27 : 0;
        return frns;
    }

    /// <summary>Octets of the items in <paramref name="frns"/> as the encoder writes them (FSPEC excluded).</summary>
    public static int ItemsLength(ref Cat048Record record, long frns)
    {
        var length = 0;
        for (var frn = 1; frn <= AsterixUap.MaxFieldReferenceNumber; frn++)
        {
            if (FieldSpecWriter.IsSet(frns, frn))
            {
                length += ItemLength(ref record, frn);
            }
        }

        return length;
    }

    /// <summary>I048/020 first extension octet (FX 0); 0 means the extension is not needed.</summary>
    public static int DescriptorExtension(ref Cat048Record record)
    {
        var flags = record.ReportIndicators;
        var extension = (flags & TargetReportIndicators.Test) != 0 ? 0x80 : 0; // bit 8 TST
        extension |= (flags & TargetReportIndicators.ExtendedRange) != 0 ? 0x40 : 0; // bit 7 ERR
        extension |= (flags & TargetReportIndicators.XPulse) != 0 ? 0x20 : 0; // bit 6 XPP
        extension |= (flags & TargetReportIndicators.MilitaryEmergency) != 0 ? 0x10 : 0; // bit 5 ME
        extension |= (flags & TargetReportIndicators.MilitaryIdentification) != 0 ? 0x08 : 0; // bit 4 MI
        return extension | ((record.FoeFriend & 3) << 1); // bits 3/2 FOE/FRI
    }

    /// <summary>I048/170 first extension octet (FX 0); 0 means the extension is not needed.</summary>
    public static int TrackStatusExtension(ref Cat048Record record)
    {
        var flags = record.TrackIndicators;
        var extension = (flags & TrackStatusIndicators.LastReport) != 0 ? 0x80 : 0; // bit 8 TRE
        extension |= (flags & TrackStatusIndicators.Ghost) != 0 ? 0x40 : 0; // bit 7 GHO
        extension |= (flags & TrackStatusIndicators.ClusterNetwork) != 0 ? 0x20 : 0; // bit 6 SUP
        return extension | ((flags & TrackStatusIndicators.SlantCorrected) != 0 ? 0x10 : 0); // bit 5 TCC
    }

    private static int ItemLength(ref Cat048Record record, int frn)
    {
        switch (frn)
        {
            case 2:
                return 3; // I048/140
            case 3:
                return DescriptorExtension(ref record) == 0 ? 1 : 2; // I048/020
            case 4:
            case 12:
            case 13:
            case 15:
                return 4; // I048/040, 042, 200, 210
            case 7:
                return 1 + CountBits(record.PlotCharacteristicsPresent & 0x7F); // I048/130: primary + one octet per subfield
            case 8:
                return 3; // I048/220
            case 9:
                return 6; // I048/240
            case 10:
                return 1 + (8 * record.ModeSDataCount); // I048/250: REP + 8 per register
            case 14:
                return TrackStatusExtension(ref record) == 0 ? 1 : 2; // I048/170
            case 20:
                return 3; // I048/120: primary + CAL
            case 28:
                return 5; // RE: LEN, primary, ERR
            default:
                return 2; // I048/010, 070, 090, 161, 110, 230
        }
    }

    private static int CountBits(int value)
    {
        var count = 0;
        for (; value != 0; value &= value - 1)
        {
            count++;
        }

        return count;
    }
}
