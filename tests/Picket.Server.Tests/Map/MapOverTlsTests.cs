using System.Net;
using System.Net.Http.Headers;
using Picket.Server.Security;

namespace Picket.Server.Map;

/// <summary>
/// With TLS the main port speaks HTTP/1.1 too, so the map is served there, and its feed takes the
/// same credentials as TrackFeed: a consumer token or a consumer certificate; a gateway's token
/// or certificate is refused with 403.
/// </summary>
public sealed class MapOverTlsTests(SecureServerFixture fixture) : IClassFixture<SecureServerFixture>
{
    [Fact]
    public async Task Page_OnTlsMainPort_ServedOverHttp11()
    {
        using var client = fixture.Server.Http11Client();

        using var page = await client.GetAsync(new Uri("/map/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpVersion.Version11, page.Version);
        Assert.Contains("map.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_ConsumerToken_Streams()
    {
        using var client = fixture.Server.Http11Client();

        var (status, firstLine) = await GetEventsAsync(client, SecureServerFixture.DisplayToken);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("event: config", firstLine);
    }

    [Fact]
    public async Task Events_ConsumerCertificate_Streams()
    {
        using var client = fixture.Server.Http11Client(fixture.Consumer1);

        var (status, firstLine) = await GetEventsAsync(client, token: null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("event: config", firstLine);
    }

    [Fact]
    public async Task Events_GatewayTokenOrCertificate_Forbidden()
    {
        using var tokenClient = fixture.Server.Http11Client();
        using var certificateClient = fixture.Server.Http11Client(fixture.Gateway1);

        var (byToken, _) = await GetEventsAsync(tokenClient, SecureServerFixture.BoardToken);
        var (byCertificate, _) = await GetEventsAsync(certificateClient, token: null);

        Assert.Equal(HttpStatusCode.Forbidden, byToken);
        Assert.Equal(HttpStatusCode.Forbidden, byCertificate);
        Assert.DoesNotContain(fixture.Server.Logs.Lines, line => line.Contains(SecureServerFixture.BoardToken, StringComparison.Ordinal));
    }

    private static async Task<(HttpStatusCode Status, string? FirstLine)> GetEventsAsync(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/map/events");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null);
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        return (response.StatusCode, await reader.ReadLineAsync(timeout.Token));
    }
}
