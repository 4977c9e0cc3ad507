using System.Diagnostics;
using Grpc.Net.Client;
using Picket.Contract.V1;

namespace Picket.Server.LoadTest;

/// <summary>
/// One simulated gateway: its own HTTP/2 connection and Publish stream, up to
/// <c>window</c> batches in flight (an outbox being drained), each batch carrying
/// <c>tracksPerBatch</c> moving tracks. Records the latency from sending a batch to the ack
/// that covers it.
/// </summary>
internal sealed class GatewaySimulator(string gatewayId, Uri server, int tracksPerBatch, int window, int batchesPerSecond)
{
    private readonly List<double> _latenciesMs = new(capacity: 100_000);

    public IReadOnlyList<double> LatenciesMs => _latenciesMs;

    public ulong AckedBatches { get; private set; }

    public async Task RunAsync(DateTime stopAtUtc, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(server);
        var client = new TrackIngest.TrackIngestClient(channel);
        using var call = client.Publish(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new UplinkMessage { Hello = new Hello { GatewayId = gatewayId, SoftwareVersion = "load" } }, cancellationToken).ConfigureAwait(false);
        if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("no hello ack");
        }

        var sentAt = new Dictionary<ulong, long>();
        using var slots = new SemaphoreSlim(window);
        ulong lastSent = 0;
        var reader = Task.Run(
            async () =>
            {
                while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
                {
                    var acked = call.ResponseStream.Current.AckedSequence;
                    var now = Stopwatch.GetTimestamp();
                    lock (sentAt)
                    {
                        for (var sequence = AckedBatches + 1; sequence <= acked; sequence++)
                        {
                            if (sentAt.Remove(sequence, out var started))
                            {
                                _latenciesMs.Add(Stopwatch.GetElapsedTime(started, now).TotalMilliseconds);
                                slots.Release();
                            }
                        }

                        AckedBatches = Math.Max(AckedBatches, acked);
                    }
                }
            },
            cancellationToken);

        var random = new Random(gatewayId.GetHashCode(StringComparison.Ordinal));
        var started = Stopwatch.GetTimestamp();
        while (DateTime.UtcNow < stopAtUtc)
        {
            if (batchesPerSecond > 0)
            {
                // Open-loop pacing: batch n is due at n / rate seconds, whatever the acks do.
                var due = TimeSpan.FromSeconds(lastSent / (double)batchesPerSecond) - Stopwatch.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken).ConfigureAwait(false);
                }
            }

            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            var batch = NewBatch(++lastSent, random);
            lock (sentAt)
            {
                sentAt[lastSent] = Stopwatch.GetTimestamp();
            }

            await call.RequestStream.WriteAsync(new UplinkMessage { Batch = batch }, cancellationToken).ConfigureAwait(false);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        await reader.ConfigureAwait(false);
    }

    private UplinkBatch NewBatch(ulong sequence, Random random)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var batch = new UplinkBatch { GatewayId = gatewayId, Sequence = sequence, CreatedUnixUs = now };
        for (var i = 0; i < tracksPerBatch; i++)
        {
            batch.Tracks.Add(new TrackUpdate
            {
                TrackId = (ulong)i + 1,
                Status = TrackStatus.Confirmed,
                TimeUnixUs = now,
                Position = new GeoPoint { LatitudeE7 = 450_000_000 + random.Next(-5_000_000, 5_000_000), LongitudeE7 = 150_000_000 + random.Next(-5_000_000, 5_000_000), HeightMm = random.Next(0, 12_000_000) },
                VelocityEastMmS = random.Next(-250_000, 250_000),
                VelocityNorthMmS = random.Next(-250_000, 250_000),
                Cooperative = (i & 1) == 0,
                Identity = new Identity { IcaoAddress = (uint)(0x400000 + i), Callsign = "TST" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                Quality = new TrackQuality { UpdateCount = (uint)sequence, AgeMs = sequence * 1000 },
            });
        }

        return batch;
    }
}
