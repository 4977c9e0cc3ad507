using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Picket.Gateway.Uplink;

/// <summary>
/// Whether a server's TLS certificate is one the fleet trusts: issued for the name dialled and
/// chained to the fleet CA alone, not to the machine's trust store. The uplink's check, and any
/// other client of a Picket server that holds the fleet CA (the demo's live feed).
/// </summary>
public static class FleetTrust
{
    /// <summary>A <see cref="RemoteCertificateValidationCallback"/> body: true when <paramref name="presented"/> is acceptable.</summary>
    /// <param name="root">The fleet CA.</param>
    /// <param name="presented">The server's certificate (null when it sent none).</param>
    /// <param name="errors">What the platform's own check found; only a name mismatch refuses here.</param>
    /// <returns>True when the name matches and the certificate chains to <paramref name="root"/>.</returns>
    public static bool AcceptsServer(X509Certificate2 root, X509Certificate? presented, SslPolicyErrors errors) =>
        presented is not null && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0 && ChainsTo(root, presented);

    private static bool ChainsTo(X509Certificate2 root, X509Certificate presented)
    {
        using var certificate = new X509Certificate2(presented);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        // The fleet CA publishes no CRL a mast could reach; revocation is the server's list.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
