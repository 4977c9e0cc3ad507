namespace Picket.Asterix;

/// <summary>
/// Encodes <see cref="Cat034Record"/>s into a caller-owned array, items in UAP order with the
/// LSBs of the CAT034 specification (Part 2b). Allocates nothing.
/// </summary>
public static class Cat034Encoder
{
    private const int MaxFieldSpecOctets = 2;

    /// <summary>Writes one record at <paramref name="offset"/>; returns its length, or 0 when it does not fit before <paramref name="end"/>.</summary>
    public static int EncodeRecord(ref Cat034Record record, byte[] buffer, int offset, int end)
    {
        var frns = new FieldSpecWriter(buffer, offset, end, MaxFieldSpecOctets);
        var p = frns.ItemsStart;
        if (p < 0 || p + 40 > end)
        {
            // 40 octets hold every item this encoder writes; checking once keeps the code flat.
            return 0;
        }

        if (record.HasDataSource)
        {
            frns.Set(1);
            buffer[p++] = (byte)record.Sac;
            buffer[p++] = (byte)record.Sic;
        }

        if (record.HasMessageType)
        {
            frns.Set(2);
            buffer[p++] = (byte)record.MessageType;
        }

        if (record.HasTimeOfDay)
        {
            frns.Set(3);
            AsterixBytes.WriteUInt24(buffer, p, record.TimeOfDay128);
            p += 3;
        }

        if (record.HasSectorNumber)
        {
            frns.Set(4);
            buffer[p++] = (byte)record.SectorNumber;
        }

        if (record.HasAntennaRotationPeriod)
        {
            frns.Set(5);
            AsterixBytes.WriteUInt16(buffer, p, record.AntennaRotationPeriod128);
            p += 2;
        }

        if ((record.SystemConfigurationPresent & 0x39) != 0)
        {
            frns.Set(6);
            p = WriteStatusCompound(buffer, p, record.SystemConfigurationPresent, record.SystemConfigurationCom,
                record.SystemConfigurationPsr, record.SystemConfigurationSsr, record.SystemConfigurationMds, 2);
        }

        if ((record.ProcessingModePresent & 0x39) != 0)
        {
            frns.Set(7);
            p = WriteStatusCompound(buffer, p, record.ProcessingModePresent, record.ProcessingModeCom,
                record.ProcessingModePsr, record.ProcessingModeSsr, record.ProcessingModeMds, 1);
        }

        if (record.HasPolarWindow)
        {
            frns.Set(9);
            AsterixBytes.WriteUInt16(buffer, p, record.RhoStart256);
            AsterixBytes.WriteUInt16(buffer, p + 2, record.RhoEnd256);
            AsterixBytes.WriteUInt16(buffer, p + 4, record.ThetaStart);
            AsterixBytes.WriteUInt16(buffer, p + 6, record.ThetaEnd);
            p += 8;
        }

        if (record.HasDataFilter)
        {
            frns.Set(10);
            buffer[p++] = (byte)record.DataFilter;
        }

        if (record.HasPosition)
        {
            frns.Set(11);
            AsterixBytes.WriteUInt16(buffer, p, record.HeightMetres);
            AsterixBytes.WriteUInt24(buffer, p + 2, record.Latitude23);
            AsterixBytes.WriteUInt24(buffer, p + 5, record.Longitude23);
            p += 8;
        }

        if (record.HasCollimationError)
        {
            frns.Set(12);
            buffer[p++] = (byte)record.RangeError128;
            buffer[p++] = (byte)record.AzimuthError;
        }

        return frns.Finish(p);
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
