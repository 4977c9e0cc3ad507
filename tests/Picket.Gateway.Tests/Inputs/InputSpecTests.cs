using Picket.Gateway.Sources;

namespace Picket.Gateway.Inputs;

public sealed class InputSpecTests
{
    [Fact]
    public void Parse_SerialBeastWithFlowControl_AllFields()
    {
        var spec = InputSpec.Parse("beast:serial:/dev/ttyUSB0:3000000:rtscts");
        Assert.Equal(InputFormat.Beast, spec.Format);
        Assert.Equal(InputTransport.Serial, spec.Transport);
        Assert.Equal("/dev/ttyUSB0", spec.Address);
        Assert.Equal(3_000_000, spec.PortOrBaudRate);
        Assert.True(spec.RtsCts);
        Assert.Equal(BeastTimestampFormat.TwelveMegahertz, spec.TimestampFormat);
    }

    [Theory]
    [InlineData("avr:tcp:127.0.0.1:30002", InputFormat.Avr, InputTransport.Tcp, "127.0.0.1", 30002, false)]
    [InlineData("sbs:tcp:readsb.local:30003", InputFormat.Sbs, InputTransport.Tcp, "readsb.local", 30003, false)]
    [InlineData("beast:tcp:[::1]:30005", InputFormat.Beast, InputTransport.Tcp, "::1", 30005, false)]
    [InlineData("asterix:udp:0.0.0.0:8600", InputFormat.Asterix, InputTransport.Udp, "0.0.0.0", 8600, false)]
    [InlineData("asterix:udp:239.255.0.1:8600@eth0", InputFormat.Asterix, InputTransport.Udp, "239.255.0.1", 8600, true)]
    [InlineData("nmea:serial:/dev/ttyS0:4800", InputFormat.Nmea, InputTransport.Serial, "/dev/ttyS0", 4800, false)]
    public void Parse_Examples_Fields(string text, InputFormat format, InputTransport transport, string address, int port, bool multicast)
    {
        var spec = InputSpec.Parse(text);
        Assert.Equal((format, transport, address, port, multicast), (spec.Format, spec.Transport, spec.Address, spec.PortOrBaudRate, spec.IsMulticast));
        Assert.Equal(text, spec.Text);
    }

    [Fact]
    public void Parse_MulticastInterface_Kept()
    {
        Assert.Equal("eth0", InputSpec.Parse("asterix:udp:239.255.0.1:8600@eth0").InterfaceName);
        Assert.Equal(BeastTimestampFormat.GpsSecondsOfDay, InputSpec.Parse("beast:tcp:127.0.0.1:30005:gps").TimestampFormat);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("beast", "FORMAT:TRANSPORT:ADDRESS")]
    [InlineData("radar:tcp:127.0.0.1:1", "format 'radar' is not one of")]
    [InlineData("beast:usb:/dev/ttyUSB0:3000000", "transport 'usb' is not one of serial, tcp, udp")]
    [InlineData("beast:serial:ttyUSB0:3000000", "'ttyUSB0' is not an absolute path")]
    [InlineData("beast:serial:/dev/ttyUSB0", "FORMAT:serial:PATH:BAUD")]
    [InlineData("beast:serial:/dev/ttyUSB0:fast", "baud rate 'fast'")]
    [InlineData("beast:serial:/dev/ttyUSB0:3000000:xonxoff", "unknown option 'xonxoff'")]
    [InlineData("avr:serial:/dev/ttyUSB0:115200:gps", "'gps' (GNSS timestamps) is for Beast inputs only")]
    [InlineData("avr:tcp:127.0.0.1", "expected HOST:PORT")]
    [InlineData("avr:tcp:127.0.0.1:70000", "port '70000' is not a number from 1 to 65535")]
    [InlineData("avr:tcp:127.0.0.1:30002:rtscts", "unknown option 'rtscts'")]
    [InlineData("avr:tcp:127.0.0.1:30002@eth0", "@INTERFACE is for UDP multicast only")]
    [InlineData("asterix:udp:radar.local:8600", "'radar.local' is not an IP address")]
    [InlineData("asterix:udp:10.0.0.1:8600@eth0", "only with a multicast group address")]
    [InlineData("beast:tcp:[::1:30005", "[ADDRESS]:PORT")]
    public void TryParse_Bad_ErrorNamesTheProblem(string text, string expected)
    {
        Assert.False(InputSpec.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => InputSpec.Parse(text));
    }
}
