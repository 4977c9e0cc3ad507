namespace Picket.Asterix;

/// <summary>
/// Decodes CAT034 records (EUROCONTROL ASTERIX Part 2b, CAT034 editions 1.26 to 1.29).
/// One instance per thread; allocates nothing per record.
/// </summary>
public sealed class Cat034Decoder
{
    private readonly int[] _items = new int[AsterixUap.MaxFieldReferenceNumber + 1];

    /// <summary>Decodes the record at <paramref name="offset"/> of a CAT034 block ending at <paramref name="end"/>.</summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">The record's first FSPEC octet.</param>
    /// <param name="end">One past the block's last octet.</param>
    /// <param name="record">The decoded record when the result is <see cref="AsterixStatus.Ok"/>.</param>
    /// <param name="recordLength">Octets of the record.</param>
    public AsterixStatus TryDecode(byte[] buffer, int offset, int end, out Cat034Record record, out int recordLength)
    {
        record = default(Cat034Record);
        var status = AsterixRecordWalker.TryWalk(AsterixUap.Cat034, buffer, offset, end, _items, out recordLength);
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
            record.HasMessageType = true;
            record.MessageType = (Cat034MessageType)buffer[at];
        }

        at = _items[3];
        if (at >= 0)
        {
            record.HasTimeOfDay = true;
            record.TimeOfDay128 = AsterixBytes.ReadUInt24(buffer, at);
        }

        at = _items[4];
        if (at >= 0)
        {
            record.HasSectorNumber = true;
            record.SectorNumber = buffer[at];
        }

        at = _items[5];
        if (at >= 0)
        {
            record.HasAntennaRotationPeriod = true;
            record.AntennaRotationPeriod128 = AsterixBytes.ReadUInt16(buffer, at);
        }

        at = _items[6];
        if (at >= 0)
        {
            var descriptor = AsterixUap.Cat034[5];
            record.SystemConfigurationCom = ReadSubfield(descriptor, buffer, at, end, 1, 1, ref record.SystemConfigurationPresent);
            record.SystemConfigurationPsr = ReadSubfield(descriptor, buffer, at, end, 4, 1, ref record.SystemConfigurationPresent);
            record.SystemConfigurationSsr = ReadSubfield(descriptor, buffer, at, end, 5, 1, ref record.SystemConfigurationPresent);
            record.SystemConfigurationMds = ReadSubfield(descriptor, buffer, at, end, 6, 2, ref record.SystemConfigurationPresent);
        }

        at = _items[7];
        if (at >= 0)
        {
            var descriptor = AsterixUap.Cat034[6];
            record.ProcessingModeCom = ReadSubfield(descriptor, buffer, at, end, 1, 1, ref record.ProcessingModePresent);
            record.ProcessingModePsr = ReadSubfield(descriptor, buffer, at, end, 4, 1, ref record.ProcessingModePresent);
            record.ProcessingModeSsr = ReadSubfield(descriptor, buffer, at, end, 5, 1, ref record.ProcessingModePresent);
            record.ProcessingModeMds = ReadSubfield(descriptor, buffer, at, end, 6, 1, ref record.ProcessingModePresent);
        }

        at = _items[9];
        if (at >= 0)
        {
            record.HasPolarWindow = true;
            record.RhoStart256 = AsterixBytes.ReadUInt16(buffer, at);
            record.RhoEnd256 = AsterixBytes.ReadUInt16(buffer, at + 2);
            record.ThetaStart = AsterixBytes.ReadUInt16(buffer, at + 4);
            record.ThetaEnd = AsterixBytes.ReadUInt16(buffer, at + 6);
        }

        at = _items[10];
        if (at >= 0)
        {
            record.HasDataFilter = true;
            record.DataFilter = buffer[at];
        }

        at = _items[11];
        if (at >= 0)
        {
            record.HasPosition = true;
            record.HeightMetres = AsterixBytes.ReadInt16(buffer, at);
            record.Latitude23 = AsterixBytes.ReadInt24(buffer, at + 2);
            record.Longitude23 = AsterixBytes.ReadInt24(buffer, at + 5);
        }

        at = _items[12];
        if (at >= 0)
        {
            record.HasCollimationError = true;
            record.RangeError128 = (sbyte)buffer[at];
            record.AzimuthError = (sbyte)buffer[at + 1];
        }

        return AsterixStatus.Ok;
    }

    private static int ReadSubfield(ItemDescriptor descriptor, byte[] buffer, int at, int end, int subfield, int octets, ref int present)
    {
        var position = AsterixRecordWalker.FindSubfield(descriptor, buffer, at, end, subfield);
        if (position < 0)
        {
            return 0;
        }

        present |= 1 << (subfield - 1);
        return octets == 1 ? buffer[position] : AsterixBytes.ReadUInt16(buffer, position);
    }
}
