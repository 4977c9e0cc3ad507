using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Picket.Contract.V1;
using Picket.Server.Support;

namespace Picket.Server.Storage;

/// <summary>
/// The ingest/feed contract against NATS JetStream, on a real <c>nats-server -js</c>. Each test
/// gets its own stream and subjects, so tests do not see each other's batches.
/// </summary>
public sealed class JetStreamIngestFeedTests(NatsServerFixture nats) : IngestFeedContractTests, IClassFixture<NatsServerFixture>
{
    private readonly string _name = "T" + Guid.NewGuid().ToString("N")[..12];

    protected override IReadOnlyDictionary<string, string?> StoreConfiguration => new Dictionary<string, string?>
    {
        ["Storage:Mode"] = "JetStream",
        ["Storage:NatsUrl"] = nats.Url.ToString(),
        ["Storage:StreamName"] = _name,
        ["Storage:SubjectPrefix"] = "picket." + _name,
    };

    [Fact]
    public async Task PublishBatch_Acked_MessageInStreamWithGatewaySequenceIdAndResendNotAdded()
    {
        var server = await StartServerAsync();
        for (ulong sequence = 1; sequence <= 3; sequence++)
        {
            await server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-js", sequence, TestBatches.Track(sequence)));
        }

        await server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-js", 2, TestBatches.Track(2)));

        // Read the stream with a client of our own: what an ack promised is in JetStream, once.
        await using var connection = new NatsConnection(new NatsOpts { Url = nats.Url.ToString() });
        var jetStream = new NatsJSContext(connection);
        var stream = await jetStream.GetStreamAsync(_name);
        var ids = new List<string>();
        for (ulong streamSequence = 1; streamSequence <= stream.Info.State.LastSeq; streamSequence++)
        {
            var message = await stream.GetAsync(new StreamMsgGetRequest { Seq = streamSequence });
            var headers = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(message.Message.Hdrs!));
            var batch = UplinkBatch.Parser.ParseFrom(message.Message.Data.Span);
            ids.Add($"{message.Message.Subject} {headers.Split("\r\n").Single(h => h.StartsWith("Nats-Msg-Id:", StringComparison.Ordinal))} {batch.Tracks[0].TrackId}");
        }

        Assert.Equal(3L, stream.Info.State.Messages);
        Assert.Equal(
            [$"picket.{_name}.gw-js Nats-Msg-Id: gw-js/1 1", $"picket.{_name}.gw-js Nats-Msg-Id: gw-js/2 2", $"picket.{_name}.gw-js Nats-Msg-Id: gw-js/3 3"],
            ids);
    }

    [Fact]
    public async Task Restart_BatchStreamExpired_AckedSequenceKeptFromCheckpoint()
    {
        var checkpointEverySecond = new Dictionary<string, string?> { ["Storage:LedgerCheckpointSeconds"] = "1" };
        var server = await StartServerAsync(checkpointEverySecond);
        for (ulong sequence = 1; sequence <= 3; sequence++)
        {
            await server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-old", sequence));
        }

        await using var connection = new NatsConnection(new NatsOpts { Url = nats.Url.ToString() });
        var jetStream = new NatsJSContext(connection);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await jetStream.GetStreamAsync(_name + "_LEDGER")).Info.State.Messages == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no ledger checkpoint was written");
            await Task.Delay(100);
        }

        await StopServerAsync(server);
        // What MaxAge does after the retention period: the batches are gone from the stream.
        await jetStream.PurgeStreamAsync(_name, new StreamPurgeRequest());

        var restarted = await StartServerAsync(checkpointEverySecond);
        using var session = await PublishSession.OpenAsync(restarted.Ingest, "gw-old");
        var next = await session.SendAndReadAckAsync(TestBatches.Batch("gw-old", 4));

        Assert.Equal(3UL, session.HelloAck.AckedSequence);
        Assert.Null(session.HelloAck.Gap);
        Assert.Equal(4UL, next.AckedSequence);
    }

    [Fact]
    public async Task TwoNodes_PublishToOneSubscribeToOther_SharedFeedAndAcks()
    {
        var nodeA = await StartServerAsync();
        var nodeB = await StartServerAsync();
        using var feedB = new FeedReader(nodeB.Feed, new SubscribeRequest());
        await feedB.ReadSnapshotAsync();

        using (var onA = await PublishSession.OpenAsync(nodeA.Ingest, "gw-roam"))
        {
            await onA.SendAndReadAckAsync(TestBatches.Batch("gw-roam", 1, TestBatches.Track(1)));
            await onA.SendAndReadAckAsync(TestBatches.Batch("gw-roam", 2, TestBatches.Track(2)));
        }

        // Node B serves what node A stored...
        Assert.Equal(1UL, (await feedB.NextAsync()).Track.TrackId);
        Assert.Equal(2UL, (await feedB.NextAsync()).Track.TrackId);

        // ...and a gateway that reconnects through B (behind a load balancer) resumes where A left it.
        using var onB = await PublishSession.OpenAsync(nodeB.Ingest, "gw-roam");
        var resent = await onB.SendAndReadAckAsync(TestBatches.Batch("gw-roam", 2, TestBatches.Track(2)));
        var next = await onB.SendAndReadAckAsync(TestBatches.Batch("gw-roam", 3, TestBatches.Track(3)));

        Assert.Equal(2UL, onB.HelloAck.AckedSequence);
        Assert.True(resent.Duplicate);
        Assert.Equal(3UL, next.AckedSequence);
        Assert.Equal(3UL, (await feedB.NextAsync()).Track.TrackId);
    }
}
