using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace Picket.Server.Support;

/// <summary>Hand-made gRPC requests: bytes framed (or not) by the test, the status read from the response.</summary>
internal static class RawGrpc
{
    /// <summary>A Length-Prefixed-Message (gRPC over HTTP/2): flag 0, 4-byte big-endian length, payload.</summary>
    public static byte[] Frame(byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>POSTs <paramref name="body"/> as <c>application/grpc</c> and returns the call's status and message.</summary>
    public static async Task<(StatusCode Status, string Detail)> PostAsync(HttpClient client, string path, byte[] body, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.ParseAdd("trailers");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var statusText = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.First()
            : response.Headers.GetValues("grpc-status").First();
        var detail = response.TrailingHeaders.TryGetValues("grpc-message", out var messages) ? messages.First()
            : response.Headers.TryGetValues("grpc-message", out var headerMessages) ? headerMessages.First() : string.Empty;
        return ((StatusCode)int.Parse(statusText, CultureInfo.InvariantCulture), Uri.UnescapeDataString(detail));
    }
}
