using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Grpc.Core;
using Picket.Gateway.Configuration;
using Picket.Gateway.Hosting;
using Picket.Gateway.Uplink;

namespace Picket.Gateway.Selftest;

/// <summary>
/// Checks the server as the uplink reaches it: opens <c>TrackIngest.Publish</c> with the
/// configured credentials, sends the hello and reads the first ack, then ends the stream
/// without sending a batch.
/// </summary>
public static class ServerProbe
{
    /// <summary>The check's name in the table.</summary>
    public const string CheckName = "server";

    /// <summary>Opens the stream, sends the hello, reads the first ack.</summary>
    /// <param name="settings">The gateway's settings (uplink address, token or certificates, site).</param>
    /// <param name="softwareVersion">Sent in the hello.</param>
    /// <param name="timeout">How long to wait for the ack.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Pass with the server's acked sequence, fail with the reason, or skip without an uplink.</returns>
    public static async Task<SelftestResult> CheckAsync(GatewaySettings settings, string softwareVersion, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.UplinkAddress is not { } address)
        {
            return SelftestResult.Skip(CheckName, "no Uplink:Address (store only)");
        }

        var check = CheckName + " " + address;
        UplinkOptions options;
        try
        {
            // A GNSS-only site may not know where it stands yet: its hello then carries no site,
            // which the server accepts (the check is about reaching it with these credentials).
            options = GatewayRuntime.UplinkOptionsFor(settings, softwareVersion, settings.Site);
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
        {
            return SelftestResult.Fail(check, "cannot load the uplink certificates: " + e.Message);
        }

        if (options.BearerToken is not null && address.Scheme != Uri.UriSchemeHttps && !IsLoopback(address))
        {
            // The uplink refuses this too: a token is never sent in clear text.
            return SelftestResult.Fail(check, "Uplink:Token is sent only over https (or to a loopback address): the uplink would not start");
        }

        var headers = new Metadata();
        if (options.BearerToken is { } token)
        {
            headers.Add("authorization", "Bearer " + token);
        }

        using var channel = UplinkChannel.Create(options with { ConnectTimeout = timeout < options.ConnectTimeout ? timeout : options.ConnectTimeout });
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(UplinkMethods.Publish, null, new CallOptions(headers, cancellationToken: deadline.Token));
            await call.RequestStream.WriteAsync(options.Hello, deadline.Token).ConfigureAwait(false);
            if (!await call.ResponseStream.MoveNext(deadline.Token).ConfigureAwait(false))
            {
                return SelftestResult.Fail(check, "the server closed the Publish stream without an ack");
            }

            var acked = call.ResponseStream.Current.AckedSequence;
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            return SelftestResult.Pass(check, string.Create(CultureInfo.InvariantCulture, $"authenticated as {settings.GatewayId}; the server holds batches through sequence {acked}"));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            return SelftestResult.Fail(check, $"credentials refused ({e.StatusCode}): {e.Status.Detail}");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return SelftestResult.Fail(check, string.Create(CultureInfo.InvariantCulture, $"no ack within {timeout.TotalSeconds:0.#} s"));
        }
        catch (RpcException e)
        {
            // Grpc.Net.Client's detail for a refused connection is generic; the socket's reason is inside.
            var cause = e.Status.DebugException?.InnerException?.Message ?? e.Status.DebugException?.Message;
            return SelftestResult.Fail(check, $"{e.StatusCode}: {e.Status.Detail}{(cause is null ? "" : " (" + cause + ")")}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SelftestResult.Fail(check, string.Create(CultureInfo.InvariantCulture, $"no ack within {timeout.TotalSeconds:0.#} s"));
        }
        catch (Exception e) when (e is IOException or HttpRequestException or InvalidOperationException)
        {
            return SelftestResult.Fail(check, e.GetType().Name + ": " + e.Message);
        }
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host, out var ip) && IPAddress.IsLoopback(ip));
}
