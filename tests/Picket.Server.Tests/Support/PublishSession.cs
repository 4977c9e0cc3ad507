using Grpc.Core;
using Picket.Contract.V1;

namespace Picket.Server.Support;

/// <summary>One gateway's Publish stream, driven step by step by a test.</summary>
internal sealed class PublishSession : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly AsyncDuplexStreamingCall<UplinkMessage, Ack> _call;

    private PublishSession(AsyncDuplexStreamingCall<UplinkMessage, Ack> call) => _call = call;

    /// <summary>The ack that answered the Hello.</summary>
    public Ack HelloAck { get; private set; } = new();

    public static async Task<PublishSession> OpenAsync(TrackIngest.TrackIngestClient client, string gatewayId, Metadata? headers = null)
    {
        var session = new PublishSession(client.Publish(headers));
        await session._call.RequestStream.WriteAsync(TestBatches.Hello(gatewayId));
        session.HelloAck = await session.ReadAckAsync();
        return session;
    }

    public Task SendAsync(UplinkBatch batch) => _call.RequestStream.WriteAsync(TestBatches.Message(batch));

    public async Task<Ack> SendAndReadAckAsync(UplinkBatch batch)
    {
        await SendAsync(batch);
        return await ReadAckAsync();
    }

    public async Task<Ack> ReadAckAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        if (!await _call.ResponseStream.MoveNext(timeout.Token))
        {
            throw new InvalidOperationException("The server ended the Publish stream without an ack.");
        }

        return _call.ResponseStream.Current;
    }

    /// <summary>Reads until the stream ends and returns its status (the RpcException's, or OK).</summary>
    public async Task<Status> ReadToEndAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            while (await _call.ResponseStream.MoveNext(timeout.Token))
            {
            }

            return _call.GetStatus();
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }

    public async Task CompleteAsync()
    {
        await _call.RequestStream.CompleteAsync();
        await ReadToEndAsync();
    }

    public void Dispose() => _call.Dispose();
}
