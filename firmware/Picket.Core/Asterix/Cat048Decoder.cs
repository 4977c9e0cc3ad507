namespace Picket.Asterix;

/// <summary>
/// Decodes CAT048 records (EUROCONTROL ASTERIX Part 4, CAT048 editions 1.15 to 1.31). Items
/// are located by <see cref="AsterixRecordWalker"/>, so unknown items are skipped by format.
/// One instance per thread: it owns a small scratch array and allocates nothing per record.
/// </summary>
public sealed class Cat048Decoder
{
    private readonly int[] _items = new int[AsterixUap.MaxFieldReferenceNumber + 1];

    /// <summary>Decodes the record at <paramref name="offset"/> of a CAT048 block ending at <paramref name="end"/>.</summary>
    /// <param name="buffer">The bytes; I048/250 registers stay in it (see <see cref="Cat048Record.ModeSData"/>).</param>
    /// <param name="offset">The record's first FSPEC octet.</param>
    /// <param name="end">One past the block's last octet.</param>
    /// <param name="record">The decoded record when the result is <see cref="AsterixStatus.Ok"/>.</param>
    /// <param name="recordLength">Octets of the record.</param>
    public AsterixStatus TryDecode(byte[] buffer, int offset, int end, out Cat048Record record, out int recordLength)
    {
        record = default(Cat048Record);
        var status = AsterixRecordWalker.TryWalk(AsterixUap.Cat048, buffer, offset, end, _items, out recordLength);
        if (status != AsterixStatus.Ok)
        {
            return status;
        }

        var at = _items[1];
        if (at >= 0)
        {
            record.HasDataSource = true;
            record.Sac = buffer[at];
            record.Sic = buffer[at + 1];
        }

        at = _items[2];
        if (at >= 0)
        {
            record.HasTimeOfDay = true;
            record.TimeOfDay128 = AsterixBytes.ReadUInt24(buffer, at);
        }

        at = _items[3];
        if (at >= 0)
        {
            DecodeDescriptor(buffer, at, ref record);
        }

        at = _items[4];
        if (at >= 0)
        {
            record.HasPolarPosition = true;
            record.Rho256 = AsterixBytes.ReadUInt16(buffer, at); // bits 32/17
            record.Theta = AsterixBytes.ReadUInt16(buffer, at + 2); // bits 16/1
        }

        at = _items[5];
        if (at >= 0)
        {
            var value = AsterixBytes.ReadUInt16(buffer, at);
            record.HasMode3A = true;
            record.Mode3ANotValidated = (value & 0x8000) != 0; // bit 16 V
            record.Mode3AGarbled = (value & 0x4000) != 0; // bit 15 G
            record.Mode3ANotExtracted = (value & 0x2000) != 0; // bit 14 L
            record.Mode3A = value & 0x0FFF; // bits 12/1
        }

        at = _items[6];
        if (at >= 0)
        {
            var value = AsterixBytes.ReadUInt16(buffer, at);
            record.HasFlightLevel = true;
            record.FlightLevelNotValidated = (value & 0x8000) != 0; // bit 16 V
            record.FlightLevelGarbled = (value & 0x4000) != 0; // bit 15 G
            record.FlightLevelQuarters = AsterixBytes.SignExtend(value, 14); // bits 14/1, two's complement
        }

        at = _items[7];
        if (at >= 0)
        {
            DecodePlotCharacteristics(buffer, at, ref record);
        }

        at = _items[8];
        if (at >= 0)
        {
            record.HasAircraftAddress = true;
            record.AircraftAddress = AsterixBytes.ReadUInt24(buffer, at);
        }

        at = _items[9];
        if (at >= 0)
        {
            record.HasIdentification = true;
            record.Identification = ((long)AsterixBytes.ReadUInt24(buffer, at) << 24) | (uint)AsterixBytes.ReadUInt24(buffer, at + 3);
        }

        at = _items[10];
        if (at >= 0)
        {
            record.ModeSData = buffer;
            record.ModeSDataCount = buffer[at];
            record.ModeSDataOffset = at + 1;
        }

        at = _items[11];
        if (at >= 0)
        {
            record.HasTrackNumber = true;
            record.TrackNumber = AsterixBytes.ReadUInt16(buffer, at) & 0x0FFF; // bits 12/1
        }

        at = _items[12];
        if (at >= 0)
        {
            record.HasCartesianPosition = true;
            record.X128 = AsterixBytes.ReadInt16(buffer, at);
            record.Y128 = AsterixBytes.ReadInt16(buffer, at + 2);
        }

        at = _items[13];
        if (at >= 0)
        {
            record.HasPolarVelocity = true;
            record.GroundSpeed = AsterixBytes.ReadUInt16(buffer, at);
            record.Heading = AsterixBytes.ReadUInt16(buffer, at + 2);
        }

        at = _items[14];
        if (at >= 0)
        {
            DecodeTrackStatus(buffer, at, ref record);
        }

        DecodeTrackerItems(buffer, end, ref record);
        return AsterixStatus.Ok;
    }

    private static void DecodeDescriptor(byte[] buffer, int at, ref Cat048Record record)
    {
        var first = buffer[at];
        record.HasDescriptor = true;
        record.ReportType = (TargetReportType)(first >> 5); // bits 8/6 TYP
        var flags = TargetReportIndicators.None;
        flags |= (first & 0x10) != 0 ? TargetReportIndicators.Simulated : TargetReportIndicators.None; // bit 5 SIM
        flags |= (first & 0x08) != 0 ? TargetReportIndicators.RdpChain2 : TargetReportIndicators.None; // bit 4 RDP
        flags |= (first & 0x04) != 0 ? TargetReportIndicators.Spi : TargetReportIndicators.None; // bit 3 SPI
        flags |= (first & 0x02) != 0 ? TargetReportIndicators.FieldMonitor : TargetReportIndicators.None; // bit 2 RAB
        if ((first & 1) != 0)
        {
            var extension = buffer[at + 1];
            flags |= (extension & 0x80) != 0 ? TargetReportIndicators.Test : TargetReportIndicators.None; // bit 8 TST
            flags |= (extension & 0x40) != 0 ? TargetReportIndicators.ExtendedRange : TargetReportIndicators.None; // bit 7 ERR
            flags |= (extension & 0x20) != 0 ? TargetReportIndicators.XPulse : TargetReportIndicators.None; // bit 6 XPP
            flags |= (extension & 0x10) != 0 ? TargetReportIndicators.MilitaryEmergency : TargetReportIndicators.None; // bit 5 ME
            flags |= (extension & 0x08) != 0 ? TargetReportIndicators.MilitaryIdentification : TargetReportIndicators.None; // bit 4 MI
            record.FoeFriend = (extension >> 1) & 3; // bits 3/2 FOE/FRI
        }

        record.ReportIndicators = flags;
    }

    private static void DecodePlotCharacteristics(byte[] buffer, int at, ref Cat048Record record)
    {
        // The walker has accepted the item, so only subfields 1-7 can be present (any further
        // primary octets are empty) and they follow the primary subfield, one octet each, in order.
        var primary = buffer[at];
        var position = at + 1;
        while ((buffer[position - 1] & 1) != 0)
        {
            position++;
        }

        var present = 0;
        for (var subfield = 0; subfield < 7; subfield++)
        {
            if ((primary & (0x80 >> subfield)) == 0)
            {
                continue;
            }

            present |= 1 << subfield;
            int value = buffer[position++];
            switch (subfield)
            {
                case 0:
                    record.SsrRunLength = value; // SRL, 360/2^13 degree
                    break;
                case 1:
                    record.SsrReplies = value; // SRR
                    break;
                case 2:
                    record.SsrAmplitudeDbm = (sbyte)value; // SAM, two's complement
                    break;
                case 3:
                    record.PsrRunLength = value; // PRL, 360/2^13 degree
                    break;
                case 4:
                    record.PsrAmplitudeDbm = (sbyte)value; // PAM, two's complement
                    break;
                case 5:
                    record.RangeDifference256 = (sbyte)value; // RPD, 1/256 NM
                    break;
                default:
                    record.AzimuthDifference = (sbyte)value; // APD, 360/2^14 degree
                    break;
            }
        }

        record.PlotCharacteristicsPresent = present;
    }

    private static void DecodeTrackStatus(byte[] buffer, int at, ref Cat048Record record)
    {
        var first = buffer[at];
        record.HasTrackStatus = true;
        var flags = TrackStatusIndicators.None;
        flags |= (first & 0x80) != 0 ? TrackStatusIndicators.Tentative : TrackStatusIndicators.None; // bit 8 CNF
        record.TrackRadarType = (first >> 5) & 3; // bits 7/6 RAD
        flags |= (first & 0x10) != 0 ? TrackStatusIndicators.Doubtful : TrackStatusIndicators.None; // bit 5 DOU
        flags |= (first & 0x08) != 0 ? TrackStatusIndicators.Manoeuvre : TrackStatusIndicators.None; // bit 4 MAH
        record.TrackClimbDescent = (first >> 1) & 3; // bits 3/2 CDM
        if ((first & 1) != 0)
        {
            var extension = buffer[at + 1];
            flags |= (extension & 0x80) != 0 ? TrackStatusIndicators.LastReport : TrackStatusIndicators.None; // bit 8 TRE
            flags |= (extension & 0x40) != 0 ? TrackStatusIndicators.Ghost : TrackStatusIndicators.None; // bit 7 GHO
            flags |= (extension & 0x20) != 0 ? TrackStatusIndicators.ClusterNetwork : TrackStatusIndicators.None; // bit 6 SUP
            flags |= (extension & 0x10) != 0 ? TrackStatusIndicators.SlantCorrected : TrackStatusIndicators.None; // bit 5 TCC
        }

        record.TrackIndicators = flags;
    }

    private void DecodeTrackerItems(byte[] buffer, int end, ref Cat048Record record)
    {
        var at = _items[15];
        if (at >= 0)
        {
            record.HasTrackQuality = true;
            record.SigmaX128 = buffer[at];
            record.SigmaY128 = buffer[at + 1];
            record.SigmaGroundSpeed = buffer[at + 2];
            record.SigmaHeading = buffer[at + 3];
        }

        at = _items[19];
        if (at >= 0)
        {
            record.HasHeight3D = true;
            record.Height3D25Feet = AsterixBytes.SignExtend(AsterixBytes.ReadUInt16(buffer, at), 14); // bits 14/1
        }

        at = _items[20];
        if (at >= 0)
        {
            var calculated = AsterixRecordWalker.FindSubfield(AsterixUap.Cat048[19], buffer, at, end, 1);
            if (calculated >= 0)
            {
                var value = AsterixBytes.ReadUInt16(buffer, calculated);
                record.HasDoppler = true;
                record.DopplerDoubtful = (value & 0x8000) != 0; // bit 16 D
                record.DopplerMetresPerSecond = AsterixBytes.SignExtend(value, 10); // bits 10/1
            }
        }

        at = _items[21];
        if (at >= 0)
        {
            record.HasCommunicationsCapability = true;
            record.CommunicationsCapability = AsterixBytes.ReadUInt16(buffer, at);
        }

        at = _items[28];
        if (at >= 0)
        {
            // RE: LEN octet, then the expansion compound; ERR (subfield 5) carries ranges >= 256 NM
            // (CAT048 Appendix A, I048/ERR note 1). A malformed RE loses only the extended range.
            var expansionEnd = at + buffer[at];
            var range = AsterixRecordWalker.FindSubfield(AsterixUap.Cat048Expansion, buffer, at + 1, expansionEnd, 5);
            if (range >= 0 && range + 3 <= expansionEnd && record.HasPolarPosition)
            {
                record.HasExtendedRange = true;
                record.Rho256 = AsterixBytes.ReadUInt24(buffer, range);
            }
        }
    }
}
