using System.Text;

namespace Picket.Gateway.Inputs;

/// <summary>The fix's dimensions and horizontal error from NMEA (GGA, GSA, GST), and what is good enough to place the mast.</summary>
public sealed class GnssFixQualityTests
{
    [Fact]
    public void Gga_Alone_ThreeDimensionalWithTheHdopEstimate()
    {
        var status = Parse(NmeaSentences.Gga("0.9"));
        Assert.Equal(3, status.Dimensions);
        // 0.9 × 19 m = 17.1 m.
        Assert.Equal(17_100, status.HorizontalErrorMillimetres);
        Assert.Equal(46_900, status.GeoidSeparationMillimetres);
    }

    [Fact]
    public void Gsa_TwoDimensional_OverridesTheAltitudeGuess()
    {
        var status = Parse(NmeaSentences.Gsa(2) + NmeaSentences.Gga("0.9"));
        Assert.Equal(2, status.Dimensions);
    }

    [Fact]
    public void Gst_SigmasThreeAndFour_FiveMetres()
    {
        // sqrt(3² + 4²) = 5 m, in place of the HDOP estimate.
        var status = Parse(NmeaSentences.Gst("3.0", "4.0") + NmeaSentences.Gga("0.9"));
        Assert.Equal(5_000, status.HorizontalErrorMillimetres);
    }

    [Fact]
    public void Requirement_EachReasonNamed()
    {
        var requirement = new GnssFixRequirement(Require3d: true, MaxHorizontalErrorMillimetres: 10_000);
        Assert.False(requirement.IsMet(default, out var nothing));
        Assert.Equal("nothing received from the GNSS source yet", nothing);
        Assert.False(requirement.IsMet(Parse(NmeaSentences.Gsa(2) + NmeaSentences.Gga("0.3")), out var flat));
        Assert.Contains("2-D", flat, StringComparison.Ordinal);
        Assert.False(requirement.IsMet(Parse(NmeaSentences.Gga("0.9")), out var wide));
        Assert.Equal("horizontal error 17.1 m > Gnss:MaxHorizontalErrorMetres 10 m", wide);
        Assert.True(requirement.IsMet(Parse(NmeaSentences.Gga("0.5")), out var none));
        Assert.Null(none);
        Assert.True(new GnssFixRequirement(false, 10_000).IsMet(Parse(NmeaSentences.Gsa(2) + NmeaSentences.Gga("0.3")), out _));
    }

    [Fact]
    public void Distance_NineThousandthsOfADegreeOfLatitude()
    {
        // 0.009° × π/180 × 6,371,008.8 m = 1,000.755 m.
        Assert.Equal(1_000.755, GnssFixRequirement.DistanceMetres(48.1173, 11.5, 48.1263, 11.5), 2);
    }

    private static GnssStatus Parse(string sentences)
    {
        var parser = new GnssSentenceParser();
        var bytes = Encoding.ASCII.GetBytes(sentences);
        parser.Push(bytes, 0, bytes.Length, 1_000);
        return parser.Status;
    }
}
