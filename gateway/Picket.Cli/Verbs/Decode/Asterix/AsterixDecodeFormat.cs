using System.Buffers.Binary;
using System.Globalization;
using Picket.Asterix;
using Picket.Gateway.Capture;

namespace Picket.Cli.Verbs.Decode.Asterix;

/// <summary>
/// <c>picket decode --format asterix</c>: ASTERIX CAT048 and CAT034 from a pcap file (UDP
/// payloads, several blocks per datagram allowed) or a raw file of data blocks back to back;
/// the pcap magic number tells them apart. One JSON object per record. The input is streamed:
/// memory stays at one 1 MiB window (or one packet) whatever the input's size.
/// </summary>
internal sealed class AsterixDecodeFormat : IDecodeFormat
{
    private readonly Cat048Decoder _cat048 = new();
    private readonly Cat034Decoder _cat034 = new();
    // LEN is 16 bits: no block is longer.
    private const int MaxBlockLength = 0xFFFF;
    private const int WindowLength = 1 << 20;
    private const int PcapGlobalHeaderLength = 24;
    private const int PcapRecordHeaderLength = 16;

    // libpcap's largest snapshot length (MAXIMUM_SNAPLEN): a bigger record is a damaged file.
    private const uint MaxPcapPacketLength = 262_144;
    private readonly int[] _itemOffsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];

    public string Name => "asterix";

    public bool ReadsModeSFrames => false;

    public async Task DecodeAsync(Stream input, JsonLinesWriter output, DecodeSummary summary, DecodeOptions options, CancellationToken cancellationToken)
    {
        // Streamed: at most one window of raw blocks (or one pcap packet) is held, whatever the input's size.
        var window = new byte[WindowLength];
        var filled = await FillAsync(input, window, 0, PcapGlobalHeaderLength, cancellationToken).ConfigureAwait(false);
        if (PcapReader.IsPcap(window.AsSpan(0, filled)))
        {
            await DecodeCaptureAsync(input, window, output, summary, cancellationToken).ConfigureAwait(false);
            return;
        }

        var total = await DecodeRawAsync(input, window, filled, output, summary, cancellationToken).ConfigureAwait(false);
        if (summary.Read == 0 && total > 0)
        {
            throw new InputException(string.Create(
                CultureInfo.InvariantCulture,
                $"no ASTERIX data block found in {total} octets (expected CAT, LEN and records, or a pcap file)"));
        }
    }

    // Raw blocks back to back, garbage skipped one octet at a time. A block is looked at only
    // when MaxBlockLength octets follow its first (or the input has ended), so every block is
    // judged exactly as if the whole file were in memory.
    private async Task<long> DecodeRawAsync(Stream input, byte[] window, int filled, JsonLinesWriter output, DecodeSummary summary, CancellationToken cancellationToken)
    {
        long total = filled;
        var end = filled;
        var ended = false;
        while (true)
        {
            if (!ended && end < window.Length)
            {
                var read = await FillAsync(input, window, end, window.Length - end, cancellationToken).ConfigureAwait(false);
                ended = end + read < window.Length;
                end += read;
                total += read;
            }

            var limit = ended ? end : end - MaxBlockLength;
            var position = DecodeBlocks(window, 0, end, limit, output, summary, resynchronise: true);
            if (position < 0 || ended)
            {
                return total;
            }

            // Keep the undecided tail (less than one block) at the front of the window.
            Buffer.BlockCopy(window, position, window, 0, end - position);
            end -= position;
        }
    }

    private async Task DecodeCaptureAsync(Stream input, byte[] window, JsonLinesWriter output, DecodeSummary summary, CancellationToken cancellationToken)
    {
        // The global header is in the window; each packet record is read on its own and handed to
        // PcapReader as a one-packet capture (its link-layer, IP and UDP parsing, unchanged).
        var globalHeader = window.AsSpan(0, PcapGlobalHeaderLength).ToArray();
        var bigEndian = BinaryPrimitives.ReadUInt32LittleEndian(globalHeader) is not (0xA1B2C3D4 or 0xA1B23C4D);
        var recordHeader = new byte[PcapRecordHeaderLength];
        long offset = PcapGlobalHeaderLength;
        try
        {
            _ = new PcapReader(globalHeader); // throws on a link type it cannot read
            while (true)
            {
                var headerRead = await FillAsync(input, recordHeader, 0, recordHeader.Length, cancellationToken).ConfigureAwait(false);
                if (headerRead == 0)
                {
                    return;
                }

                if (headerRead < recordHeader.Length)
                {
                    throw new InvalidDataException($"pcap file ends inside a packet record header at offset {offset}");
                }

                var captured = bigEndian
                    ? BinaryPrimitives.ReadUInt32BigEndian(recordHeader.AsSpan(8))
                    : BinaryPrimitives.ReadUInt32LittleEndian(recordHeader.AsSpan(8));
                if (captured > MaxPcapPacketLength)
                {
                    throw new InvalidDataException($"pcap packet record at offset {offset} claims {captured} octets (more than the {MaxPcapPacketLength} a capture holds)");
                }

                var packet = new byte[PcapGlobalHeaderLength + PcapRecordHeaderLength + (int)captured];
                globalHeader.CopyTo(packet, 0);
                recordHeader.CopyTo(packet, PcapGlobalHeaderLength);
                var dataRead = await FillAsync(input, packet, PcapGlobalHeaderLength + PcapRecordHeaderLength, (int)captured, cancellationToken).ConfigureAwait(false);
                if (dataRead < captured)
                {
                    throw new InvalidDataException($"pcap packet record at offset {offset} claims {captured} octets beyond the end of the file");
                }

                offset += PcapRecordHeaderLength + captured;
                if (new PcapReader(packet).TryReadNext(out var datagram))
                {
                    var payload = datagram.Payload;
                    DecodeBlocks(payload.Array!, payload.Offset, payload.Offset + payload.Count, payload.Offset + payload.Count, output, summary, resynchronise: false);
                }
            }
        }
        catch (InvalidDataException exception)
        {
            throw new InputException("the input is not a readable pcap file: " + exception.Message, exception);
        }
    }

    // Reads until count octets are in or the input ends; returns what was read.
    private static async Task<int> FillAsync(Stream input, byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var done = 0;
        while (done < count)
        {
            var read = await input.ReadAsync(buffer.AsMemory(offset + done, count - done), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            done += read;
        }

        return done;
    }

    /// <summary>
    /// Decodes the blocks that start before <paramref name="limit"/> (in octets up to <paramref name="end"/>); a
    /// datagram's blocks must fill it exactly, a raw file may hold garbage between blocks.
    /// </summary>
    /// <returns>Where the next block would start, or -1 when the rest of the input cannot be read (a cut block).</returns>
    private int DecodeBlocks(byte[] buffer, int offset, int end, int limit, JsonLinesWriter output, DecodeSummary summary, bool resynchronise)
    {
        var position = offset;
        while (position < limit)
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
                return -1;
            }

            DecodeBlock(buffer, position, category, blockLength, output, summary);
            position += blockLength;
        }

        return position;
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
