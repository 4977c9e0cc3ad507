using System.Globalization;

namespace Picket.Gateway.Inputs;

/// <summary>
/// What a GNSS fix must be to place the mast (<c>Gnss:Require3dFix</c>,
/// <c>Gnss:MaxHorizontalErrorMetres</c>): a site without a configured position waits for such a
/// fix before the tracker starts, and only such a fix is compared with a configured position.
/// </summary>
/// <param name="Require3d">Whether a 3-D fix is required (a 2-D fix has no trustworthy height).</param>
/// <param name="MaxHorizontalErrorMillimetres">The largest estimated horizontal error accepted, mm.</param>
public sealed record GnssFixRequirement(bool Require3d, int MaxHorizontalErrorMillimetres)
{
    /// <summary>The defaults: a 3-D fix with an estimated horizontal error of 50 m or less.</summary>
    public static GnssFixRequirement Default { get; } = new(true, 50_000);

    /// <summary>Whether <paramref name="status"/> is good enough.</summary>
    /// <param name="status">The fix now.</param>
    /// <param name="reason">Why not (for health and the log), or null when it is.</param>
    /// <returns>True when the fix is good enough.</returns>
    public bool IsMet(GnssStatus status, out string? reason)
    {
        var culture = CultureInfo.InvariantCulture;
        if (status.Fix is GnssFixQuality.None or GnssFixQuality.Configured)
        {
            reason = status.Sentences == 0 ? "nothing received from the GNSS source yet" : "no GNSS fix";
            return false;
        }

        if (Require3d && status.Dimensions < 3)
        {
            reason = "a 2-D fix only (Gnss:Require3dFix asks for 3-D)";
            return false;
        }

        if (status.HorizontalErrorMillimetres <= 0)
        {
            reason = "no horizontal error estimate from the GNSS source";
            return false;
        }

        if (status.HorizontalErrorMillimetres > MaxHorizontalErrorMillimetres)
        {
            reason = string.Create(culture, $"horizontal error {status.HorizontalErrorMillimetres / 1000.0:F1} m > Gnss:MaxHorizontalErrorMetres {MaxHorizontalErrorMillimetres / 1000.0:F0} m");
            return false;
        }

        reason = null;
        return true;
    }

    /// <summary>Horizontal distance between two positions (great circle on the WGS84 mean radius), metres.</summary>
    /// <param name="latitudeA">First latitude, degrees.</param>
    /// <param name="longitudeA">First longitude, degrees.</param>
    /// <param name="latitudeB">Second latitude, degrees.</param>
    /// <param name="longitudeB">Second longitude, degrees.</param>
    /// <returns>The distance.</returns>
    public static double DistanceMetres(double latitudeA, double longitudeA, double latitudeB, double longitudeB)
    {
        const double MeanRadius = 6_371_008.8;
        var phiA = double.DegreesToRadians(latitudeA);
        var phiB = double.DegreesToRadians(latitudeB);
        var dPhi = phiB - phiA;
        var dLambda = double.DegreesToRadians(longitudeB - longitudeA);
        var h = (Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2)) + (Math.Cos(phiA) * Math.Cos(phiB) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2));
        return 2 * MeanRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
