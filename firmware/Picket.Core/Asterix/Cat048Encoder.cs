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
        var frns = PresentItems(ref record);
        var p = FieldSpecWriter.Write(buffer, offset, end, frns);
        if (p < 0)
        {
            return 0;
        }

        if (FieldSpecWriter.IsSet(frns, 1))
        {
            if (!Room(p, 2, end))
            {
                return 0;
            }

            buffer[p++] = (byte)record.Sac;
            buffer[p++] = (byte)record.Sic;
        }

        if (FieldSpecWriter.IsSet(frns, 2))
        {
            if (!Room(p, 3, end))
            {
                return 0;
            }

            AsterixBytes.WriteUInt24(buffer, p, record.TimeOfDay128);
            p += 3;
        }

        if (FieldSpecWriter.IsSet(frns, 3))
        {
            if (!Room(p, DescriptorExtension(ref record) == 0 ? 1 : 2, end))
            {
                return 0;
            }

            p = WriteDescriptor(ref record, buffer, p);
        }

        if (FieldSpecWriter.IsSet(frns, 4))
        {
            if (!Room(p, 4, end))
            {
                return 0;
            }

            AsterixBytes.WriteUInt16(buffer, p, record.Rho256 > 0xFFFF ? 0xFFFF : record.Rho256);
            AsterixBytes.WriteUInt16(buffer, p + 2, record.Theta);
            p += 4;
        }

        if (FieldSpecWriter.IsSet(frns, 5))
        {
            if (!Room(p, 2, end))
            {
                return 0;
            }

            var value = (record.Mode3ANotValidated ? 0x8000 : 0) | (record.Mode3AGarbled ? 0x4000 : 0)
                | (record.Mode3ANotExtracted ? 0x2000 : 0) | (record.Mode3A & 0x0FFF);
            AsterixBytes.WriteUInt16(buffer, p, value);
            p += 2;
        }

        if (FieldSpecWriter.IsSet(frns, 6))
        {
            if (!Room(p, 2, end))
            {
                return 0;
            }

            var value = (record.FlightLevelNotValidated ? 0x8000 : 0) | (record.FlightLevelGarbled ? 0x4000 : 0)
                | (record.FlightLevelQuarters & 0x3FFF);
            AsterixBytes.WriteUInt16(buffer, p, value);
            p += 2;
        }

        if (FieldSpecWriter.IsSet(frns, 7))
        {
            if (!Room(p, 1 + CountBits(record.PlotCharacteristicsPresent & 0x7F), end))
            {
                return 0;
            }

            p = WritePlotCharacteristics(ref record, buffer, p);
        }

        if (FieldSpecWriter.IsSet(frns, 8))
        {
            if (!Room(p, 3, end))
            {
                return 0;
            }

            AsterixBytes.WriteUInt24(buffer, p, record.AircraftAddress);
            p += 3;
        }

        if (FieldSpecWriter.IsSet(frns, 9))
        {
            if (!Room(p, 6, end))
            {
                return 0;
            }

            AsterixBytes.WriteUInt24(buffer, p, (int)(record.Identification >> 24));
            AsterixBytes.WriteUInt24(buffer, p + 3, (int)record.Identification);
            p += 6;
        }

        if (FieldSpecWriter.IsSet(frns, 10))
        {
            if (!Room(p, 1 + (8 * record.ModeSDataCount), end))
            {
                return 0;
            }

            buffer[p++] = (byte)record.ModeSDataCount;
            for (var i = 0; i < 8 * record.ModeSDataCount; i++)
            {
                buffer[p++] = record.ModeSData[record.ModeSDataOffset + i];
            }
        }

        if (FieldSpecWriter.IsSet(frns, 11))
        {
            if (!Room(p, 2, end))
            {
                return 0;
            }

            AsterixBytes.WriteUInt16(buffer, p, record.TrackNumber & 0x0FFF);
            p += 2;
        }

        if (FieldSpecWriter.IsSet(frns, 12))
        {
            if (!Room(p, 4, end))
            {
                return 0;
            }

            AsterixBytes.WriteUInt16(buffer, p, record.X128);
            AsterixBytes.WriteUInt16(buffer, p + 2, record.Y128);
            p += 4;
        }

        if (FieldSpecWriter.IsSet(frns, 13))
        {
            if (!Room(p, 4, end))
            {
                return 0;
            }

            AsterixBytes.WriteUInt16(buffer, p, record.GroundSpeed);
            AsterixBytes.WriteUInt16(buffer, p + 2, record.Heading);
            p += 4;
        }

        if (FieldSpecWriter.IsSet(frns, 14))
        {
            if (!Room(p, TrackStatusExtension(ref record) == 0 ? 1 : 2, end))
            {
                return 0;
            }

            p = WriteTrackStatus(ref record, buffer, p);
        }

        if (FieldSpecWriter.IsSet(frns, 15))
        {
            if (!Room(p, 4, end))
            {
                return 0;
            }

            buffer[p++] = (byte)record.SigmaX128;
            buffer[p++] = (byte)record.SigmaY128;
            buffer[p++] = (byte)record.SigmaGroundSpeed;
            buffer[p++] = (byte)record.SigmaHeading;
        }

        if (FieldSpecWriter.IsSet(frns, 19))
        {
            if (!Room(p, 2, end))
            {
                return 0;
            }

            AsterixBytes.WriteUInt16(buffer, p, record.Height3D25Feet & 0x3FFF);
            p += 2;
        }

        if (FieldSpecWriter.IsSet(frns, 20))
        {
            if (!Room(p, 3, end))
            {
                return 0;
            }

            buffer[p++] = 0x80; // primary subfield: CAL only
            AsterixBytes.WriteUInt16(buffer, p, (record.DopplerDoubtful ? 0x8000 : 0) | (record.DopplerMetresPerSecond & 0x03FF));
            p += 2;
        }

        if (FieldSpecWriter.IsSet(frns, 21))
        {
            if (!Room(p, 2, end))
            {
                return 0;
            }

            AsterixBytes.WriteUInt16(buffer, p, record.CommunicationsCapability);
            p += 2;
        }

        if (FieldSpecWriter.IsSet(frns, 28))
        {
            if (!Room(p, 5, end))
            {
                return 0;
            }

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

    /// <summary>The FRNs <see cref="EncodeRecord"/> writes, bit FRN - 1, from the record's <c>Has…</c> flags.</summary>
    private static long PresentItems(ref Cat048Record record)
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

    private static bool Room(int position, int octets, int end) => position + octets <= end;

    private static int CountBits(int value)
    {
        var count = 0;
        for (; value != 0; value &= value - 1)
        {
            count++;
        }

        return count;
    }

    /// <summary>I048/020 first extension octet (FX 0); 0 means the extension is not needed.</summary>
    private static int DescriptorExtension(ref Cat048Record record)
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
    private static int TrackStatusExtension(ref Cat048Record record)
    {
        var flags = record.TrackIndicators;
        var extension = (flags & TrackStatusIndicators.LastReport) != 0 ? 0x80 : 0; // bit 8 TRE
        extension |= (flags & TrackStatusIndicators.Ghost) != 0 ? 0x40 : 0; // bit 7 GHO
        extension |= (flags & TrackStatusIndicators.ClusterNetwork) != 0 ? 0x20 : 0; // bit 6 SUP
        return extension | ((flags & TrackStatusIndicators.SlantCorrected) != 0 ? 0x10 : 0); // bit 5 TCC
    }

    private static int WriteDescriptor(ref Cat048Record record, byte[] buffer, int p)
    {
        var flags = record.ReportIndicators;
        var first = ((int)record.ReportType & 7) << 5;
        first |= (flags & TargetReportIndicators.Simulated) != 0 ? 0x10 : 0;
        first |= (flags & TargetReportIndicators.RdpChain2) != 0 ? 0x08 : 0;
        first |= (flags & TargetReportIndicators.Spi) != 0 ? 0x04 : 0;
        first |= (flags & TargetReportIndicators.FieldMonitor) != 0 ? 0x02 : 0;
        var extension = DescriptorExtension(ref record);
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
        var first = (flags & TrackStatusIndicators.Tentative) != 0 ? 0x80 : 0;
        first |= (record.TrackRadarType & 3) << 5;
        first |= (flags & TrackStatusIndicators.Doubtful) != 0 ? 0x10 : 0;
        first |= (flags & TrackStatusIndicators.Manoeuvre) != 0 ? 0x08 : 0;
        first |= (record.TrackClimbDescent & 3) << 1;
        var extension = TrackStatusExtension(ref record);
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
