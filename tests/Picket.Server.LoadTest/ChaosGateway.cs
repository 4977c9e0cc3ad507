using Grpc.Core;
using Grpc.Net.Client;
using Picket.Contract.V1;

namespace Picket.Server.LoadTest;

/// <summary>
/// A gateway for the chaos run: streams batches 1, 2, 3, ... on Publish with a window in flight,
/// remembers the highest sequence the server has acked, and on any failure reconnects and
/// resends from the server's Hello ack, as a gateway draining its outbox does. Every batch is a
/// pure function of its sequence, so a resend is byte for byte the same batch.
/// </summary>
internal sealed class ChaosGateway(Uri server, int tracksPerBatch, int window)
{
    private long _maxAcked;
    private long _unavailable;
    private long _otherErrors;
    private long _forgotten;

    /// <summary>The gateway id; changed by the run after the database is deleted (the old history is gone by the operator's act).</summary>
    public string GatewayId { get; set; } = "chaos-1";

    /// <summary>The highest sequence the server has acked on any connection.</summary>
    public ulong MaxAcked => (ulong)Interlocked.Read(ref _maxAcked);

    /// <summary>Calls that ended with Unavailable (storage failed, database lost, server restarting).</summary>
    public long Unavailable => Interlocked.Read(ref _unavailable);

    /// <summary>Calls that ended with another error (connection refused or reset by a kill, ...).</summary>
    public long OtherErrors => Interlocked.Read(ref _otherErrors);

    /// <summary>Times a Hello ack was below a sequence the server had acked before: acked data lost.</summary>
    public long Forgotten => Interlocked.Read(ref _forgotten);

    /// <summary>Starts over with a new gateway id and nothing acked.</summary>
    public void Reset(string gatewayId)
    {
        GatewayId = gatewayId;
        Interlocked.Exchange(ref _maxAcked, 0);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await StreamOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _unavailable);
            }
            catch (Exception e) when (e is RpcException or IOException or HttpRequestException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _otherErrors);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // The run is over: whatever the stream was doing (Cancelled, reset) ends it.
                return;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task StreamOnceAsync(CancellationToken cancellationToken)
    {
        var gatewayId = GatewayId;
        using var channel = GrpcChannel.ForAddress(server);
        using var call = new TrackIngest.TrackIngestClient(channel).Publish(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new UplinkMessage { Hello = new Hello { GatewayId = gatewayId, SoftwareVersion = "chaos" } }, cancellationToken).ConfigureAwait(false);
        if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("no hello ack");
        }

        var helloAck = call.ResponseStream.Current.AckedSequence;
        if (gatewayId == GatewayId && helloAck < MaxAcked)
        {
            Interlocked.Increment(ref _forgotten);
            Console.Error.WriteLine($"chaos: VIOLATION: {gatewayId} was acked up to {MaxAcked}, the restarted server acks {helloAck}");
        }

        Advance(gatewayId, helloAck);
        using var slots = new SemaphoreSlim(window);
        var next = helloAck + 1;
        var reader = Task.Run(
            async () =>
            {
                while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
                {
                    Advance(gatewayId, call.ResponseStream.Current.AckedSequence);
                    slots.Release();
                }
            },
            cancellationToken);

        while (!cancellationToken.IsCancellationRequested && !reader.IsCompleted && gatewayId == GatewayId)
        {
            if (!await slots.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await call.RequestStream.WriteAsync(new UplinkMessage { Batch = NewBatch(gatewayId, next, tracksPerBatch) }, cancellationToken).ConfigureAwait(false);
            next++;
        }

        await reader.ConfigureAwait(false);
    }

    private void Advance(string gatewayId, ulong acked)
    {
        if (gatewayId != GatewayId)
        {
            return;
        }

        long current;
        do
        {
            current = Interlocked.Read(ref _maxAcked);
            if ((long)acked <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _maxAcked, (long)acked, current) != current);
    }

    internal static UplinkBatch NewBatch(string gatewayId, ulong sequence, int tracksPerBatch)
    {
        // Times near now (the server refuses the future); content otherwise fixed by the sequence.
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var batch = new UplinkBatch { GatewayId = gatewayId, Sequence = sequence, CreatedUnixUs = now };
        for (var i = 0; i < tracksPerBatch; i++)
        {
            batch.Tracks.Add(new TrackUpdate
            {
                TrackId = (ulong)i + 1,
                Status = TrackStatus.Confirmed,
                TimeUnixUs = now,
                Position = new GeoPoint { LatitudeE7 = 450_000_000 + (int)(sequence % 1000) * 100, LongitudeE7 = 150_000_000 + (i * 1000), HeightMm = 3_000_000 },
                Cooperative = true,
                Identity = new Identity { IcaoAddress = (uint)(0x400000 + i), Callsign = "CHS" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
        }

        return batch;
    }
}
