using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;
using Picket.Server.Support;

namespace Picket.Server.Ingest;

/// <summary>Bad bytes on the wire: undecodable protobuf, oversized batches, and compressed ones that are fine.</summary>
public sealed class MalformedInputTests : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(new Dictionary<string, string?> { ["Limits:MaxBatchBytes"] = "65536" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PublishBatch_UndecodableProtobuf_InvalidArgumentAndServerKeepsServing()
    {
        // A gRPC frame (gRPC over HTTP/2 spec, Length-Prefixed-Message) whose payload is not an UplinkBatch.
        byte[] frame =
        [
            0x00,                   // Compressed-Flag: not compressed
            0x00, 0x00, 0x00, 0x03, // Message-Length: 3 bytes, big-endian
            0x0A,                   // field 1 (gateway_id), wire type 2 (length-delimited)
            0x7F,                   // length 127 ...
            0x41,                   // ... but only one byte ("A") follows: truncated
        ];

        var (status, detail) = await PostRawAsync("/picket.v1.TrackIngest/PublishBatch", frame);
        var afterwards = await _server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-after", 1));

        Assert.Equal(StatusCode.InvalidArgument, status);
        Assert.Contains("protobuf", detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1UL, afterwards.AckedSequence);
        Assert.True(_server.Metrics.Rejects >= 1);
    }

    [Fact]
    public async Task Publish_UndecodableMessageAfterHello_InvalidArgument()
    {
        var hello = TestBatches.Hello("gw-raw").ToByteArray();
        byte[] garbage = [0x12, 0x7F, 0x08]; // field 2 (batch), length 127, one byte follows: truncated
        var body = new List<byte>();
        body.AddRange(Frame(hello));
        body.AddRange(Frame(garbage));

        var (status, detail) = await PostRawAsync("/picket.v1.TrackIngest/Publish", [.. body]);

        Assert.Equal(StatusCode.InvalidArgument, status);
        Assert.Contains("protobuf", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PublishBatch_LargerThanLimit_ResourceExhausted()
    {
        // 2000 tracks of ~40 bytes: about 80 KiB against a 64 KiB limit.
        var tracks = Enumerable.Range(1, 2000).Select(i => TestBatches.Track((ulong)i)).ToArray();
        var batch = TestBatches.Batch("gw-big", 1, tracks);
        Assert.True(batch.CalculateSize() > 65536);

        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Ingest.PublishBatchAsync(batch).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("maximum", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0UL, (await _server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-big", 2))).AckedSequence);
    }

    [Fact]
    public async Task PublishBatch_GzipCompressed_Accepted()
    {
        var headers = new Metadata { { "grpc-internal-encoding-request", "gzip" } };

        var ack = await _server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-gzip", 1), headers);

        Assert.Equal(1UL, ack.AckedSequence);
    }

    [Fact]
    public async Task PublishBatch_GzipFrameOnTheWire_Accepted()
    {
        // Independent of the client's compression: a frame compressed here with the Compressed-Flag set.
        var plain = TestBatches.Batch("gw-gzip-raw", 1).ToByteArray();
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(plain);
        }

        var frame = Frame(compressed.ToArray());
        frame[0] = 0x01; // Compressed-Flag set: grpc-encoding names the algorithm

        var (status, _) = await PostRawAsync("/picket.v1.TrackIngest/PublishBatch", frame, "gzip");

        Assert.Equal(StatusCode.OK, status);
    }

    private static byte[] Frame(byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    private async Task<(StatusCode Status, string Detail)> PostRawAsync(string path, byte[] body, string? encoding = null)
    {
        using var client = new HttpClient(_server.Server.CreateHandler()) { BaseAddress = _server.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.ParseAdd("trailers");
        if (encoding is not null)
        {
            request.Headers.Add("grpc-encoding", encoding);
        }

        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var statusText = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.First()
            : response.Headers.GetValues("grpc-status").First();
        var detail = response.TrailingHeaders.TryGetValues("grpc-message", out var messages) ? messages.First()
            : response.Headers.TryGetValues("grpc-message", out var headerMessages) ? headerMessages.First() : string.Empty;
        return ((StatusCode)int.Parse(statusText, System.Globalization.CultureInfo.InvariantCulture), Uri.UnescapeDataString(detail));
    }
}
