namespace Picket.Asterix;

/// <summary>
/// The ASTERIX data block (Part 1, section 4.2): CAT (1 octet), LEN (2 octets, the whole block
/// including these 3), then records of that category back to back.
/// </summary>
public static class AsterixDataBlock
{
    /// <summary>Octets of CAT and LEN.</summary>
    public const int HeaderLength = 3;

    /// <summary>
    /// Reads the header of the block at <paramref name="offset"/> and checks that LEN fits in
    /// the <paramref name="count"/> octets available (a UDP datagram may hold several blocks).
    /// </summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">The block's CAT octet.</param>
    /// <param name="count">Octets available from <paramref name="offset"/>.</param>
    /// <param name="category">CAT, 0 to 255.</param>
    /// <param name="blockLength">LEN, 4 to <paramref name="count"/> when the result is <see cref="AsterixStatus.Ok"/>.</param>
    public static AsterixStatus TryReadHeader(byte[] buffer, int offset, int count, out int category, out int blockLength)
    {
        category = 0;
        blockLength = 0;
        if (count < HeaderLength)
        {
            return AsterixStatus.TooShort;
        }

        category = buffer[offset];
        blockLength = AsterixBytes.ReadUInt16(buffer, offset + 1);
        if (blockLength <= HeaderLength || blockLength > count)
        {
            return AsterixStatus.LengthMismatch;
        }

        return AsterixStatus.Ok;
    }

    /// <summary>
    /// Checks that the block's records, walked by their declared formats, end exactly at LEN:
    /// this is what catches a LEN that lies. Needs a profile for the category.
    /// </summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">The block's CAT octet.</param>
    /// <param name="blockLength">LEN.</param>
    /// <param name="itemOffsets">Caller-owned scratch for <see cref="AsterixRecordWalker.TryWalk"/>.</param>
    /// <param name="recordCount">Records found.</param>
    public static AsterixStatus Validate(byte[] buffer, int offset, int blockLength, int[] itemOffsets, out int recordCount)
    {
        recordCount = 0;
        var uap = AsterixUap.ForCategory(buffer[offset]);
        if (uap == null)
        {
            return AsterixStatus.UnsupportedCategory;
        }

        var end = offset + blockLength;
        var position = offset + HeaderLength;
        while (position < end)
        {
            var status = AsterixRecordWalker.TryWalk(uap, buffer, position, end, itemOffsets, out var recordLength);
            if (status != AsterixStatus.Ok)
            {
                return status == AsterixStatus.ItemOverrun ? AsterixStatus.LengthMismatch : status;
            }

            position += recordLength;
            recordCount++;
        }

        return AsterixStatus.Ok;
    }

    /// <summary>Writes CAT and LEN at <paramref name="offset"/>; LEN must be 4 to 65,535.</summary>
    public static void WriteHeader(byte[] buffer, int offset, int category, int blockLength)
    {
        buffer[offset] = (byte)category;
        AsterixBytes.WriteUInt16(buffer, offset + 1, blockLength);
    }
}
