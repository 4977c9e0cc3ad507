using Grpc.Core;
using Picket.Contract.V1;
using Picket.Server.Support;

namespace Picket.Server.Security;

/// <summary>Authentication and authorisation over real TLS on Kestrel (loopback, free port).</summary>
public sealed class AuthenticationTests(SecureServerFixture fixture) : IClassFixture<SecureServerFixture>
{
    private KestrelHarness Server => fixture.Server;

    [Fact]
    public async Task Publish_GatewayCertificateMatchingHello_Acked()
    {
        using var channel = Server.Channel(fixture.Gateway1);
        using var session = await PublishSession.OpenAsync(new TrackIngest.TrackIngestClient(channel), "gw-1");

        var ack = await session.SendAndReadAckAsync(TestBatches.Batch("gw-1", 1));

        Assert.Equal(1UL, ack.AckedSequence);
    }

    [Fact]
    public async Task PublishBatch_IdentityInSubjectAlternativeName_Acked()
    {
        using var channel = Server.Channel(fixture.GatewaySanOnly);

        var ack = await new TrackIngest.TrackIngestClient(channel).PublishBatchAsync(TestBatches.Batch("gw-7", 1));

        Assert.Equal(1UL, ack.AckedSequence);
    }

    [Fact]
    public async Task Publish_HelloNamingAnotherGateway_PermissionDenied()
    {
        using var channel = Server.Channel(fixture.Gateway1);
        var status = await PublishHelloAsync(channel, "gw-2");

        Assert.Equal(StatusCode.PermissionDenied, status.StatusCode);
    }

    [Fact]
    public async Task PublishBatch_CertificateFromAnotherCa_Unauthenticated()
    {
        using var channel = Server.Channel(fixture.Stranger);

        var error = await Assert.ThrowsAsync<RpcException>(() => new TrackIngest.TrackIngestClient(channel).PublishBatchAsync(TestBatches.Batch("gw-1", 1)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task PublishBatch_NoCredentials_Unauthenticated()
    {
        using var channel = Server.Channel();

        var error = await Assert.ThrowsAsync<RpcException>(() => new TrackIngest.TrackIngestClient(channel).PublishBatchAsync(TestBatches.Batch("gw-1", 1)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task PublishBatch_RevokedIdentity_PermissionDenied()
    {
        using var channel = Server.Channel(fixture.RevokedByName);

        var error = await Assert.ThrowsAsync<RpcException>(() => new TrackIngest.TrackIngestClient(channel).PublishBatchAsync(TestBatches.Batch("gw-stolen", 1)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task PublishBatch_RevokedSerial_PermissionDenied()
    {
        using var channel = Server.Channel(fixture.RevokedBySerial);

        var error = await Assert.ThrowsAsync<RpcException>(() => new TrackIngest.TrackIngestClient(channel).PublishBatchAsync(TestBatches.Batch("gw-9", 1)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task PublishBatch_ConsumerCertificate_PermissionDenied()
    {
        using var channel = Server.Channel(fixture.Consumer1);

        var error = await Assert.ThrowsAsync<RpcException>(() => new TrackIngest.TrackIngestClient(channel).PublishBatchAsync(TestBatches.Batch("display-1", 1)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Subscribe_ConsumerCertificate_GetsSnapshot()
    {
        using var channel = Server.Channel(fixture.Consumer1);
        using var feed = new FeedReader(new TrackFeed.TrackFeedClient(channel), new SubscribeRequest { GatewayIds = { "nobody" } });

        var (snapshot, complete) = await feed.ReadSnapshotAsync();

        Assert.Empty(snapshot);
        Assert.Equal(0U, complete.TrackCount);
    }

    [Fact]
    public async Task Subscribe_GatewayCertificate_PermissionDenied()
    {
        using var channel = Server.Channel(fixture.Gateway1);
        using var feed = new FeedReader(new TrackFeed.TrackFeedClient(channel), new SubscribeRequest());

        var (_, status) = await feed.ReadToEndAsync();

        Assert.Equal(StatusCode.PermissionDenied, status.StatusCode);
    }

    [Fact]
    public async Task PublishBatch_BoardTokenOverGrpcWebHttp11_Acked()
    {
        using var channel = Server.WebChannel();
        var client = new TrackIngest.TrackIngestClient(channel);

        var ack = await client.PublishBatchAsync(TestBatches.Batch("board-1", 1), Bearer(SecureServerFixture.BoardToken));

        Assert.Equal(1UL, ack.AckedSequence);
    }

    [Fact]
    public async Task PublishBatch_BoardTokenPublishingAsAnotherGateway_PermissionDenied()
    {
        using var channel = Server.WebChannel();
        var client = new TrackIngest.TrackIngestClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.PublishBatchAsync(TestBatches.Batch("gw-1", 1), Bearer(SecureServerFixture.BoardToken)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task PublishBatch_UnknownToken_UnauthenticatedAndNeverLogged()
    {
        const string Guess = "guessed-token-5b1d";
        using var channel = Server.WebChannel();
        var client = new TrackIngest.TrackIngestClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.PublishBatchAsync(TestBatches.Batch("board-1", 2), Bearer(Guess)).ResponseAsync);
        await client.PublishBatchAsync(TestBatches.Batch("board-1", 2), Bearer(SecureServerFixture.BoardToken));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.NotEmpty(Server.Logs.Lines);
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains(Guess, StringComparison.Ordinal));
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains(SecureServerFixture.BoardToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Subscribe_ConsumerToken_AllowedButGatewayTokenRefused()
    {
        using var channel = Server.Channel();
        var feed = new TrackFeed.TrackFeedClient(channel);
        using var display = new FeedReader(feed, new SubscribeRequest { GatewayIds = { "nobody" } }, Bearer(SecureServerFixture.DisplayToken));
        using var board = new FeedReader(feed, new SubscribeRequest(), Bearer(SecureServerFixture.BoardToken));

        var (_, complete) = await display.ReadSnapshotAsync();
        var (_, status) = await board.ReadToEndAsync();

        Assert.Equal(0U, complete.TrackCount);
        Assert.Equal(StatusCode.PermissionDenied, status.StatusCode);
    }

    private static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    private static async Task<Status> PublishHelloAsync(Grpc.Net.Client.GrpcChannel channel, string gatewayId)
    {
        using var call = new TrackIngest.TrackIngestClient(channel).Publish();
        await call.RequestStream.WriteAsync(TestBatches.Hello(gatewayId));
        try
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }

            return call.GetStatus();
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }
}
