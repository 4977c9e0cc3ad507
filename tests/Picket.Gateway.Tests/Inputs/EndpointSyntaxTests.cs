namespace Picket.Gateway.Inputs;

/// <summary>The address grammar shared by <c>picket run</c>'s inputs and <c>picket sim</c>'s outputs.</summary>
public sealed class EndpointSyntaxTests
{
    [Theory]
    [InlineData("224.0.0.0", true)]       // the first IPv4 multicast address (RFC 5771)
    [InlineData("239.255.255.255", true)] // the last
    [InlineData("223.255.255.255", false)]
    [InlineData("240.0.0.1", false)]
    [InlineData("ff02::1", true)]         // IPv6 all-nodes (RFC 4291)
    [InlineData("::1", false)]
    [InlineData("radar.local", false)]
    public void IsMulticast_FollowsTheAddressRanges(string address, bool expected) =>
        Assert.Equal(expected, EndpointSyntax.IsMulticast(address));

    [Theory]
    [InlineData("30005", true, null, 30005, null, "")]
    [InlineData("30005:gps", true, null, 30005, null, "gps")]
    [InlineData("127.0.0.1:30002:gps", true, "127.0.0.1", 30002, null, "gps")]
    [InlineData("[::1]:30005", false, "::1", 30005, null, "")]
    [InlineData("239.1.2.3:8600@eth0", false, "239.1.2.3", 8600, "eth0", "")]
    public void TrySplitNetwork_Valid(string rest, bool hostOptional, string? host, int port, string? interfaceName, string options)
    {
        Assert.True(EndpointSyntax.TrySplitNetwork(rest, hostOptional, out var h, out var p, out var i, out var o, out var problem), problem);
        Assert.Equal((host, port, interfaceName, options), (h, p, i, string.Join(',', o)));
    }

    [Theory]
    [InlineData("30005", false, "expected HOST:PORT")]
    [InlineData("127.0.0.1:0", false, "port '0'")]
    [InlineData("239.1.2.3:8600@", false, "empty interface")]
    [InlineData("[::1:30005", false, "[ADDRESS]:PORT")]
    public void TrySplitNetwork_Bad_NamesTheProblem(string rest, bool hostOptional, string expected)
    {
        Assert.False(EndpointSyntax.TrySplitNetwork(rest, hostOptional, out _, out _, out _, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/pts/7", false, "/dev/pts/7", 0, "")]
    [InlineData("/dev/ttyUSB0:3000000:rtscts:gps", true, "/dev/ttyUSB0", 3_000_000, "rtscts,gps")]
    [InlineData("/dev/ttyUSB0:rtscts", false, "/dev/ttyUSB0", 0, "rtscts")]
    public void TrySplitSerial_Valid(string rest, bool baudRequired, string path, int baud, string options)
    {
        Assert.True(EndpointSyntax.TrySplitSerial(rest, baudRequired, 4_000_000, out var p, out var b, out var o, out var problem), problem);
        Assert.Equal((path, baud, options), (p, b, string.Join(',', o)));
    }

    [Theory]
    [InlineData("/dev/ttyUSB0", true, "FORMAT:serial:PATH:BAUD")]
    [InlineData("/dev/ttyUSB0:rtscts", true, "baud rate 'rtscts'")]
    [InlineData("/dev/ttyUSB0:5000000", false, "baud rate '5000000'")]
    [InlineData("ttyUSB0:9600", false, "not an absolute path")]
    public void TrySplitSerial_Bad_NamesTheProblem(string rest, bool baudRequired, string expected)
    {
        Assert.False(EndpointSyntax.TrySplitSerial(rest, baudRequired, 4_000_000, out _, out _, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
