using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Picket.Server.Certificates;
using Picket.Testing;

namespace Picket.Server.Map;

/// <summary>
/// <c>--dev</c> serves mTLS, which a browser without a client certificate cannot use: the map signs
/// in with a consumer token the dev folder keeps (made once, reused by later runs).
/// </summary>
public sealed class MapDevModeTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task DevMode_MapToken_OpensTheFeedOverHttps()
    {
        var devDirectory = _directory.File("dev");
        await using var app = ServerHost.Build(["--dev", devDirectory, "--Listen:Port", "0", "--Management:Port", "off"]);
        await app.StartAsync();
        var token = (await File.ReadAllTextAsync(Path.Combine(devDirectory, DevEnvironment.MapTokenFile))).Trim();
        using var authority = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(devDirectory, "ca.pem"));
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate!));
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()), DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/map/events");
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var refused = await client.GetAsync(new Uri("/map/events", UriKind.Relative));
        using var accepted = await client.SendAsync(withToken, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await accepted.Content.ReadAsStreamAsync());
        var firstLine = await reader.ReadLineAsync();
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("event: config", firstLine);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(devDirectory, DevEnvironment.MapTokenFile)));
        }
    }

    public void Dispose() => _directory.Dispose();
}
