using Picket.Gateway.Health;
using Picket.Gateway.Inputs;
using Picket.Gateway.Tracking;

namespace Picket.Gateway.Hosting;

/// <summary>The <see cref="PositionStatus"/> of health: the site in use against what the GNSS source says.</summary>
internal static class PositionReport
{
    /// <summary>Describes the position now.</summary>
    /// <param name="site">The site in use, or null while a GNSS-only site waits for its fix.</param>
    /// <param name="configured">Whether the site is configured (<c>Site:*</c>) rather than from GNSS.</param>
    /// <param name="gnss">The GNSS source, or null.</param>
    /// <param name="requirement">What a fix must be.</param>
    /// <param name="maxDisagreementMetres">How far a good fix may lie from a configured site.</param>
    /// <returns>The status.</returns>
    public static PositionStatus Describe(GeoSite? site, bool configured, IGnssSource? gnss, GnssFixRequirement requirement, int maxDisagreementMetres)
    {
        var status = new PositionStatus
        {
            Source = configured ? "configured" : "gnss",
            WaitingForGnss = site is null,
            LatitudeDegrees = site?.LatitudeDegrees,
            LongitudeDegrees = site?.LongitudeDegrees,
            HeightMetres = site?.HeightMetres,
        };
        if (gnss is null)
        {
            return status;
        }

        var fix = gnss.Snapshot();
        var good = requirement.IsMet(fix, out var problem);
        var hasFix = fix.Fix is not (GnssFixQuality.None or GnssFixQuality.Configured);
        double? disagreement = configured && site is not null && good
            ? GnssFixRequirement.DistanceMetres(site.LatitudeDegrees, site.LongitudeDegrees, fix.LatitudeE7 / 1e7, fix.LongitudeE7 / 1e7)
            : null;
        return status with
        {
            Gnss = gnss.Name,
            GnssConnected = gnss.Connected,
            GnssFix = FixName(fix.Fix),
            GnssDimensions = hasFix ? fix.Dimensions : 0,
            GnssHorizontalErrorMetres = fix.HorizontalErrorMillimetres > 0 ? fix.HorizontalErrorMillimetres / 1000.0 : null,
            GnssSatellites = fix.Satellites,
            GnssLatitudeDegrees = hasFix ? fix.LatitudeE7 / 1e7 : null,
            GnssLongitudeDegrees = hasFix ? fix.LongitudeE7 / 1e7 : null,
            GnssFixGoodEnough = good,
            GnssFixProblem = problem,
            DisagreementMetres = disagreement is { } d ? Math.Round(d, 1) : null,
            Disagrees = disagreement > maxDisagreementMetres,
        };
    }

    /// <summary>The mast's site from a good fix: height above the ellipsoid = altitude (mean sea level) + geoid separation.</summary>
    /// <param name="fix">The fix.</param>
    /// <returns>The site.</returns>
    public static GeoSite SiteOf(GnssStatus fix) =>
        new(fix.LatitudeE7 / 1e7, fix.LongitudeE7 / 1e7, (fix.AltitudeMillimetres + (long)fix.GeoidSeparationMillimetres) / 1000.0);

    private static string FixName(GnssFixQuality fix) => fix switch
    {
        GnssFixQuality.None => "none",
        GnssFixQuality.Gnss => "gnss",
        GnssFixQuality.Differential => "differential",
        GnssFixQuality.Pps => "pps",
        GnssFixQuality.RtkFixed => "rtk",
        GnssFixQuality.RtkFloat => "rtk-float",
        GnssFixQuality.Estimated => "estimated",
        _ => "configured",
    };
}
