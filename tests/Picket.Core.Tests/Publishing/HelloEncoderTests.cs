using Google.Protobuf;
using Picket.Contract.V1;
using Picket.Protobuf;

namespace Picket.Publishing;

/// <summary>The core's Hello encoder against Google.Protobuf's parser and serialization.</summary>
public class HelloEncoderTests
{
    [Fact]
    public void Encode_Hello_IsByteIdenticalToGoogleSerialization()
    {
        var buffer = new byte[256];

        var length = HelloEncoder.Encode(new ProtoWriter(buffer), buffer, 0, "mast-07", "0.1.0", 596_123_456, -1_800_000_000, true, 0, "Porkkala");

        var expected = new UplinkMessage
        {
            Hello = new Hello
            {
                GatewayId = "mast-07",
                SoftwareVersion = "0.1.0",
                Site = new GeoPoint { LatitudeE7 = 596_123_456, LongitudeE7 = -1_800_000_000, HeightMm = 0 },
                SiteName = "Porkkala",
            },
        };
        Assert.Equal(expected.ToByteArray(), buffer[..length]);
        var parsed = UplinkMessage.Parser.ParseFrom(buffer, 0, length);
        Assert.Equal(UplinkMessage.MessageOneofCase.Hello, parsed.MessageCase);
        Assert.True(parsed.Hello.Site.HasHeightMm);
    }

    [Fact]
    public void Encode_NoNamesNoHeight_LeavesThemOut()
    {
        var buffer = new byte[64];

        var length = HelloEncoder.Encode(new ProtoWriter(buffer), buffer, 0, null!, string.Empty, 0, 0, false, 0, null!);

        var parsed = UplinkMessage.Parser.ParseFrom(buffer, 0, length);
        Assert.Equal(new Hello { Site = new GeoPoint() }, parsed.Hello);
    }

    [Fact]
    public void EncodeWithoutSite_LeavesTheSiteOut()
    {
        var buffer = new byte[64];

        var length = HelloEncoder.EncodeWithoutSite(new ProtoWriter(buffer), buffer, 0, "mast-07", "0.1.0", "Porkkala");

        var expected = new UplinkMessage { Hello = new Hello { GatewayId = "mast-07", SoftwareVersion = "0.1.0", SiteName = "Porkkala" } };
        Assert.Equal(expected.ToByteArray(), buffer[..length]);
        Assert.Null(UplinkMessage.Parser.ParseFrom(buffer, 0, length).Hello.Site);
    }

    [Fact]
    public void Encode_BufferTooSmall_ReturnsZero()
    {
        var buffer = new byte[8];

        Assert.Equal(0, HelloEncoder.Encode(new ProtoWriter(buffer), buffer, 0, "a long gateway id", null!, 1, 1, false, 0, null!));
    }
}
