namespace Picket.Asterix;

/// <summary>
/// Encodes <see cref="Cat034Record"/>s into a caller-owned array, items in UAP order with the
/// LSBs of the CAT034 specification (Part 2b). Allocates nothing.
/// </summary>
public static class Cat034Encoder
{
    /// <summary>Writes one record at <paramref name="offset"/>; returns its length, or 0 when it does not fit before <paramref name="end"/>.</summary>
    public static int EncodeRecord(ref Cat034Record record, byte[] buffer, int offset, int end)
    {
        var frns = PresentItems(ref record);
        var p = FieldSpecWriter.Write(buffer, offset, end, frns);
        if (p < 0 || p + ItemsLength(ref record) > end)
        {
            return 0;
        }

        if (FieldSpecWriter.IsSet(frns, 1))
        {
            buffer[p++] = (byte)record.Sac;
            buffer[p++] = (byte)record.Sic;
        }

        if (FieldSpecWriter.IsSet(frns, 2))
        {
            buffer[p++] = (byte)record.MessageType;
        }

        if (FieldSpecWriter.IsSet(frns, 3))
        {
            AsterixBytes.WriteUInt24(buffer, p, record.TimeOfDay128);
            p += 3;
        }

        if (FieldSpecWriter.IsSet(frns, 4))
        {
            buffer[p++] = (byte)record.SectorNumber;
        }

        if (FieldSpecWriter.IsSet(frns, 5))
        {
            AsterixBytes.WriteUInt16(buffer, p, record.AntennaRotationPeriod128);
            p += 2;
        }

        if (FieldSpecWriter.IsSet(frns, 6))
        {
            p = WriteStatusCompound(buffer, p, record.SystemConfigurationPresent, record.SystemConfigurationCom,
                record.SystemConfigurationPsr, record.SystemConfigurationSsr, record.SystemConfigurationMds, 2);
        }

        if (FieldSpecWriter.IsSet(frns, 7))
        {
            p = WriteStatusCompound(buffer, p, record.ProcessingModePresent, record.ProcessingModeCom,
                record.ProcessingModePsr, record.ProcessingModeSsr, record.ProcessingModeMds, 1);
        }

        if (FieldSpecWriter.IsSet(frns, 9))
        {
            AsterixBytes.WriteUInt16(buffer, p, record.RhoStart256);
            AsterixBytes.WriteUInt16(buffer, p + 2, record.RhoEnd256);
            AsterixBytes.WriteUInt16(buffer, p + 4, record.ThetaStart);
            AsterixBytes.WriteUInt16(buffer, p + 6, record.ThetaEnd);
            p += 8;
        }

        if (FieldSpecWriter.IsSet(frns, 10))
        {
            buffer[p++] = (byte)record.DataFilter;
        }

        if (FieldSpecWriter.IsSet(frns, 11))
        {
            AsterixBytes.WriteUInt16(buffer, p, record.HeightMetres);
            AsterixBytes.WriteUInt24(buffer, p + 2, record.Latitude23);
            AsterixBytes.WriteUInt24(buffer, p + 5, record.Longitude23);
            p += 8;
        }

        if (FieldSpecWriter.IsSet(frns, 12))
        {
            buffer[p++] = (byte)record.RangeError128;
            buffer[p++] = (byte)record.AzimuthError;
        }

        return p - offset;
    }

    /// <summary>Writes a whole CAT034 data block of <paramref name="count"/> records; returns its length, or 0 when it does not fit.</summary>
    public static int EncodeBlock(Cat034Record[] records, int count, byte[] buffer, int offset, int end)
    {
        var p = offset + AsterixDataBlock.HeaderLength;
        for (var i = 0; i < count; i++)
        {
            var length = p < end ? EncodeRecord(ref records[i], buffer, p, end) : 0;
            if (length == 0 || p + length - offset > 0xFFFF)
            {
                return 0;
            }

            p += length;
        }

        AsterixDataBlock.WriteHeader(buffer, offset, 34, p - offset);
        return p - offset;
    }

    /// <summary>The FRNs <see cref="EncodeRecord"/> writes, bit FRN - 1.</summary>
    private static long PresentItems(ref Cat034Record record)
    {
        long frns = 0;
        frns |= record.HasDataSource ? 1L << 0 : 0;
        frns |= record.HasMessageType ? 1L << 1 : 0;
        frns |= record.HasTimeOfDay ? 1L << 2 : 0;
        frns |= record.HasSectorNumber ? 1L << 3 : 0;
        frns |= record.HasAntennaRotationPeriod ? 1L << 4 : 0;
        frns |= (record.SystemConfigurationPresent & 0x39) != 0 ? 1L << 5 : 0;
        frns |= (record.ProcessingModePresent & 0x39) != 0 ? 1L << 6 : 0;
        frns |= record.HasPolarWindow ? 1L << 8 : 0;
        frns |= record.HasDataFilter ? 1L << 9 : 0;
        frns |= record.HasPosition ? 1L << 10 : 0;
        frns |= record.HasCollimationError ? 1L << 11 : 0;
        return frns;
    }

    /// <summary>Octets of the items <see cref="EncodeRecord"/> writes for <paramref name="record"/>, so room is checked once.</summary>
    private static int ItemsLength(ref Cat034Record record)
    {
        var length = record.HasDataSource ? 2 : 0;
        length += record.HasMessageType ? 1 : 0;
        length += record.HasTimeOfDay ? 3 : 0;
        length += record.HasSectorNumber ? 1 : 0;
        length += record.HasAntennaRotationPeriod ? 2 : 0;
        length += StatusCompoundLength(record.SystemConfigurationPresent, 2);
        length += StatusCompoundLength(record.ProcessingModePresent, 1);
        length += record.HasPolarWindow ? 8 : 0;
        length += record.HasDataFilter ? 1 : 0;
        length += record.HasPosition ? 8 : 0;
        return length + (record.HasCollimationError ? 2 : 0);
    }

    private static int StatusCompoundLength(int present, int mdsOctets)
    {
        if ((present & 0x39) == 0)
        {
            return 0;
        }

        return 1 + (present & 1) + ((present >> 3) & 1) + ((present >> 4) & 1) + (((present >> 5) & 1) * mdsOctets);
    }

    private static int WriteStatusCompound(byte[] buffer, int p, int present, int com, int psr, int ssr, int mds, int mdsOctets)
    {
        // Primary subfield: bit 8 COM, bits 7/6 spare, bit 5 PSR, bit 4 SSR, bit 3 MDS (I034/050, I034/060).
        var primary = ((present & 1) != 0 ? 0x80 : 0) | ((present & 8) != 0 ? 0x10 : 0)
            | ((present & 16) != 0 ? 0x08 : 0) | ((present & 32) != 0 ? 0x04 : 0);
        buffer[p++] = (byte)primary;
        if ((present & 1) != 0)
        {
            buffer[p++] = (byte)com;
        }

        if ((present & 8) != 0)
        {
            buffer[p++] = (byte)psr;
        }

        if ((present & 16) != 0)
        {
            buffer[p++] = (byte)ssr;
        }

        if ((present & 32) != 0)
        {
            if (mdsOctets == 2)
            {
                buffer[p++] = (byte)(mds >> 8);
            }

            buffer[p++] = (byte)mds;
        }

        return p;
    }
}
