using Picket.Testing;

namespace Picket.Gateway.Capture;

public sealed class PcapReaderTests
{
    [Fact]
    public void TryReadNext_ReferenceCapture_PayloadsEndAtUdpLengthNotPadding()
    {
        var reader = new PcapReader(File.ReadAllBytes(SharedData.PathOf("asterix/cat_034_048.pcap")));
        var datagrams = 0;
        var padded = 0;
        while (reader.TryReadNext(out var datagram))
        {
            datagrams++;
            var payload = datagram.Payload;

            // Independent check: the ASTERIX blocks' own LEN fields add up to the payload exactly.
            var position = 0;
            while (position < payload.Count)
            {
                position += (payload[position + 1] << 8) | payload[position + 2];
            }

            Assert.Equal(payload.Count, position);
            padded += payload.Count + 42 < 60 ? 1 : 0;
        }

        Assert.Equal(100, datagrams);
        Assert.True(padded > 0, "the capture should hold frames padded to the 60-octet Ethernet minimum");
        Assert.Equal(0, reader.SkippedPackets);
    }

    [Fact]
    public void TryReadNext_HandBuiltPaddedFrame_PayloadIsUdpLengthMinusHeader()
    {
        byte[] file =
        [
            0xD4, 0xC3, 0xB2, 0xA1, // magic, little-endian, microseconds
            0x02, 0x00, 0x04, 0x00, // version 2.4
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // thiszone, sigfigs
            0xFF, 0xFF, 0x00, 0x00, // snaplen 65535
            0x01, 0x00, 0x00, 0x00, // link type 1, Ethernet
            0x01, 0x00, 0x00, 0x00, // ts_sec 1
            0x02, 0x00, 0x00, 0x00, // ts_usec 2
            0x3C, 0x00, 0x00, 0x00, // incl_len 60 (padded frame)
            0x3C, 0x00, 0x00, 0x00, // orig_len 60
            0x01, 0x00, 0x5E, 0x00, 0x00, 0x01, // Ethernet destination
            0x02, 0x00, 0x00, 0x00, 0x00, 0x02, // Ethernet source
            0x08, 0x00, // EtherType IPv4
            0x45, 0x00, 0x00, 0x1F, // IPv4, IHL 5, total length 31
            0x00, 0x00, 0x40, 0x00, // id 0, DF, fragment offset 0
            0x40, 0x11, 0x00, 0x00, // TTL 64, protocol 17 (UDP), checksum unchecked
            0x0A, 0x00, 0x00, 0x01, // source 10.0.0.1
            0xE8, 0x01, 0x01, 0x01, // destination 232.1.1.1
            0x1F, 0x40, 0x21, 0x98, // ports 8000 -> 8600
            0x00, 0x0B, 0x00, 0x00, // UDP length 11 (8 + 3), checksum 0
            0x22, 0x00, 0x03, // payload: 3 octets
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // Ethernet padding: 45 -> 60 octets
        ];

        var reader = new PcapReader(file);

        Assert.True(reader.TryReadNext(out var datagram));
        Assert.Equal(1_000_002, datagram.TimeUnixMicroseconds);
        Assert.Equal(8000, datagram.SourcePort);
        Assert.Equal(8600, datagram.DestinationPort);
        Assert.Equal(new byte[] { 0x22, 0x00, 0x03 }, datagram.Payload.ToArray());
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void TryReadNext_RecordPastEndOfFile_InvalidData()
    {
        var file = File.ReadAllBytes(SharedData.PathOf("asterix/cat_034_048.pcap"))[..200];
        var reader = new PcapReader(file);

        Assert.True(reader.TryReadNext(out _));
        Assert.Throws<InvalidDataException>(() =>
        {
            while (reader.TryReadNext(out _))
            {
            }
        });
    }

    [Fact]
    public void Constructor_NotPcap_InvalidData()
    {
        Assert.Throws<InvalidDataException>(() => new PcapReader(File.ReadAllBytes(SharedData.PathOf("asterix/cat048.raw"))));
    }
}
