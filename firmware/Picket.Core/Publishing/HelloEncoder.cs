using Picket.Protobuf;

namespace Picket.Publishing;

/// <summary>
/// Writes the first message of a <c>TrackIngest.Publish</c> stream:
/// <c>picket.v1.UplinkMessage { hello = Hello { ... } }</c> (<c>proto/picket/v1/ingest.proto</c>).
/// </summary>
public static class HelloEncoder
{
    // picket.v1.UplinkMessage
    private const int HelloField = 1;

    // picket.v1.Hello
    private const int GatewayIdField = 1;
    private const int SoftwareVersionField = 2;
    private const int SiteField = 3;
    private const int SiteNameField = 4;

    /// <summary>
    /// Serializes the Hello as a whole UplinkMessage into <paramref name="buffer"/> from
    /// <paramref name="offset"/>, reusing <paramref name="writer"/>, with the mast's site.
    /// </summary>
    /// <param name="writer">A writer to reuse.</param>
    /// <param name="buffer">The output.</param>
    /// <param name="offset">Where the message starts in <paramref name="buffer"/>.</param>
    /// <param name="gatewayId">The id the gateway authenticates with; null or empty leaves it out.</param>
    /// <param name="softwareVersion">Software version; null or empty leaves it out.</param>
    /// <param name="siteLatitudeE7">Mast latitude, 1e-7 degree units.</param>
    /// <param name="siteLongitudeE7">Mast longitude, 1e-7 degree units.</param>
    /// <param name="hasSiteHeight">True when <paramref name="siteHeightMillimetres"/> is known.</param>
    /// <param name="siteHeightMillimetres">Mast height above the WGS84 ellipsoid, millimetres.</param>
    /// <param name="siteName">Human-readable site name; null or empty leaves it out.</param>
    /// <returns>The number of bytes written, or 0 when the buffer was too small.</returns>
    public static int Encode(ProtoWriter writer, byte[] buffer, int offset, string gatewayId, string softwareVersion, int siteLatitudeE7, int siteLongitudeE7, bool hasSiteHeight, int siteHeightMillimetres, string siteName)
    {
        return Encode(writer, buffer, offset, gatewayId, softwareVersion, true, siteLatitudeE7, siteLongitudeE7, hasSiteHeight, siteHeightMillimetres, siteName);
    }

    /// <summary>
    /// Serializes a Hello without a site (a mast that does not know where it stands yet, e.g. a
    /// GNSS-only site before its first good fix, checking that the server accepts it).
    /// </summary>
    /// <param name="writer">A writer to reuse.</param>
    /// <param name="buffer">The output.</param>
    /// <param name="offset">Where the message starts in <paramref name="buffer"/>.</param>
    /// <param name="gatewayId">The id the gateway authenticates with; null or empty leaves it out.</param>
    /// <param name="softwareVersion">Software version; null or empty leaves it out.</param>
    /// <param name="siteName">Human-readable site name; null or empty leaves it out.</param>
    /// <returns>The number of bytes written, or 0 when the buffer was too small.</returns>
    public static int EncodeWithoutSite(ProtoWriter writer, byte[] buffer, int offset, string gatewayId, string softwareVersion, string siteName)
    {
        return Encode(writer, buffer, offset, gatewayId, softwareVersion, false, 0, 0, false, 0, siteName);
    }

    private static int Encode(ProtoWriter writer, byte[] buffer, int offset, string gatewayId, string softwareVersion, bool hasSite, int siteLatitudeE7, int siteLongitudeE7, bool hasSiteHeight, int siteHeightMillimetres, string siteName)
    {
        writer.Reset(buffer, offset, buffer.Length - offset);
        writer.BeginMessage(HelloField);
        if (gatewayId != null && gatewayId.Length != 0)
        {
            writer.WriteString(GatewayIdField, gatewayId);
        }

        if (softwareVersion != null && softwareVersion.Length != 0)
        {
            writer.WriteString(SoftwareVersionField, softwareVersion);
        }

        if (hasSite)
        {
            TrackUpdateEncoder.WriteGeoPoint(writer, SiteField, siteLatitudeE7, siteLongitudeE7, hasSiteHeight, siteHeightMillimetres);
        }
        if (siteName != null && siteName.Length != 0)
        {
            writer.WriteString(SiteNameField, siteName);
        }

        writer.EndMessage();
        return writer.HasOverflowed ? 0 : writer.Length;
    }
}
