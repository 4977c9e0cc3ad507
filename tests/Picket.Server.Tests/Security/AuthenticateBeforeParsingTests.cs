using System.Text;
using Grpc.Core;
using Picket.Server.Support;

namespace Picket.Server.Security;

/// <summary>
/// Issue 12 probe 5 over real TLS on Kestrel: credentials are checked before the body is parsed.
/// An unauthenticated caller sending garbage gets Unauthenticated (not InvalidArgument), counts as
/// an authentication failure and not as a reject, and leaves no stack trace in the log.
/// </summary>
public sealed class AuthenticateBeforeParsingTests(SecureServerFixture fixture) : IClassFixture<SecureServerFixture>
{
    private static readonly byte[] TruncatedProtobuf =
    [
        0x0A, // field 1 (gateway_id), wire type 2
        0x7F, // length 127, but one byte follows
        0x41,
    ];

    private KestrelHarness Server => fixture.Server;

    [Theory]
    [InlineData("/picket.v1.TrackIngest/PublishBatch")]
    [InlineData("/picket.v1.TrackIngest/Publish")]
    [InlineData("/picket.v1.TrackFeed/Subscribe")]
    public async Task Call_NoCredentialsUndecodableProtobuf_UnauthenticatedCountedAsAuthFailureNotReject(string path)
    {
        using var client = Server.RawClient();
        var rejectsBefore = Server.Metrics.Rejects;
        var authFailuresBefore = Server.Metrics.AuthFailures;

        var (status, _) = await RawGrpc.PostAsync(client, path, RawGrpc.Frame(TruncatedProtobuf));

        Assert.Equal(StatusCode.Unauthenticated, status);
        Assert.Equal(rejectsBefore, Server.Metrics.Rejects);
        Assert.True(Server.Metrics.AuthFailures > authFailuresBefore);
    }

    [Fact]
    public async Task PublishBatch_WrongTokenAndNonGrpcBytes_UnauthenticatedAndNoStackTraceLogged()
    {
        using var client = Server.RawClient();
        // Not gRPC framing at all: an HTTP/1.1 request line where the 5-byte prefix should be.
        var body = Encoding.ASCII.GetBytes("GET /admin HTTP/1.1\r\nHost: mast\r\n\r\n" + new string('\xff', 300));

        var (status, detail) = await RawGrpc.PostAsync(client, "/picket.v1.TrackIngest/PublishBatch", body, "Bearer not-a-token");

        Assert.Equal(StatusCode.Unauthenticated, status);
        Assert.DoesNotContain("protobuf", detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains("   at ", StringComparison.Ordinal));
    }
}

/// <summary>Issue 12 probe 5 for a caller that is let in (an anonymous loopback server): non-gRPC bytes get a clear status and no stack trace.</summary>
public sealed class NonGrpcBytesTests : IAsyncLifetime
{
    private KestrelHarness _server = null!;

    public async Task InitializeAsync() => _server = await KestrelHarness.StartPlainAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/picket.v1.TrackIngest/PublishBatch")]
    [InlineData("/picket.v1.TrackIngest/Publish")]
    public async Task Call_NonGrpcBytes_ErrorStatusWithoutStackTraceInLog(string path)
    {
        using var client = _server.RawClient();
        var body = Encoding.ASCII.GetBytes("GET /admin HTTP/1.1\r\nHost: mast\r\n\r\n" + new string('\xff', 300));

        var (status, _) = await RawGrpc.PostAsync(client, path, body);
        var afterwards = await new Contract.V1.TrackIngest.TrackIngestClient(_server.Channel()).PublishBatchAsync(TestBatches.Batch("gw-after-garbage", 1));

        Assert.NotEqual(StatusCode.OK, status);
        Assert.Equal(1UL, afterwards.AckedSequence);
        Assert.DoesNotContain(_server.Logs.Lines, line => line.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MainPort_RawTcpGarbage_ConnectionClosedServerServesOnNoStackTraceAtInformation()
    {
        using (var socket = new System.Net.Sockets.TcpClient())
        {
            await socket.ConnectAsync(_server.Address.Host, _server.Address.Port);
            var stream = socket.GetStream();
            var garbage = new byte[4096];
            new Random(12).NextBytes(garbage);
            await stream.WriteAsync(garbage);
            var buffer = new byte[1024];
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                while (await stream.ReadAsync(buffer, patience.Token) > 0)
                {
                }
            }
            catch (IOException)
            {
                // Reset by the server: also a close.
            }
        }

        var afterwards = await new Contract.V1.TrackIngest.TrackIngestClient(_server.Channel()).PublishBatchAsync(TestBatches.Batch("gw-after-tcp", 1));

        Assert.Equal(1UL, afterwards.AckedSequence);
        Assert.DoesNotContain(_server.Logs.InformationAndAbove, line => line.Contains("   at ", StringComparison.Ordinal));
    }
}
