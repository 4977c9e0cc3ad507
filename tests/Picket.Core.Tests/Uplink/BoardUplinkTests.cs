using System.Net;
using System.Net.Http.Headers;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Picket.Contract.V1;
using Picket.Publishing;
using Picket.Server;
using CoreStatus = Picket.Publishing.TrackStatus;

namespace Picket.Uplink;

/// <summary>
/// What the nanoFramework board does, end to end against the real server: the core builds the
/// gRPC-Web PublishBatch body, a plain HTTP/1.1 POST carries it to Kestrel (HTTP/2 off), and the
/// core reads the ack out of the gRPC-Web response.
/// </summary>
public sealed class BoardUplinkTests : IAsyncLifetime
{
    private Microsoft.AspNetCore.Builder.WebApplication? _server;
    private string _address = "";

    public async Task InitializeAsync()
    {
        // Main port (HTTP/2) and the plaintext loopback HTTP/1.1 port boards use, both free ports.
        _server = ServerHost.Build(["--Logging:LogLevel:Default=Warning", "--Listen:Port", "0", "--Listen:Http1Port", "0"]);
        await _server.StartAsync();
        _address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ElementAt(1);
    }

    public async Task DisposeAsync()
    {
        await _server!.StopAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task PublishBatch_CoreBuiltRequestOverHttp11_IsAckedAndStoredFieldForField()
    {
        var buffer = new byte[2048];
        var writer = new BatchRequestWriter(buffer);
        writer.Begin("esp32-mast-4", 1, 1_764_064_800_000_000);
        var jet = new TrackReport
        {
            TrackId = 12,
            Status = CoreStatus.Confirmed,
            TimeUnixMicroseconds = 1_764_064_799_500_000,
            LatitudeE7 = 597_000_000,
            LongitudeE7 = 279_000_000,
            HasHeight = true,
            HeightMillimetres = 9_000_000,
            VelocityEastMillimetresPerSecond = -244_000,
            Sources = TrackSources.RadarPsr,
        };
        var airliner = new TrackReport
        {
            TrackId = 13,
            Status = CoreStatus.Tentative,
            LatitudeE7 = 593_000_000,
            LongitudeE7 = 249_000_000,
            HasIcaoAddress = true,
            IcaoAddress = 0x461E1F,
            Callsign = "FIN7LU",
            Cooperative = true,
            Sources = TrackSources.Adsb,
        };
        Assert.True(writer.TryAddTrack(ref jet));
        Assert.True(writer.TryAddTrack(ref airliner));

        var (ack, status) = await PostAsync(buffer, writer.Finish());

        Assert.Equal(0, status);
        Assert.Equal(1, ack.AckedSequence);
        Assert.False(ack.Duplicate);

        using var channel = GrpcChannel.ForAddress(_address, new GrpcChannelOptions
        {
            HttpHandler = new Grpc.Net.Client.Web.GrpcWebHandler(new SocketsHttpHandler()),
            HttpVersion = HttpVersion.Version11,
        });
        var snapshot = new List<FeedEvent>();
        using var feed = new TrackFeed.TrackFeedClient(channel).Subscribe(new SubscribeRequest());
        while (await feed.ResponseStream.MoveNext(CancellationToken.None) && feed.ResponseStream.Current.EventCase == FeedEvent.EventOneofCase.Track)
        {
            snapshot.Add(feed.ResponseStream.Current);
        }

        var stored = snapshot.Select(e => e.Track).OrderBy(t => t.TrackId).ToArray();
        Assert.Equal(2, stored.Length);
        Assert.All(snapshot, e => Assert.Equal("esp32-mast-4", e.GatewayId));
        Assert.Equal(-244_000, stored[0].VelocityEastMmS);
        Assert.Equal(9_000_000, stored[0].Position.HeightMm);
        Assert.False(stored[0].Cooperative);
        Assert.Equal(0x461E1Fu, stored[1].Identity.IcaoAddress);
        Assert.Equal("FIN7LU", stored[1].Identity.Callsign);
        Assert.True(stored[1].Cooperative);
    }

    [Fact]
    public async Task PublishBatch_ResentAfterLostAck_IsAckedAsDuplicate()
    {
        var buffer = new byte[256];
        var writer = new BatchRequestWriter(buffer);
        writer.Begin("esp32-mast-5", 1, 0);
        await PostAsync(buffer, writer.Finish());
        writer.Begin("esp32-mast-5", 1, 0);

        var (ack, status) = await PostAsync(buffer, writer.Finish());

        Assert.Equal(0, status);
        Assert.Equal(1, ack.AckedSequence);
        Assert.True(ack.Duplicate);
    }

    [Fact]
    public async Task PublishBatch_SequenceZero_TrailersCarryInvalidArgument()
    {
        var buffer = new byte[256];
        var writer = new BatchRequestWriter(buffer);
        writer.Begin("esp32-mast-6", 0, 0);

        var (_, status) = await PostAsync(buffer, writer.Finish());

        Assert.Equal(3, status); // INVALID_ARGUMENT
    }

    [Fact]
    public void TryAddTrack_BufferFull_ReportsOverflowAndFinishReturnsZero()
    {
        var writer = new BatchRequestWriter(new byte[64]);
        writer.Begin("esp32-mast-7", 1, 0);
        var track = new TrackReport { TrackId = 1, Callsign = "ABCDEFGH", HasIcaoAddress = true, IcaoAddress = 1, LatitudeE7 = 1, LongitudeE7 = 1 };

        var added = 0;
        while (writer.TryAddTrack(ref track))
        {
            added++;
        }

        Assert.True(added < 3);
        Assert.True(writer.HasOverflowed);
        Assert.Equal(0, writer.Finish());
    }

    private async Task<(UplinkAck Ack, int Status)> PostAsync(byte[] body, int length)
    {
        Assert.True(length > 0);

        using var http = new HttpClient();
        using var content = new ByteArrayContent(body, 0, length);
        content.Headers.ContentType = new MediaTypeHeaderValue(GrpcWebFrame.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, _address + "/picket.v1.TrackIngest/PublishBatch")
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var ack = default(UplinkAck);
        var status = -1;
        var offset = 0;
        while (GrpcWebFrame.TryReadFrame(bytes, offset, bytes.Length, out var flags, out var payload, out var payloadLength))
        {
            if ((flags & GrpcWebFrame.TrailerFlag) != 0)
            {
                Assert.True(GrpcWebFrame.TryReadStatus(bytes, payload, payloadLength, out status));
            }
            else
            {
                Assert.True(AckDecoder.TryDecode(bytes, payload, payloadLength, out ack));
            }

            offset = payload + payloadLength;
        }

        if (status == -1 && response.TrailingHeaders.TryGetValues("grpc-status", out var values))
        {
            status = int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (status == -1 && response.Headers.TryGetValues("grpc-status", out var headerValues))
        {
            // Trailers-only responses (errors before any message) put the status in the headers.
            status = int.Parse(headerValues.Single(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (ack, status);
    }
}
