using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace Picket.Gateway.Uplink;

/// <summary>The HTTP/2 channel to the server: keepalive pings, connect timeout, mTLS and the server's trust root.</summary>
internal static class UplinkChannel
{
    public static GrpcChannel Create(UplinkOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // A mast link dies silently (radio fade, NAT timeout): PING even when no call is
            // active, so the connection is known dead before the next batch waits on it.
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            ConnectTimeout = options.ConnectTimeout,
            EnableMultipleHttp2Connections = false,
        };
        if (options.ClientCertificate is { } certificate)
        {
            handler.SslOptions.ClientCertificates = [certificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
        }

        if (options.TrustedServerRoot is { } root)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                presented is not null && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0 && ChainsTo(root, presented);
        }

        return GrpcChannel.ForAddress(options.ServerAddress, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

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
