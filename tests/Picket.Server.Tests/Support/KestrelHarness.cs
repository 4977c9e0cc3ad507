using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Picket.Server.Support;

/// <summary>The real server on Kestrel, listening on a free loopback port (with TLS when given a trusted root).</summary>
internal sealed class KestrelHarness : IAsyncDisposable
{
    private readonly X509Certificate2? _trustedRoot;

    private KestrelHarness(WebApplication app, Uri address, X509Certificate2? trustedRoot, CapturingLoggerProvider logs)
    {
        App = app;
        Address = address;
        _trustedRoot = trustedRoot;
        Logs = logs;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>The HTTP/1.1 management listener (<c>/metrics</c>, <c>/healthz</c>).</summary>
    public Uri ManagementAddress => new($"http://127.0.0.1:{App.Services.GetRequiredService<Picket.Server.Management.ManagementListener>().EndPoint!.Port}");

    /// <summary>GETs <paramref name="path"/> on the management listener over HTTP/1.1, as Prometheus does.</summary>
    public async Task<(System.Net.HttpStatusCode Status, string Body)> GetManagementAsync(string path)
    {
        using var client = new HttpClient { DefaultRequestVersion = System.Net.HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.GetAsync(new Uri(ManagementAddress, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Picket.Server.Metrics.ServerMetrics Metrics => App.Services.GetRequiredService<Picket.Server.Metrics.ServerMetrics>();

    /// <summary>Cleartext HTTP/2 on a free loopback port, anonymous unless <paramref name="configuration"/> adds credentials.</summary>
    public static Task<KestrelHarness> StartPlainAsync(IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var merged = new Dictionary<string, string?> { ["Listen:Port"] = "0", ["Management:Port"] = "0" };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return StartAsync(merged, null);
    }

    public static async Task<KestrelHarness> StartAsync(IReadOnlyDictionary<string, string?> configuration, X509Certificate2? trustedRoot)
    {
        var logs = new CapturingLoggerProvider();
        var app = ServerHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
        });
        await app.StartAsync();
        // The first address is the gRPC listener; the management listener (if any) follows it.
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KestrelHarness(app, new Uri(address), trustedRoot, logs);
    }

    /// <summary>A channel over HTTP/2 with TLS, presenting <paramref name="clientCertificate"/> if given.</summary>
    public GrpcChannel Channel(X509Certificate2? clientCertificate = null) =>
        GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = Handler(clientCertificate) });

    /// <summary>A gRPC-Web channel over HTTP/1.1 with TLS, as a board without HTTP/2 uses it.</summary>
    public GrpcChannel WebChannel() => GrpcChannel.ForAddress(Address, new GrpcChannelOptions
    {
        HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, Handler(null)),
        HttpVersion = System.Net.HttpVersion.Version11,
        HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    });

    /// <summary>An HTTP/2 client for hand-made requests (raw gRPC frames), trusting the test root, without credentials.</summary>
    /// <summary>An HTTP/1.1 client as a browser uses it (the live map), trusting the test root, presenting <paramref name="clientCertificate"/> if given.</summary>
    public HttpClient Http11Client(X509Certificate2? clientCertificate = null) => new(Handler(clientCertificate)) { BaseAddress = Address, DefaultRequestVersion = System.Net.HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

    public HttpClient RawClient() => new(Handler(null)) { BaseAddress = Address, DefaultRequestVersion = System.Net.HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Logs.Dispose();
    }

    private SocketsHttpHandler Handler(X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && ChainsToTrustedRoot(new X509Certificate2(certificate));
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        return handler;
    }

    private bool ChainsToTrustedRoot(X509Certificate2 certificate)
    {
        if (_trustedRoot is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_trustedRoot);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
