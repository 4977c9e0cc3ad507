using System;
using Picket.Protobuf;
using Picket.Tracking;

namespace Picket.Publishing;

/// <summary>
/// Writes one whole <c>picket.v1.UplinkMessage { batch = UplinkBatch { ... } }</c> into a
/// caller-owned buffer under a hard size limit (issue 10: batches of at most 64 KB). These are
/// the bytes the uplink sends and the outbox stores, unchanged.
/// </summary>
/// <remarks>
/// <para>
/// Each item is first written whole into one scratch buffer (allocated in the constructor), then
/// copied after the batch's other fields only if the finished message still fits the limit: an
/// item that does not fit is refused and nothing of it is left behind. The batch body is written
/// after room for the outer field's tag and longest length; <see cref="Finish"/> writes that
/// header and moves the body down to close the gap, so the message always starts at index 0.
/// </para>
/// <para>
/// Fields are written in the order they are added. Tracks before alerts before health is the
/// canonical field order (the bytes then equal any canonical serializer's); interleaving tracks
/// and alerts is valid protobuf and parses to the same message. Health goes last: nothing may be
/// added after it.
/// </para>
/// </remarks>
public sealed class UplinkBatchWriter
{
    /// <summary>The batch size limit of issue 10, bytes.</summary>
    public const int DefaultMaxMessageLength = 64 * 1024;

    // picket.v1.UplinkMessage
    private const int BatchField = 2;

    // picket.v1.UplinkBatch
    private const int GatewayIdField = 1;
    private const int SequenceField = 2;
    private const int CreatedField = 3;
    private const int TracksField = 4;
    private const int AlertsField = 5;
    private const int HealthField = 6;

    // The UplinkMessage.batch key: field 2, wire type 2 (length-delimited).
    private const byte BatchTag = (BatchField << 3) | 2;

    private readonly byte[] _buffer;
    private readonly int _maxMessageLength;
    private readonly int _bodyStart;
    private readonly byte[] _scratch;
    private readonly ProtoWriter _scratchWriter;
    private int _bodyLength;
    private bool _begun;
    private bool _hasHealth;
    private int _trackCount;
    private int _alertCount;

    /// <summary>Creates a writer over <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Receives the message from index 0; 4 bytes longer than <paramref name="maxMessageLength"/> lets a batch fill the limit exactly.</param>
    /// <param name="maxMessageLength">The most bytes one whole message may take, 16 to <paramref name="buffer"/>'s length.</param>
    /// <param name="maxItemLength">The most bytes one encoded item (track, alert, health) may take; the scratch buffer's size.</param>
    public UplinkBatchWriter(byte[] buffer, int maxMessageLength, int maxItemLength)
    {
        if (buffer == null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        if (maxMessageLength < 16 || maxMessageLength > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessageLength), "The message limit must be 16 bytes or more and fit the buffer.");
        }

        if (maxItemLength < 16)
        {
            throw new ArgumentOutOfRangeException(nameof(maxItemLength), "The item limit must be 16 bytes or more.");
        }

        _buffer = buffer;
        _maxMessageLength = maxMessageLength;
        _bodyStart = 1 + ProtoWriter.VarintSize32((uint)maxMessageLength);
        _scratch = new byte[maxItemLength];
        _scratchWriter = new ProtoWriter(_scratch);
    }

    /// <summary>Track updates in the current batch.</summary>
    public int TrackCount => _trackCount;

    /// <summary>Alerts in the current batch.</summary>
    public int AlertCount => _alertCount;

    /// <summary>True once the current batch has its health report.</summary>
    public bool HasHealth => _hasHealth;

    /// <summary>The length the message would have if finished now, bytes.</summary>
    public int Length => MessageLength(_bodyLength);

    /// <summary>Starts a batch, dropping anything written before.</summary>
    /// <param name="gatewayId">This gateway's id; null or empty leaves it out.</param>
    /// <param name="sequence">Per-gateway sequence number, 1 or more (0 leaves it out).</param>
    /// <param name="createdUnixMicroseconds">When the batch is closed, UTC microseconds.</param>
    /// <exception cref="ArgumentException">The gateway id does not fit the item or message limit.</exception>
    public void Begin(string gatewayId, long sequence, long createdUnixMicroseconds)
    {
        _begun = false;
        _bodyLength = 0;
        _trackCount = 0;
        _alertCount = 0;
        _hasHealth = false;

        _scratchWriter.Reset(_scratch, 0, _scratch.Length);
        if (gatewayId != null && gatewayId.Length != 0)
        {
            _scratchWriter.WriteString(GatewayIdField, gatewayId);
        }

        if (sequence != 0)
        {
            _scratchWriter.WriteUInt64(SequenceField, (ulong)sequence);
        }

        if (createdUnixMicroseconds != 0)
        {
            _scratchWriter.WriteInt64(CreatedField, createdUnixMicroseconds);
        }

        if (!TryAppendScratch())
        {
            throw new ArgumentException("The gateway id does not fit the batch.", nameof(gatewayId));
        }

        _begun = true;
    }

    /// <summary>Adds one track update.</summary>
    /// <returns>False when it would not fit the limit; the batch is unchanged.</returns>
    /// <exception cref="InvalidOperationException">No batch was begun, or the health report is already written.</exception>
    public bool TryAddTrack(ref TrackReport report)
    {
        StartItem();
        TrackUpdateEncoder.WriteField(_scratchWriter, TracksField, ref report);
        if (!TryAppendScratch())
        {
            return false;
        }

        _trackCount++;
        return true;
    }

    /// <summary>Adds one zone alert.</summary>
    /// <returns>False when it would not fit the limit; the batch is unchanged.</returns>
    /// <exception cref="InvalidOperationException">No batch was begun, or the health report is already written.</exception>
    public bool TryAddAlert(ref ZoneAlert alert)
    {
        StartItem();
        AlertEncoder.WriteField(_scratchWriter, AlertsField, ref alert);
        if (!TryAppendScratch())
        {
            return false;
        }

        _alertCount++;
        return true;
    }

    /// <summary>Adds the health report, the batch's last field.</summary>
    /// <returns>False when it would not fit the limit; the batch is unchanged and still takes items.</returns>
    /// <exception cref="InvalidOperationException">No batch was begun, or the health report is already written.</exception>
    public bool TrySetHealth(GatewayHealthReport report)
    {
        if (report == null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        StartItem();
        GatewayHealthEncoder.WriteField(_scratchWriter, HealthField, report);
        if (!TryAppendScratch())
        {
            return false;
        }

        _hasHealth = true;
        return true;
    }

    /// <summary>Completes the message at index 0 of the buffer.</summary>
    /// <returns>The message's length in bytes, at most the limit.</returns>
    /// <exception cref="InvalidOperationException">No batch was begun.</exception>
    public int Finish()
    {
        if (!_begun)
        {
            throw new InvalidOperationException("UplinkBatchWriter: Finish without Begin.");
        }

        int headerLength = MessageLength(_bodyLength) - _bodyLength;
        Array.Copy(_buffer, _bodyStart, _buffer, headerLength, _bodyLength);
        _buffer[0] = BatchTag;
        uint length = (uint)_bodyLength;
        int at = 1;
        while (length >= 0x80)
        {
            _buffer[at++] = (byte)(length | 0x80);
            length >>= 7;
        }

        _buffer[at] = (byte)length;
        _begun = false;
        return headerLength + _bodyLength;
    }

    private static int MessageLength(int bodyLength) => 1 + ProtoWriter.VarintSize32((uint)bodyLength) + bodyLength;

    private void StartItem()
    {
        if (!_begun)
        {
            throw new InvalidOperationException("UplinkBatchWriter: call Begin first.");
        }

        if (_hasHealth)
        {
            throw new InvalidOperationException("UplinkBatchWriter: the health report is the batch's last field.");
        }

        _scratchWriter.Reset(_scratch, 0, _scratch.Length);
    }

    private bool TryAppendScratch()
    {
        if (_scratchWriter.HasOverflowed)
        {
            return false;
        }

        int itemLength = _scratchWriter.Length;
        int bodyLength = _bodyLength + itemLength;
        // The body sits after room for the longest header until Finish moves it down.
        if (MessageLength(bodyLength) > _maxMessageLength || _bodyStart + bodyLength > _buffer.Length)
        {
            return false;
        }

        Array.Copy(_scratch, 0, _buffer, _bodyStart + _bodyLength, itemLength);
        _bodyLength = bodyLength;
        return true;
    }
}
