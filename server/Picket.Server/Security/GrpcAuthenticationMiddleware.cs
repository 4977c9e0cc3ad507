using System.Globalization;
using Grpc.Core;
using Picket.Server.Metrics;

namespace Picket.Server.Security;

/// <summary>
/// Authenticates calls to <c>picket.v1.TrackIngest</c> (gateways) and <c>picket.v1.TrackFeed</c>
/// (consumers) from the TLS client certificate and headers, before grpc-dotnet reads a byte of
/// the request body: an unauthenticated caller gets Unauthenticated whatever it sends, and its
/// bytes are never parsed, counted as rejects or logged (issue 12, probe 5). For an
/// authenticated call whose request is one message (PublishBatch, Subscribe), the first byte is
/// checked to be a gRPC Compressed-Flag before grpc-dotnet reads it, so that bytes of another
/// protocol get InvalidArgument instead of an exception logged with its stack trace.
/// </summary>
internal sealed class GrpcAuthenticationMiddleware(RequestDelegate next, CallerAuthenticator authenticator, ServerMetrics metrics, ILogger<GrpcAuthenticationMiddleware> logger)
{
    private const string PublishBatchPath = "/picket.v1.TrackIngest/PublishBatch";
    private const string SubscribePath = "/picket.v1.TrackFeed/Subscribe";

    private const string IngestPrefix = "/picket.v1.TrackIngest/";
    private const string FeedPrefix = "/picket.v1.TrackFeed/";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        CallerRole role;
        if (path.StartsWith(IngestPrefix, StringComparison.Ordinal))
        {
            role = CallerRole.Gateway;
        }
        else if (path.StartsWith(FeedPrefix, StringComparison.Ordinal))
        {
            role = CallerRole.Consumer;
        }
        else
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        CallerIdentity caller;
        try
        {
            caller = authenticator.Authenticate(context, role);
        }
        catch (RpcException e)
        {
            WriteTrailersOnly(context.Response, e.Status);
            return;
        }

        context.Features.Set(caller);
        if ((path == PublishBatchPath || path == SubscribePath) && !await StartsWithGrpcFrameAsync(context.Request.BodyReader, context.RequestAborted).ConfigureAwait(false))
        {
            const string Reason = "The request body is not gRPC: a Length-Prefixed-Message starts with a Compressed-Flag byte of 0 or 1.";
            metrics.Reject();
            Log.MalformedMessage(logger, caller.DisplayName, Reason);
            WriteTrailersOnly(context.Response, new Status(StatusCode.InvalidArgument, Reason));
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    // Peeks at the first byte without consuming it; an empty body is left to grpc-dotnet.
    private static async Task<bool> StartsWithGrpcFrameAsync(System.IO.Pipelines.PipeReader body, CancellationToken cancellationToken)
    {
        try
        {
            var read = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            var valid = buffer.IsEmpty || buffer.FirstSpan[0] <= 1;
            body.AdvanceTo(buffer.Start, buffer.Start);
            return valid;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            // The client went away or sent too slowly; grpc-dotnet reports that on its own read.
            return true;
        }
    }

    // A gRPC "Trailers-Only" response (gRPC over HTTP/2, Responses): HTTP 200 with the status in
    // the headers and no body; gRPC-Web clients read it the same way.
    private static void WriteTrailersOnly(HttpResponse response, Status status)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture);
        // grpc-message is percent-encoded (gRPC over HTTP/2, Status-Message).
        response.Headers["grpc-message"] = Uri.EscapeDataString(status.Detail);
    }
}
