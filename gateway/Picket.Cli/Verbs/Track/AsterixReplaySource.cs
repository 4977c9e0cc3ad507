using Picket.Asterix;
using Picket.Gateway.Capture;
using Picket.Gateway.Tracking;
using Picket.Radar;

namespace Picket.Cli.Verbs.Track;

/// <summary>
/// CAT034/CAT048 records from a pcap capture or a raw file of data blocks, in file order. The
/// time of day (I048/140) carries no date: the first is placed in the 24 hours from one hour
/// before <c>--start</c> (so a date-only start and a start a moment after the first record both
/// work), each later one on the day nearest the previous record's time, so a recording that runs
/// through UTC midnight continues on the next day. CAT034 records take the time of the previous CAT048
/// record (they only set the radar site and scan period).
/// </summary>
internal sealed class AsterixReplaySource : IReplaySource
{
    /// <summary>The first record's time of day is placed on the day nearest --start plus this (the window [start - 1 h, start + 23 h)).</summary>
    internal const long FirstRecordReferenceOffsetMicroseconds = 11 * 3_600_000_000L;
    private readonly List<(byte[] Buffer, int Offset, int End)> _blocks = [];
    private readonly Cat048Decoder _cat048 = new();
    private readonly Cat034Decoder _cat034 = new();
    private readonly int[] _itemOffsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];
    private long _referenceUnixMicroseconds;
    private int _block = -1;
    private int _position;
    private int _category;
    private int _blockCategory = -1;
    private int _blockEnd;
    private Cat048Record _record048;
    private Cat034Record _record034;

    public AsterixReplaySource(string description, byte[] bytes, long startUnixMicroseconds)
    {
        Description = description;
        // AsterixTime puts a time of day on the day nearest the reference: first 11 h after
        // --start (the window [start - 1 h, start + 23 h)), then the previous record (the
        // stream's own clock, which crosses midnight with the data).
        _referenceUnixMicroseconds = startUnixMicroseconds + FirstRecordReferenceOffsetMicroseconds;
        CurrentTimeUnixMicroseconds = startUnixMicroseconds;
        if (PcapReader.IsPcap(bytes))
        {
            try
            {
                var reader = new PcapReader(bytes);
                while (reader.TryReadNext(out var datagram))
                {
                    var payload = datagram.Payload;
                    _blocks.Add((payload.Array!, payload.Offset, payload.Offset + payload.Count));
                }
            }
            catch (InvalidDataException exception)
            {
                throw new InputException($"{description}: not a readable pcap file: {exception.Message}", exception);
            }
        }
        else
        {
            _blocks.Add((bytes, 0, bytes.Length));
        }
    }

    public string Description { get; }

    public long CurrentTimeUnixMicroseconds { get; private set; }

    public long Records { get; private set; }

    public long Plots { get; private set; }

    public long Rejected { get; private set; }

    public string Summary => $"{Description}: {Records} records, {Plots} plots, {Rejected} rejected";

    public bool MoveNext()
    {
        while (true)
        {
            if (_block >= 0 && _position < _blocks[_block].End)
            {
                if (TryReadRecord())
                {
                    return true;
                }

                continue;
            }

            if (++_block >= _blocks.Count)
            {
                if (Records == 0)
                {
                    throw new InputException($"{Description}: no ASTERIX CAT034/CAT048 record found");
                }

                return false;
            }

            _position = _blocks[_block].Offset;
            _blockCategory = -1;
        }
    }

    public void Dispatch(TrackingPipeline pipeline)
    {
        if (_category == 48)
        {
            if (pipeline.AddCat048(ref _record048, _referenceUnixMicroseconds))
            {
                Plots++;
            }
        }
        else
        {
            pipeline.AddCat034(ref _record034);
        }
    }

    // Reads the next record of the current block (walking block headers); false when the block
    // (or the rest of a raw file after garbage) holds nothing more to read.
    private bool TryReadRecord()
    {
        var (buffer, _, end) = _blocks[_block];
        if (_blockCategory < 0)
        {
            var status = AsterixDataBlock.TryReadHeader(buffer, _position, end - _position, out var category, out var length);
            if (status == AsterixStatus.Ok && AsterixUap.ForCategory(category) is not null)
            {
                status = AsterixDataBlock.Validate(buffer, _position, length, _itemOffsets, out _);
            }

            if (status != AsterixStatus.Ok || (category != 48 && category != 34))
            {
                // A raw file may hold garbage between blocks: resynchronise one octet on.
                Rejected += status == AsterixStatus.Ok ? 1 : 0;
                _position = status == AsterixStatus.Ok ? _position + length : _position + 1;
                return false;
            }

            _blockCategory = category;
            _blockEnd = _position + length;
            _position += AsterixDataBlock.HeaderLength;
        }

        if (_position >= _blockEnd)
        {
            _blockCategory = -1;
            return false;
        }

        Records++;
        _category = _blockCategory;
        int recordLength;
        AsterixStatus decoded = _category == 48
            ? _cat048.TryDecode(buffer, _position, _blockEnd, out _record048, out recordLength)
            : _cat034.TryDecode(buffer, _position, _blockEnd, out _record034, out recordLength);
        if (decoded != AsterixStatus.Ok)
        {
            // The record's length is unknown, so the rest of the block is lost (counted).
            Rejected++;
            _position = _blockEnd;
            _blockCategory = -1;
            return false;
        }

        _position += recordLength;
        if (_position >= _blockEnd)
        {
            _blockCategory = -1;
        }

        if (_category == 48 && _record048.HasTimeOfDay)
        {
            CurrentTimeUnixMicroseconds = AsterixTime.ToUnixMicroseconds(_record048.TimeOfDay128, _referenceUnixMicroseconds);
            _referenceUnixMicroseconds = CurrentTimeUnixMicroseconds;
        }

        return true;
    }
}
