using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Picket.Contract.V1;
using Picket.Server.Support;

namespace Picket.Server.Map;

/// <summary>
/// The map's feed (<c>/map/events</c>) and page (<c>/map/</c>) on a real Kestrel server's
/// cleartext HTTP/1.1 port: authenticated like TrackFeed, events in the page's units, tokens
/// never logged.
/// </summary>
public sealed class MapFeedTests : IAsyncLifetime
{
    private const string GatewayToken = "map-test-gateway-token-5e1f0c";
    private const string ConsumerToken = "map-test-consumer-token-a93d27";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private KestrelHarness? _server;
    private Uri? _http1;

    private KestrelHarness Server => _server!;

    public async Task InitializeAsync()
    {
        _server = await KestrelHarness.StartPlainAsync(new Dictionary<string, string?>
        {
            ["Listen:Http1Port"] = "0",
            ["Auth:Tokens:0:Identity"] = "mast-1",
            ["Auth:Tokens:0:Role"] = "gateway",
            ["Auth:Tokens:0:Sha256"] = Sha256Hex(GatewayToken),
            ["Auth:Tokens:1:Identity"] = "wall-display",
            ["Auth:Tokens:1:Role"] = "consumer",
            ["Auth:Tokens:1:Sha256"] = Sha256Hex(ConsumerToken),
            ["Map:RadarRangeKm"] = "180",
        });
        // Listeners in the order they are configured: gRPC, HTTP/1.1, management.
        var addresses = _server.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        _http1 = addresses.Single(a => a != _server.Address && a.Port != _server.ManagementAddress.Port);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task Events_WithoutToken_Unauthorized()
    {
        using var client = new HttpClient { BaseAddress = _http1 };

        using var response = await client.GetAsync(new Uri("/map/events", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData(GatewayToken, HttpStatusCode.Forbidden)]
    [InlineData("not-a-token-the-server-knows", HttpStatusCode.Unauthorized)]
    public async Task Events_WithoutConsumerToken_Refused(string token, HttpStatusCode expected)
    {
        using var client = new HttpClient { BaseAddress = _http1 };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/map/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_ConsumerToken_ConfigSiteSnapshotThenLiveTrackAndAlertInPageUnits()
    {
        using var channel = GrpcChannel.ForAddress(Server.Address);
        var gatewayHeaders = new Metadata { { "authorization", "Bearer " + GatewayToken } };
        using var session = await PublishSession.OpenAsync(new TrackIngest.TrackIngestClient(channel), "mast-1", gatewayHeaders);
        var before = TestBatches.Track(7, cooperative: false);
        Assert.Equal(1ul, (await session.SendAndReadAckAsync(TestBatches.Batch("mast-1", 1, before))).AckedSequence);

        using var client = new HttpClient { BaseAddress = _http1, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/map/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ConsumerToken);
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var events = new ServerSentEvents(await response.Content.ReadAsStreamAsync(timeout.Token));

        var (type, config) = await events.ReadAsync(timeout.Token);
        Assert.Equal("config", type);
        Assert.Equal(180, config.GetProperty("radarRangeKm").GetDouble());
        Assert.Equal(JsonValueKind.Null, config.GetProperty("zones").ValueKind);
        (type, var site) = await events.ReadAsync(timeout.Token);
        Assert.Equal("site", type);
        Assert.Equal("mast-1", site.GetProperty("gateway").GetString());
        Assert.Equal(TestBatches.MastLatitudeE7 / 1e7, site.GetProperty("lat").GetDouble());
        Assert.Equal(TestBatches.MastLongitudeE7 / 1e7, site.GetProperty("lon").GetDouble());
        (type, var snapshot) = await events.ReadAsync(timeout.Token);
        Assert.Equal("track", type);
        Assert.Equal("7", snapshot.GetProperty("id").GetString());
        Assert.True(snapshot.GetProperty("snapshot").GetBoolean());
        Assert.False(snapshot.GetProperty("cooperative").GetBoolean());
        (type, var ready) = await events.ReadAsync(timeout.Token);
        Assert.Equal("ready", type);
        Assert.Equal(1, ready.GetProperty("trackCount").GetInt32());

        // Live: a track flying east at 100 m/s and climbing through FL100, and its alert.
        var live = TestBatches.Track(8, cooperative: true);
        live.VelocityEastMmS = 100_000;
        live.BarometricAltitudeMm = 3_048_000;
        live.Identity = new Identity { IcaoAddress = 0x4CA2D1, Callsign = "EIN12A  " };
        var batch = TestBatches.Batch("mast-1", 2, live);
        batch.Alerts.Add(new Alert { ZoneName = "north band", Event = ZoneEvent.Enter, TimeUnixUs = live.TimeUnixUs, TrackId = 8, Cooperative = true, Identity = live.Identity, Position = live.Position });
        Assert.Equal(2ul, (await session.SendAndReadAckAsync(batch)).AckedSequence);

        (type, var track) = await events.ReadAsync(timeout.Token);
        Assert.Equal("track", type);
        Assert.Equal("8", track.GetProperty("id").GetString());
        Assert.Equal("confirmed", track.GetProperty("status").GetString());
        // 100 m/s × 3600 s/h ÷ 1852 m/NM = 194.38 kt; due east is 090°; 3 048 000 mm ÷ 304.8 mm/ft = 10 000 ft.
        Assert.Equal(194.4, track.GetProperty("speedKt").GetDouble());
        Assert.Equal(90.0, track.GetProperty("headingDeg").GetDouble());
        Assert.Equal(10_000, track.GetProperty("altitudeFt").GetDouble());
        Assert.Equal("EIN12A", track.GetProperty("callsign").GetString());
        Assert.Equal("4CA2D1", track.GetProperty("icao").GetString());
        Assert.Equal(live.TimeUnixUs / 1000, track.GetProperty("time").GetInt64());
        (type, var alert) = await events.ReadAsync(timeout.Token);
        Assert.Equal("alert", type);
        Assert.Equal("enter", alert.GetProperty("event").GetString());
        Assert.Equal("north band", alert.GetProperty("zone").GetString());
        Assert.Equal("8", alert.GetProperty("trackId").GetString());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("durationS").ValueKind);

        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains(ConsumerToken, StringComparison.Ordinal) || line.Contains(GatewayToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_OnHttp1Port_RedirectsToSlashAndServesTheBundle()
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = _http1 };

        using var redirect = await client.GetAsync(new Uri("/map", UriKind.Relative));
        using var page = await client.GetAsync(new Uri("/map/", UriKind.Relative));
        using var script = await client.GetAsync(new Uri("/map/map.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/map/", redirect.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<script defer src=\"map.js\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
    }

    private static string Sha256Hex(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
