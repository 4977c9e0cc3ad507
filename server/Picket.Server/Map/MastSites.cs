using System.Collections.Concurrent;
using Picket.Contract.V1;

namespace Picket.Server.Map;

/// <summary>
/// The mast sites gateways announced in their Hello (<c>ingest.proto</c>), for the map. Only
/// authenticated gateways say Hello, so the table is as large as the fleet; held in memory, it is
/// filled again as gateways reconnect after a restart.
/// </summary>
public sealed class MastSites
{
    private readonly ConcurrentDictionary<string, MastSite> _sites = new(StringComparer.Ordinal);

    /// <summary>Records the site of an accepted Hello; a Hello without a site, or with one outside common.proto's ranges, is ignored.</summary>
    public void Record(Hello hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        var site = hello.Site;
        if (site is null || site.LatitudeE7 is < -900_000_000 or > 900_000_000 || site.LongitudeE7 is < -1_800_000_000 or > 1_800_000_000)
        {
            return;
        }

        _sites[hello.GatewayId] = new MastSite(hello.GatewayId, hello.SiteName, site.LatitudeE7 / 1e7, site.LongitudeE7 / 1e7, site.HasHeightMm ? site.HeightMm / 1000.0 : null);
    }

    /// <summary>The site of <paramref name="gatewayId"/>, if it said Hello with one since the server started.</summary>
    public bool TryGet(string gatewayId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MastSite? site) => _sites.TryGetValue(gatewayId, out site);

    /// <summary>Every known site.</summary>
    public IReadOnlyCollection<MastSite> All => (IReadOnlyCollection<MastSite>)_sites.Values;
}
