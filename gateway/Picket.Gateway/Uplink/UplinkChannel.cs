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
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, errors) => FleetTrust.AcceptsServer(root, presented, errors);
        }

        return GrpcChannel.ForAddress(options.ServerAddress, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}
