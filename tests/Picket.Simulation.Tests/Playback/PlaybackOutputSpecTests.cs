using Picket.Gateway.Inputs;

namespace Picket.Simulation.Playback;

/// <summary>The output spec grammar of <c>picket sim</c> (Playback/README.md), and its errors.</summary>
public sealed class PlaybackOutputSpecTests
{
    [Fact]
    public void Parse_TcpListenPortOnly_ListensOnEveryAddress()
    {
        var spec = PlaybackOutputSpec.Parse("beast:tcp-listen:30005");
        Assert.Equal(PlaybackFormat.Beast, spec.Format);
        Assert.Equal(PlaybackTransport.TcpListen, spec.Transport);
        Assert.Equal("0.0.0.0", spec.Address);
        Assert.Equal(30005, spec.PortOrBaudRate);
        Assert.False(spec.GpsTimestamps);
    }

    [Fact]
    public void Parse_TcpListenHostPortGps()
    {
        var spec = PlaybackOutputSpec.Parse("avr:tcp-listen:127.0.0.1:30002:gps");
        Assert.Equal(PlaybackFormat.Avr, spec.Format);
        Assert.Equal("127.0.0.1", spec.Address);
        Assert.Equal(30002, spec.PortOrBaudRate);
        Assert.True(spec.GpsTimestamps);
    }

    [Fact]
    public void Parse_UdpMulticastWithInterface()
    {
        var spec = PlaybackOutputSpec.Parse("asterix:udp:239.1.2.3:8600@eth0");
        Assert.Equal(PlaybackTransport.Udp, spec.Transport);
        Assert.Equal("239.1.2.3", spec.Address);
        Assert.Equal(8600, spec.PortOrBaudRate);
        Assert.Equal("eth0", spec.InterfaceName);
        Assert.True(EndpointSyntax.IsMulticast(spec.Address));
    }

    [Theory]
    [InlineData("beast:serial:/dev/pts/7", "/dev/pts/7", PlaybackOutputSpec.DefaultBaudRate, false)]
    [InlineData("beast:serial:/dev/ttyUSB0:3000000:rtscts", "/dev/ttyUSB0", 3_000_000, true)]
    [InlineData("nmea:serial:/dev/pts/9:9600", "/dev/pts/9", 9600, false)]
    public void Parse_Serial(string text, string path, int baud, bool rtsCts)
    {
        var spec = PlaybackOutputSpec.Parse(text);
        Assert.Equal(PlaybackTransport.Serial, spec.Transport);
        Assert.Equal(path, spec.Address);
        Assert.Equal(baud, spec.PortOrBaudRate);
        Assert.Equal(rtsCts, spec.RtsCts);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("beast:tcp-listen", "expected FORMAT:TRANSPORT:ADDRESS")]
    [InlineData("sbs:tcp-listen:30003", "format 'sbs'")]
    [InlineData("beast:tcp:127.0.0.1:30005", "transport 'tcp'")]
    [InlineData("beast:tcp-listen:70000", "port '70000'")]
    [InlineData("beast:tcp-listen:localhost:30005", "'localhost' is not an IP address")]
    [InlineData("asterix:udp:8600", "expected HOST:PORT")]
    [InlineData("asterix:udp:127.0.0.1:8600@eth0", "multicast group only")]
    [InlineData("asterix:udp:239.1.2.3:8600:gps", "gps option is for beast and avr")]
    [InlineData("beast:tcp-listen:30005:rtscts", "rtscts is for serial")]
    [InlineData("beast:serial:/dev/ttyUSB0:12", "baud rate '12'")]
    public void TryParse_Bad_NamesTheProblemAndQuotesTheSpec(string text, string expected)
    {
        Assert.False(PlaybackOutputSpec.TryParse(text, out var spec, out var error));
        Assert.Null(spec);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        if (text.Length > 0)
        {
            Assert.Contains(text, error, StringComparison.Ordinal);
        }
    }
}
