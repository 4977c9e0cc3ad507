namespace Picket.Asterix;

/// <summary>
/// Walks one record's FSPEC and items by their declared formats (ASTERIX Part 1, sections
/// 4.3 and 4.4), recording where each present item starts. It reads no item's meaning, so an
/// item this codec does not decode is skipped as exactly as one it does.
/// </summary>
public static class AsterixRecordWalker
{
    /// <summary>
    /// Finds the items of the record at <paramref name="offset"/>. <paramref name="itemOffsets"/>
    /// (at least <see cref="AsterixUap.MaxFieldReferenceNumber"/> + 1 long) receives, at index FRN,
    /// the item's first octet, or -1 when the item is absent.
    /// </summary>
    /// <param name="uap">The category's profile.</param>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">The record's first FSPEC octet.</param>
    /// <param name="end">One past the data block's last octet.</param>
    /// <param name="itemOffsets">Caller-owned result array.</param>
    /// <param name="recordLength">Octets of the record when the result is <see cref="AsterixStatus.Ok"/>.</param>
    public static AsterixStatus TryWalk(ItemDescriptor[] uap, byte[] buffer, int offset, int end, int[] itemOffsets, out int recordLength)
    {
        recordLength = 0;
        for (var i = 0; i < itemOffsets.Length; i++)
        {
            itemOffsets[i] = -1;
        }

        // FSPEC: 7 FRN bits per octet, bit 1 (FX) chains the next octet (Part 1, 4.3.1).
        var position = offset;
        var fspecOctets = 0;
        var maxOctets = (uap.Length + 6) / 7;
        while (true)
        {
            if (position >= end)
            {
                return AsterixStatus.ItemOverrun;
            }

            if (fspecOctets == maxOctets)
            {
                return AsterixStatus.FieldSpecTooLong;
            }

            var more = (buffer[position] & 1) != 0;
            position++;
            fspecOctets++;
            if (!more)
            {
                break;
            }
        }

        var anyItem = false;
        for (var octet = 0; octet < fspecOctets; octet++)
        {
            var bits = buffer[offset + octet];
            for (var bit = 0; bit < 7; bit++)
            {
                if ((bits & (0x80 >> bit)) == 0)
                {
                    continue;
                }

                var frn = (octet * 7) + bit + 1;
                var descriptor = frn <= uap.Length ? uap[frn - 1] : null;
                if (descriptor == null)
                {
                    return AsterixStatus.UndefinedItem;
                }

                var status = TryMeasure(descriptor, buffer, position, end, out var length);
                if (status != AsterixStatus.Ok)
                {
                    return status;
                }

                if (frn < itemOffsets.Length)
                {
                    itemOffsets[frn] = position;
                }

                position += length;
                anyItem = true;
            }
        }

        if (!anyItem)
        {
            return AsterixStatus.EmptyFieldSpec;
        }

        recordLength = position - offset;
        return AsterixStatus.Ok;
    }

    /// <summary>The length in octets of the item at <paramref name="offset"/> laid out as <paramref name="descriptor"/> says.</summary>
    public static AsterixStatus TryMeasure(ItemDescriptor descriptor, byte[] buffer, int offset, int end, out int length)
    {
        length = 0;
        var position = offset;
        switch (descriptor.Format)
        {
            case ItemFormat.Fixed:
                position += descriptor.Length;
                break;
            case ItemFormat.Extended:
                position += descriptor.Length;
                while (position <= end && position > offset && (buffer[position - 1] & 1) != 0)
                {
                    position += descriptor.ExtensionLength;
                }

                break;
            case ItemFormat.Repetitive:
                if (position >= end)
                {
                    return AsterixStatus.ItemOverrun;
                }

                position += 1 + (buffer[position] * descriptor.Length);
                break;
            case ItemFormat.Explicit:
                if (position >= end)
                {
                    return AsterixStatus.ItemOverrun;
                }

                if (buffer[position] < 1)
                {
                    return AsterixStatus.InvalidExplicitLength;
                }

                position += buffer[position];
                break;
            default:
                return TryMeasureCompound(descriptor.Subfields, buffer, offset, end, out length);
        }

        if (position > end)
        {
            return AsterixStatus.ItemOverrun;
        }

        length = position - offset;
        return AsterixStatus.Ok;
    }

    /// <summary>
    /// Finds subfield <paramref name="subfieldNumber"/> (1-based, primary-subfield order) of the
    /// compound item at <paramref name="offset"/>; -1 when absent or malformed.
    /// </summary>
    public static int FindSubfield(ItemDescriptor compound, byte[] buffer, int offset, int end, int subfieldNumber)
    {
        WalkCompound(compound.Subfields, buffer, offset, end, subfieldNumber, out var found, out _);
        return found;
    }

    private static AsterixStatus TryMeasureCompound(ItemDescriptor[] subfields, byte[] buffer, int offset, int end, out int length) =>
        WalkCompound(subfields, buffer, offset, end, 0, out _, out length);

    /// <summary>
    /// Walks a compound item (Part 1, 4.4): the FX-chained primary subfield, then each present
    /// subfield in order. Stops at subfield <paramref name="stopAt"/> (1-based; 0 walks the whole
    /// item), giving its first octet in <paramref name="found"/> (-1 when not reached).
    /// </summary>
    private static AsterixStatus WalkCompound(ItemDescriptor[] subfields, byte[] buffer, int offset, int end, int stopAt, out int found, out int length)
    {
        found = -1;
        length = 0;
        var position = offset;
        while (true)
        {
            if (position >= end)
            {
                return AsterixStatus.ItemOverrun;
            }

            var more = (buffer[position] & 1) != 0;
            position++;
            if (!more)
            {
                break;
            }
        }

        var primaryOctets = position - offset;
        for (var index = 0; index < primaryOctets * 7; index++)
        {
            if ((buffer[offset + (index / 7)] & (0x80 >> (index % 7))) == 0)
            {
                continue;
            }

            if (index >= subfields.Length || subfields[index] == null)
            {
                return AsterixStatus.UndefinedItem;
            }

            if (index + 1 == stopAt)
            {
                found = position;
                return AsterixStatus.Ok;
            }

            var status = TryMeasure(subfields[index], buffer, position, end, out var subfieldLength);
            if (status != AsterixStatus.Ok)
            {
                return status;
            }

            position += subfieldLength;
        }

        length = position - offset;
        return AsterixStatus.Ok;
    }
}
