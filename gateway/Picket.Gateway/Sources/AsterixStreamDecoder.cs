using System.Globalization;
using Picket.Asterix;
using Picket.Gateway.Tracking;
using Picket.Radar;

namespace Picket.Gateway.Sources;

/// <summary>
/// CAT034/CAT048 records into the radar tracker. Datagram mode: each chunk holds whole data
/// blocks (a UDP datagram, a pcap packet, a raw file, where garbage between blocks is skipped
/// one octet at a time). Stream mode: blocks are found in a byte stream without boundaries (a
/// serial line, TCP) by <see cref="AsterixStreamFramer"/>. The time of day (I048/140) carries no
/// date: in a replay the first is placed in the 24 hours from one hour before the start, each
/// later one on the day nearest the previous record's time, so a recording that runs through UTC
/// midnight continues on the next day; live, on the day nearest the chunk's arrival. CAT034
/// records (and CAT048 without a time) take the previous time (live: the arrival).
/// </summary>
public sealed class AsterixStreamDecoder : StreamDecoder
{
    /// <summary>The first record's time of day is placed on the day nearest the start plus this (the window [start - 1 h, start + 23 h)).</summary>
    public const long FirstRecordReferenceOffsetMicroseconds = 11 * 3_600_000_000L;

    private readonly Cat048Decoder _cat048 = new();
    private readonly Cat034Decoder _cat034 = new();
    private readonly int[] _itemOffsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];
    private readonly AsterixStreamFramer? _framer;
    private readonly bool _replay;
    private long _referenceUnixMicroseconds;
    private int _category;
    private int _blockCategory = -1;
    private int _blockEnd;
    private int _blockPosition;
    private bool _inFramedBlock;
    private Cat048Record _record048;
    private Cat034Record _record034;

    /// <summary>A live decoder: times of day are placed on the day nearest each chunk's arrival.</summary>
    /// <param name="stream">True for a byte stream without datagram boundaries (serial, TCP), false when each chunk holds whole blocks (UDP).</param>
    public AsterixStreamDecoder(bool stream)
    {
        if (stream)
        {
            _framer = new AsterixStreamFramer(0xFFFF);
        }
    }

    /// <summary>A replay decoder (each chunk holds whole blocks).</summary>
    /// <param name="startUnixMicroseconds">The replay's start (places the first time of day).</param>
    public AsterixStreamDecoder(long startUnixMicroseconds)
    {
        _replay = true;
        // AsterixTime puts a time of day on the day nearest the reference: first 11 h after
        // the start (the window [start - 1 h, start + 23 h)), then the previous record (the
        // stream's own clock, which crosses midnight with the data).
        _referenceUnixMicroseconds = startUnixMicroseconds + FirstRecordReferenceOffsetMicroseconds;
        CurrentTimeUnixMicroseconds = startUnixMicroseconds;
    }

    /// <summary>Records read (CAT034 and CAT048).</summary>
    public long Records { get; private set; }

    /// <summary>CAT048 records that gave a usable plot.</summary>
    public long Plots { get; private set; }

    /// <summary>Blocks of other categories and records that failed to decode.</summary>
    public long Rejected { get; private set; }

    /// <inheritdoc />
    public override long Items => Records;

    /// <inheritdoc />
    public override long DecodeErrors => Rejected + (_framer?.SkippedBytes ?? 0);

    /// <inheritdoc />
    public override string Summary => string.Create(CultureInfo.InvariantCulture, $"{Records} records, {Plots} plots, {Rejected} rejected");

    /// <inheritdoc />
    public override string? NothingFoundMessage(long totalBytes) => Records == 0 ? "no ASTERIX CAT034/CAT048 record found" : null;

    /// <inheritdoc />
    public override void Dispatch(TrackingPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
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

    /// <inheritdoc />
    protected override void OnBegin(byte[] buffer, int offset, int count, long arrivalUnixMicroseconds)
    {
        _blockCategory = -1;
        if (!_replay)
        {
            _referenceUnixMicroseconds = arrivalUnixMicroseconds;
            CurrentTimeUnixMicroseconds = arrivalUnixMicroseconds;
        }
    }

    /// <inheritdoc />
    protected override bool TryReadItem(byte[] buffer, ref int position, int limit)
    {
        if (_framer is null)
        {
            while (position < limit)
            {
                if (TryReadRecord(buffer, ref position, limit))
                {
                    return true;
                }
            }

            return false;
        }

        while (true)
        {
            if (_inFramedBlock)
            {
                // One whole validated block is in the framer's buffer until Advance/Push releases it.
                if (_blockPosition < _framer.BlockLength)
                {
                    if (TryReadRecord(_framer.Buffer, ref _blockPosition, _framer.BlockLength))
                    {
                        return true;
                    }

                    continue;
                }

                _inFramedBlock = false;
                if (_framer.Advance())
                {
                    StartFramedBlock();
                }

                continue;
            }

            if (position >= limit)
            {
                return false;
            }

            if (_framer.Push(buffer[position++]))
            {
                StartFramedBlock();
            }
        }
    }

    private void StartFramedBlock()
    {
        _inFramedBlock = true;
        _blockPosition = 0;
        _blockCategory = -1;
    }

    // Reads the next record of the current block (walking block headers); false when nothing
    // was read this step (a header, a rejected block or record, or garbage skipped).
    private bool TryReadRecord(byte[] buffer, ref int position, int limit)
    {
        if (_blockCategory < 0)
        {
            var status = AsterixDataBlock.TryReadHeader(buffer, position, limit - position, out var category, out var length);
            if (status == AsterixStatus.Ok && AsterixUap.ForCategory(category) is not null)
            {
                status = AsterixDataBlock.Validate(buffer, position, length, _itemOffsets, out _);
            }

            if (status != AsterixStatus.Ok || (category != 48 && category != 34))
            {
                // A raw file may hold garbage between blocks: resynchronise one octet on.
                Rejected += status == AsterixStatus.Ok ? 1 : 0;
                position = status == AsterixStatus.Ok ? position + length : position + 1;
                return false;
            }

            _blockCategory = category;
            _blockEnd = position + length;
            position += AsterixDataBlock.HeaderLength;
        }

        if (position >= _blockEnd)
        {
            _blockCategory = -1;
            return false;
        }

        Records++;
        _category = _blockCategory;
        int recordLength;
        AsterixStatus decoded = _category == 48
            ? _cat048.TryDecode(buffer, position, _blockEnd, out _record048, out recordLength)
            : _cat034.TryDecode(buffer, position, _blockEnd, out _record034, out recordLength);
        if (decoded != AsterixStatus.Ok)
        {
            // The record's length is unknown, so the rest of the block is lost (counted).
            Rejected++;
            position = _blockEnd;
            _blockCategory = -1;
            return false;
        }

        position += recordLength;
        if (position >= _blockEnd)
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
