using Picket.Numerics;

namespace Picket.Tracking;

/// <summary>
/// <see cref="TrackKinematics.ChiSquare"/> against the χ² computed in double precision from the
/// same vector and covariance: near (tens of metres), at the identity-shadow gate, and several
/// kilometres apart at a few hundred metres' sigma, where the product form of
/// <see cref="TrackKinematics.ChiSquareExceeds"/> saturates.
/// </summary>
public class TrackKinematicsTests
{
    [Theory]
    [InlineData(20, 0, 20_000, 0, 20_000)]
    [InlineData(300, -200, 40_000, 10_000, 90_000)]
    [InlineData(-120, 350, 15_000, -6_000, 60_000)]
    [InlineData(4_000, -1_500, 90_000, 20_000, 140_000)]
    [InlineData(9_500, 9_500, 100_000, 0, 100_000)]
    public void ChiSquare_AgreesWithDoublePrecision(int eastMetres, int northMetres, int a, int b, int c)
    {
        var saturations = 0;

        var chiSquare = TrackKinematics.ChiSquare(Q31x32.FromInteger(eastMetres), Q31x32.FromInteger(northMetres), Q39x24.FromInteger(a), Q39x24.FromInteger(b), Q39x24.FromInteger(c), ref saturations);

        double determinant = ((double)a * c) - ((double)b * b);
        double expected = (((double)c * eastMetres * eastMetres) - (2.0 * b * eastMetres * northMetres) + ((double)a * northMetres * northMetres)) / determinant;
        Assert.Equal(0, saturations);
        Assert.Equal(expected, chiSquare / 4_294_967_296.0, expected * 1e-6);
    }

    [Fact]
    public void ChiSquare_CovarianceNotPositiveDefinite_Maximum()
    {
        var saturations = 0;

        Assert.Equal(long.MaxValue, TrackKinematics.ChiSquare(Q31x32.FromInteger(10), 0, 0, 0, Q39x24.FromInteger(100), ref saturations));
        Assert.Equal(long.MaxValue, TrackKinematics.ChiSquare(Q31x32.FromInteger(10), 0, Q39x24.FromInteger(100), Q39x24.FromInteger(100), Q39x24.FromInteger(100), ref saturations));
    }
}
