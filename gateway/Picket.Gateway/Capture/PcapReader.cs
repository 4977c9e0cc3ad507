using System.Buffers.Binary;

namespace Picket.Gateway.Capture;

/// <summary>
/// Reads UDP payloads from a classic libpcap file (not pcapng): Ethernet (with 802.1Q tags),
/// Linux cooked (SLL), raw IP and BSD loopback link types, IPv4 and IPv6. A payload is cut to
/// the UDP header's length, because short frames are padded to 60 octets on Ethernet and the
/// padding is not data. Packets that are not UDP (or are later IPv4 fragments) are counted.
/// </summary>
public sealed class PcapReader
{
    private const uint MagicMicroseconds = 0xA1B2C3D4;
    private const uint MagicNanoseconds = 0xA1B23C4D;
    private const int GlobalHeaderLength = 24;
    private const int RecordHeaderLength = 16;

    private readonly byte[] _file;
    private readonly bool _bigEndian;
    private readonly bool _nanoseconds;
    private readonly uint _linkType;
    private int _position = GlobalHeaderLength;

    /// <summary>Opens the capture held in <paramref name="file"/>.</summary>
    /// <exception cref="InvalidDataException">Not a pcap file, or an unsupported link type.</exception>
    public PcapReader(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!IsPcap(file))
        {
            throw new InvalidDataException("not a pcap file (magic number missing)");
        }

        _file = file;
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        _bigEndian = magic != MagicMicroseconds && magic != MagicNanoseconds;
        var native = _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(file) : magic;
        _nanoseconds = native == MagicNanoseconds;
        _linkType = ReadUInt32(20) & 0x0FFFFFFF;
        if (_linkType is not (0 or 1 or 101 or 113))
        {
            throw new InvalidDataException($"pcap link type {_linkType} is not supported (Ethernet, Linux SLL, raw IP, loopback are)");
        }
    }

    /// <summary>Packets read so far that carried no UDP payload.</summary>
    public long SkippedPackets { get; private set; }

    /// <summary>True when <paramref name="start"/> begins with a libpcap magic number (either byte order, µs or ns).</summary>
    public static bool IsPcap(ReadOnlySpan<byte> start)
    {
        if (start.Length < GlobalHeaderLength)
        {
            return false;
        }

        var little = BinaryPrimitives.ReadUInt32LittleEndian(start);
        var big = BinaryPrimitives.ReadUInt32BigEndian(start);
        return little is MagicMicroseconds or MagicNanoseconds || big is MagicMicroseconds or MagicNanoseconds;
    }

    /// <summary>The next UDP payload, or false at the end of the file.</summary>
    /// <exception cref="InvalidDataException">A packet record runs past the end of the file.</exception>
    public bool TryReadNext(out UdpDatagram datagram)
    {
        while (_position + RecordHeaderLength <= _file.Length)
        {
            var seconds = ReadUInt32(_position);
            var fraction = ReadUInt32(_position + 4);
            var captured = (int)ReadUInt32(_position + 8);
            var start = _position + RecordHeaderLength;
            if (captured < 0 || start + captured > _file.Length)
            {
                throw new InvalidDataException($"pcap packet record at offset {_position} claims {captured} octets beyond the end of the file");
            }

            _position = start + captured;
            var micros = (seconds * 1_000_000L) + (_nanoseconds ? fraction / 1000 : fraction);
            if (TryFindUdp(new ArraySegment<byte>(_file, start, captured), micros, out datagram))
            {
                return true;
            }

            SkippedPackets++;
        }

        if (_position != _file.Length)
        {
            throw new InvalidDataException($"pcap file ends inside a packet record header at offset {_position}");
        }

        datagram = default;
        return false;
    }

    private bool TryFindUdp(ArraySegment<byte> frame, long micros, out UdpDatagram datagram)
    {
        datagram = default;
        var span = frame.AsSpan();
        int ipOffset;
        switch (_linkType)
        {
            case 1:
                ipOffset = 14;
                var etherType = span.Length >= 14 ? BinaryPrimitives.ReadUInt16BigEndian(span[12..]) : 0;
                while (etherType is 0x8100 or 0x88A8 && span.Length >= ipOffset + 4)
                {
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(span[(ipOffset + 2)..]);
                    ipOffset += 4;
                }

                break;
            case 113:
                ipOffset = 16;
                break;
            case 0:
                ipOffset = 4;
                break;
            default:
                ipOffset = 0;
                break;
        }

        if (span.Length <= ipOffset)
        {
            return false;
        }

        var ip = span[ipOffset..];
        int udpOffset;
        switch (ip[0] >> 4)
        {
            case 4 when ip.Length >= 20:
                var headerLength = (ip[0] & 0x0F) * 4;
                var fragmentOffset = BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x1FFF;
                if (ip[9] != 17 || fragmentOffset != 0 || headerLength < 20)
                {
                    return false;
                }

                udpOffset = ipOffset + headerLength;
                break;
            case 6 when ip.Length >= 40:
                if (ip[6] != 17)
                {
                    return false;
                }

                udpOffset = ipOffset + 40;
                break;
            default:
                return false;
        }

        if (span.Length < udpOffset + 8)
        {
            return false;
        }

        var udp = span[udpOffset..];
        var udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        var payloadLength = Math.Min(udpLength - 8, span.Length - udpOffset - 8);
        if (payloadLength < 0)
        {
            return false;
        }

        datagram = new UdpDatagram(
            micros,
            BinaryPrimitives.ReadUInt16BigEndian(udp),
            BinaryPrimitives.ReadUInt16BigEndian(udp[2..]),
            new ArraySegment<byte>(frame.Array!, frame.Offset + udpOffset + 8, payloadLength));
        return true;
    }

    private uint ReadUInt32(int offset) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(_file.AsSpan(offset)) : BinaryPrimitives.ReadUInt32LittleEndian(_file.AsSpan(offset));
}
