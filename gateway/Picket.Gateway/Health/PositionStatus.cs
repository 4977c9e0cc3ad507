namespace Picket.Gateway.Health;

/// <summary>The mast's position: where it comes from, and what the GNSS source says of it.</summary>
public sealed record PositionStatus
{
    /// <summary><c>configured</c> (<c>Site:*</c>) or <c>gnss</c> (a GNSS-only site, placed by its first good fix).</summary>
    public required string Source { get; init; }

    /// <summary>A GNSS-only site still waiting for a fix good enough: the tracker has not started.</summary>
    public required bool WaitingForGnss { get; init; }

    /// <summary>The position in use, degrees; null while waiting.</summary>
    public double? LatitudeDegrees { get; init; }

    /// <summary>The position in use, degrees; null while waiting.</summary>
    public double? LongitudeDegrees { get; init; }

    /// <summary>The height in use (above the WGS84 ellipsoid), metres; null while waiting.</summary>
    public double? HeightMetres { get; init; }

    /// <summary>The GNSS source (<c>Gnss:Input</c>), or null without one.</summary>
    public string? Gnss { get; init; }

    /// <summary>Whether the GNSS device or gpsd is connected.</summary>
    public bool GnssConnected { get; init; }

    /// <summary>The GNSS fix: <c>none</c>, <c>gnss</c>, <c>differential</c>, <c>rtk</c>, ...</summary>
    public string? GnssFix { get; init; }

    /// <summary>The fix's dimensions (2 or 3; 0 without a fix).</summary>
    public int GnssDimensions { get; init; }

    /// <summary>Estimated horizontal error of the fix, metres; null when unknown.</summary>
    public double? GnssHorizontalErrorMetres { get; init; }

    /// <summary>Satellites used.</summary>
    public int GnssSatellites { get; init; }

    /// <summary>The fix's latitude, degrees; null without a fix.</summary>
    public double? GnssLatitudeDegrees { get; init; }

    /// <summary>The fix's longitude, degrees; null without a fix.</summary>
    public double? GnssLongitudeDegrees { get; init; }

    /// <summary>Whether the fix meets <c>Gnss:Require3dFix</c> and <c>Gnss:MaxHorizontalErrorMetres</c>.</summary>
    public bool GnssFixGoodEnough { get; init; }

    /// <summary>Why the fix is not good enough, or null.</summary>
    public string? GnssFixProblem { get; init; }

    /// <summary>Distance from the configured position to a good GNSS fix, metres; null when there is none to compare.</summary>
    public double? DisagreementMetres { get; init; }

    /// <summary>Whether that distance exceeds <c>Gnss:MaxSiteDisagreementMetres</c> (the configured position is still used).</summary>
    public bool Disagrees { get; init; }
}
