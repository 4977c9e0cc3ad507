using Grpc.Core;
using Picket.Contract.V1;

namespace Picket.Gateway.Uplink;

/// <summary>
/// One open <c>TrackIngest.Publish</c> stream: the hello, then batches, each answered by an ack
/// carrying the highest contiguous sequence the server holds.
/// </summary>
/// <remarks>
/// The server answers every message with exactly one ack, so a send waits for the next ack.
/// Resending after a reconnect starts from <see cref="AckedSequence"/>, which the server
/// reports right after the hello.
/// </remarks>
public sealed class UplinkSession : IAsyncDisposable
{
    private readonly AsyncDuplexStreamingCall<UplinkMessage, Ack> _call;

    private UplinkSession(AsyncDuplexStreamingCall<UplinkMessage, Ack> call, ulong ackedSequence)
    {
        _call = call;
        AckedSequence = ackedSequence;
    }

    /// <summary>Highest sequence the server has acknowledged as durably stored.</summary>
    public ulong AckedSequence { get; private set; }

    /// <summary>Opens the stream and sends the hello; returns once the server has answered it.</summary>
    /// <exception cref="RpcException">The server refused the stream or is unreachable.</exception>
    public static async Task<UplinkSession> OpenAsync(TrackIngest.TrackIngestClient client, Hello hello, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var call = client.Publish(cancellationToken: cancellationToken);
        try
        {
            await call.RequestStream.WriteAsync(new UplinkMessage { Hello = hello }, cancellationToken).ConfigureAwait(false);
            var first = await ReadAckAsync(call, cancellationToken).ConfigureAwait(false);
            return new UplinkSession(call, first.AckedSequence);
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>Sends one batch and returns the server's ack for it.</summary>
    /// <exception cref="RpcException">The stream failed; the batch must be resent on a new session.</exception>
    public async Task<Ack> SendAsync(UplinkBatch batch, CancellationToken cancellationToken)
    {
        await _call.RequestStream.WriteAsync(new UplinkMessage { Batch = batch }, cancellationToken).ConfigureAwait(false);
        var ack = await ReadAckAsync(_call, cancellationToken).ConfigureAwait(false);
        AckedSequence = ack.AckedSequence;
        return ack;
    }

    /// <summary>Ends the stream cleanly.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // The stream already failed; nothing more to close.
        }
        catch (InvalidOperationException)
        {
            // Already completed.
        }

        _call.Dispose();
    }

    private static async Task<Ack> ReadAckAsync(AsyncDuplexStreamingCall<UplinkMessage, Ack> call, CancellationToken cancellationToken)
    {
        if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The server closed the Publish stream without an ack."));
        }

        return call.ResponseStream.Current;
    }
}
