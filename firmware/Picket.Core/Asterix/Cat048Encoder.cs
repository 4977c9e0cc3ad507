namespace Picket.Asterix;

/// <summary>
/// Encodes <see cref="Cat048Record"/>s into a caller-owned array, items in UAP order with the
/// LSBs of the CAT048 specification (Part 4). Writes what the record's <c>Has…</c> flags say;
/// allocates nothing. Used by the simulator and by the tests that check against tshark.
/// </summary>
public static class Cat048Encoder
{
    /// <summary>
    /// Writes one record at <paramref name="offset"/>. Returns its length in octets, or 0 when it
    /// does not fit before <paramref name="end"/> (nothing useful is then written).
    /// </summary>
    public static int EncodeRecord(ref Cat048Record record, byte[] buffer, int offset, int end)
    {
        var frns = Cat048Layout.PresentItems(ref record);
        var p = FieldSpecWriter.Write(buffer, offset, end, frns);
        if (p < 0 || p + Cat048Layout.ItemsLength(ref record, frns) > end)
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
            AsterixBytes.WriteUInt24(buffer, p, record.TimeOfDay128);
            p += 3;
        }

        if (FieldSpecWriter.IsSet(frns, 3))
        {
            p = WriteDescriptor(ref record, buffer, p);
        }

        if (FieldSpecWriter.IsSet(frns, 4))
        {
            AsterixBytes.WriteUInt16(buffer, p, record.Rho256 > 0xFFFF ? 0xFFFF : record.Rho256);
            AsterixBytes.WriteUInt16(buffer, p + 2, record.Theta);
            p += 4;
        }

        if (FieldSpecWriter.IsSet(frns, 5))
        {
            var value = (record.Mode3ANotValidated ? 0x8000 : 0) | (record.Mode3AGarbled ? 0x4000 : 0)
                | (record.Mode3ANotExtracted ? 0x2000 : 0) | (record.Mode3A & 0x0FFF);
            AsterixBytes.WriteUInt16(buffer, p, value);
            p += 2;
        }

        if (FieldSpecWriter.IsSet(frns, 6))
        {
            var value = (record.FlightLevelNotValidated ? 0x8000 : 0) | (record.FlightLevelGarbled ? 0x4000 : 0)
                | (record.FlightLevelQuarters & 0x3FFF);
            AsterixBytes.WriteUInt16(buffer, p, value);
            p += 2;
        }

        if (FieldSpecWriter.IsSet(frns, 7))
        {
            p = WritePlotCharacteristics(ref record, buffer, p);
        }

        if (FieldSpecWriter.IsSet(frns, 8))
        {
            AsterixBytes.WriteUInt24(buffer, p, record.AircraftAddress);
            p += 3;
        }

        if (FieldSpecWriter.IsSet(frns, 9))
        {
            AsterixBytes.WriteUInt24(buffer, p, (int)(record.Identification >> 24));
            AsterixBytes.WriteUInt24(buffer, p + 3, (int)record.Identification);
            p += 6;
        }

        if (FieldSpecWriter.IsSet(frns, 10))
        {
            buffer[p++] = (byte)record.ModeSDataCount;
            for (var i = 0; i < 8 * record.ModeSDataCount; i++)
            {
                buffer[p++] = record.ModeSData[record.ModeSDataOffset + i];
            }
        }

        if (FieldSpecWriter.IsSet(frns, 11))
        {
            AsterixBytes.WriteUInt16(buffer, p, record.TrackNumber & 0x0FFF);
            p += 2;
        }

        if (FieldSpecWriter.IsSet(frns, 12))
        {
            AsterixBytes.WriteUInt16(buffer, p, record.X128);
            AsterixBytes.WriteUInt16(buffer, p + 2, record.Y128);
            p += 4;
        }

        if (FieldSpecWriter.IsSet(frns, 13))
        {
            AsterixBytes.WriteUInt16(buffer, p, record.GroundSpeed);
            AsterixBytes.WriteUInt16(buffer, p + 2, record.Heading);
            p += 4;
        }

        if (FieldSpecWriter.IsSet(frns, 14))
        {
            p = WriteTrackStatus(ref record, buffer, p);
        }

        if (FieldSpecWriter.IsSet(frns, 15))
        {
            buffer[p++] = (byte)record.SigmaX128;
            buffer[p++] = (byte)record.SigmaY128;
            buffer[p++] = (byte)record.SigmaGroundSpeed;
            buffer[p++] = (byte)record.SigmaHeading;
        }

        if (FieldSpecWriter.IsSet(frns, 19))
        {
            AsterixBytes.WriteUInt16(buffer, p, record.Height3D25Feet & 0x3FFF);
            p += 2;
        }

        if (FieldSpecWriter.IsSet(frns, 20))
        {
            buffer[p++] = 0x80; // primary subfield: CAL only
            AsterixBytes.WriteUInt16(buffer, p, (record.DopplerDoubtful ? 0x8000 : 0) | (record.DopplerMetresPerSecond & 0x03FF));
            p += 2;
        }

        if (FieldSpecWriter.IsSet(frns, 21))
        {
            AsterixBytes.WriteUInt16(buffer, p, record.CommunicationsCapability);
            p += 2;
        }

        if (FieldSpecWriter.IsSet(frns, 28))
        {
            // RE: LEN 5, expansion primary subfield with ERR (bit 4), then the 24-bit range.
            buffer[p++] = 5;
            buffer[p++] = 0x08;
            AsterixBytes.WriteUInt24(buffer, p, record.Rho256);
            p += 3;
        }

        return p - offset;
    }

    /// <summary>
    /// Writes a whole CAT048 data block of <paramref name="count"/> records from
    /// <paramref name="records"/>. Returns the block length, or 0 when it does not fit.
    /// </summary>
    public static int EncodeBlock(Cat048Record[] records, int count, byte[] buffer, int offset, int end)
    {
        var p = offset + AsterixDataBlock.HeaderLength;
        if (p > end)
        {
            return 0;
        }

        for (var i = 0; i < count; i++)
        {
            var length = EncodeRecord(ref records[i], buffer, p, end);
            if (length == 0 || p + length - offset > 0xFFFF)
            {
                return 0;
            }

            p += length;
        }

        AsterixDataBlock.WriteHeader(buffer, offset, 48, p - offset);
        return p - offset;
    }

    private static int WriteDescriptor(ref Cat048Record record, byte[] buffer, int p)
    {
        var flags = record.ReportIndicators;
        var first = ((int)record.ReportType & 7) << 5; // bits 8/6 TYP
        first |= (flags & TargetReportIndicators.Simulated) != 0 ? 0x10 : 0; // bit 5 SIM
        first |= (flags & TargetReportIndicators.RdpChain2) != 0 ? 0x08 : 0; // bit 4 RDP
        first |= (flags & TargetReportIndicators.Spi) != 0 ? 0x04 : 0; // bit 3 SPI
        first |= (flags & TargetReportIndicators.FieldMonitor) != 0 ? 0x02 : 0; // bit 2 RAB
        var extension = Cat048Layout.DescriptorExtension(ref record);
        if (extension == 0)
        {
            buffer[p++] = (byte)first;
            return p;
        }

        buffer[p++] = (byte)(first | 1);
        buffer[p++] = (byte)extension;
        return p;
    }

    private static int WritePlotCharacteristics(ref Cat048Record record, byte[] buffer, int p)
    {
        var present = record.PlotCharacteristicsPresent & 0x7F;
        var primary = 0;
        for (var subfield = 0; subfield < 7; subfield++)
        {
            primary |= (present & (1 << subfield)) != 0 ? 0x80 >> subfield : 0;
        }

        buffer[p++] = (byte)primary;
        for (var subfield = 0; subfield < 7; subfield++)
        {
            if ((present & (1 << subfield)) == 0)
            {
                continue;
            }

            int value;
            switch (subfield)
            {
                case 0:
                    value = record.SsrRunLength;
                    break;
                case 1:
                    value = record.SsrReplies;
                    break;
                case 2:
                    value = record.SsrAmplitudeDbm;
                    break;
                case 3:
                    value = record.PsrRunLength;
                    break;
                case 4:
                    value = record.PsrAmplitudeDbm;
                    break;
                case 5:
                    value = record.RangeDifference256;
                    break;
                default:
                    value = record.AzimuthDifference;
                    break;
            }

            buffer[p++] = (byte)value;
        }

        return p;
    }

    private static int WriteTrackStatus(ref Cat048Record record, byte[] buffer, int p)
    {
        var flags = record.TrackIndicators;
        var first = (flags & TrackStatusIndicators.Tentative) != 0 ? 0x80 : 0; // bit 8 CNF
        first |= (record.TrackRadarType & 3) << 5; // bits 7/6 RAD
        first |= (flags & TrackStatusIndicators.Doubtful) != 0 ? 0x10 : 0; // bit 5 DOU
        first |= (flags & TrackStatusIndicators.Manoeuvre) != 0 ? 0x08 : 0; // bit 4 MAH
        first |= (record.TrackClimbDescent & 3) << 1; // bits 3/2 CDM
        var extension = Cat048Layout.TrackStatusExtension(ref record);
        if (extension == 0)
        {
            buffer[p++] = (byte)first;
            return p;
        }

        buffer[p++] = (byte)(first | 1);
        buffer[p++] = (byte)extension;
        return p;
    }
}
