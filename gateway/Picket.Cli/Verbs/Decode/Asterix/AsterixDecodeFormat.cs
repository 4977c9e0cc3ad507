using System.Globalization;
using Picket.Asterix;
using Picket.Gateway.Capture;

namespace Picket.Cli.Verbs.Decode.Asterix;

/// <summary>
/// <c>picket decode --format asterix</c>: ASTERIX CAT048 and CAT034 from a pcap file (UDP
/// payloads, several blocks per datagram allowed) or a raw file of data blocks back to back;
/// the pcap magic number tells them apart. One JSON object per record.
/// </summary>
internal sealed class AsterixDecodeFormat : IDecodeFormat
{
    private readonly Cat048Decoder _cat048 = new();
    private readonly Cat034Decoder _cat034 = new();
    private readonly int[] _itemOffsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];

    public string Name => "asterix";

    public bool ReadsModeSFrames => false;

    public async Task DecodeAsync(Stream input, JsonLinesWriter output, DecodeSummary summary, DecodeOptions options, CancellationToken cancellationToken)
    {
        var memory = new MemoryStream();
        await input.CopyToAsync(memory, cancellationToken).ConfigureAwait(false);
        var bytes = memory.ToArray();
        if (PcapReader.IsPcap(bytes))
        {
            DecodeCapture(bytes, output, summary);
        }
        else
        {
            DecodeBlocks(bytes, 0, bytes.Length, output, summary, resynchronise: true);
            if (summary.Read == 0 && bytes.Length > 0)
            {
                throw new InputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"no ASTERIX data block found in {bytes.Length} octets (expected CAT, LEN and records, or a pcap file)"));
            }
        }
    }

    private void DecodeCapture(byte[] bytes, JsonLinesWriter output, DecodeSummary summary)
    {
        PcapReader reader;
        try
        {
            reader = new PcapReader(bytes);
            while (reader.TryReadNext(out var datagram))
            {
                var payload = datagram.Payload;
                DecodeBlocks(payload.Array!, payload.Offset, payload.Count, output, summary, resynchronise: false);
            }
        }
        catch (InvalidDataException exception)
        {
            throw new InputException("the input is not a readable pcap file: " + exception.Message, exception);
        }
    }

    /// <summary>Decodes the blocks in <paramref name="count"/> octets; a datagram's blocks must fill it exactly, a raw file may hold garbage between blocks.</summary>
    private void DecodeBlocks(byte[] buffer, int offset, int count, JsonLinesWriter output, DecodeSummary summary, bool resynchronise)
    {
        var position = offset;
        var end = offset + count;
        while (position < end)
        {
            var status = AsterixDataBlock.TryReadHeader(buffer, position, end - position, out var category, out var blockLength);
            if (status == AsterixStatus.Ok && AsterixUap.ForCategory(category) is not null)
            {
                status = AsterixDataBlock.Validate(buffer, position, blockLength, _itemOffsets, out _);
            }

            if (status != AsterixStatus.Ok && resynchronise && status != AsterixStatus.UnsupportedCategory)
            {
                summary.SkippedBytes++;
                position++;
                continue;
            }

            if (status == AsterixStatus.TooShort || status == AsterixStatus.LengthMismatch)
            {
                summary.Read++;
                summary.Reject(string.Create(CultureInfo.InvariantCulture, $"data block: {Describe(status)}"));
                return;
            }

            DecodeBlock(buffer, position, category, blockLength, output, summary);
            position += blockLength;
        }
    }

    private void DecodeBlock(byte[] buffer, int offset, int category, int blockLength, JsonLinesWriter output, DecodeSummary summary)
    {
        var end = offset + blockLength;
        var position = offset + AsterixDataBlock.HeaderLength;
        if (category is not (48 or 34))
        {
            summary.Read++;
            summary.Reject(string.Create(CultureInfo.InvariantCulture, $"CAT{category:D3} block undecodable: no profile for this category (only CAT034 and CAT048)"));
            return;
        }

        while (position < end)
        {
            summary.Read++;
            AsterixStatus status;
            int recordLength;
            if (category == 48)
            {
                status = _cat048.TryDecode(buffer, position, end, out var record, out recordLength);
                if (status == AsterixStatus.Ok)
                {
                    AsterixJson.Write(output, ref record);
                }
            }
            else
            {
                status = _cat034.TryDecode(buffer, position, end, out var record, out recordLength);
                if (status == AsterixStatus.Ok)
                {
                    AsterixJson.Write(output, ref record);
                }
            }

            if (status != AsterixStatus.Ok)
            {
                // The record's length is unknown, so the rest of the block cannot be found.
                summary.Reject(string.Create(CultureInfo.InvariantCulture, $"CAT{category:D3} record undecodable: {Describe(status)}"));
                return;
            }

            summary.Decoded++;
            position += recordLength;
        }
    }

    private static string Describe(AsterixStatus status) => status switch
    {
        AsterixStatus.TooShort => "fewer than 3 octets left for CAT and LEN",
        AsterixStatus.LengthMismatch => "LEN does not match the octets available or the records inside",
        AsterixStatus.EmptyFieldSpec => "empty FSPEC",
        AsterixStatus.FieldSpecTooLong => "FSPEC longer than the category's profile",
        AsterixStatus.UndefinedItem => "FSPEC marks an item the profile does not define",
        AsterixStatus.ItemOverrun => "an item runs past the end of the block",
        AsterixStatus.InvalidExplicitLength => "explicit item length of 0",
        _ => status.ToString(),
    };
}
