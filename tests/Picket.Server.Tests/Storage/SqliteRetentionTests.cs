using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Picket.Contract.V1;
using Picket.Server.Support;
using Picket.Testing;

namespace Picket.Server.Storage;

/// <summary>
/// Retention in the SQLite store: history older than the retention period is deleted, but what
/// was acked is not forgotten (a resend is still a duplicate, also after a restart).
/// </summary>
public sealed class SqliteRetentionTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Sweep_HistoryOlderThanRetention_DeletedButAckedSequencesRemembered()
    {
        await using (var server = await StartAsync())
        {
            for (ulong sequence = 1; sequence <= 3; sequence++)
            {
                await server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-old", sequence, TestBatches.Track(sequence)));
            }

            Assert.Equal(3, Count("track_history"));

            // Two hours on, with one hour of retention: the next sweep (every minute) deletes it all.
            _clock.Advance(TimeSpan.FromHours(2));
            await WaitUntilAsync(() => Count("track_history") == 0 && Count("batches") == 0);

            var resent = await server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-old", 2, TestBatches.Track(2)));
            var next = await server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-old", 4, TestBatches.Track(4)));

            Assert.True(resent.Duplicate);
            Assert.Equal(3UL, resent.AckedSequence);
            Assert.Equal(4UL, next.AckedSequence);
        }

        await using var restarted = await StartAsync();
        using var session = await PublishSession.OpenAsync(restarted.Ingest, "gw-old");
        using var feed = new FeedReader(restarted.Feed, new SubscribeRequest());
        var (snapshot, _) = await feed.ReadSnapshotAsync();

        Assert.Equal(4UL, session.HelloAck.AckedSequence);
        Assert.True((await session.SendAndReadAckAsync(TestBatches.Batch("gw-old", 1, TestBatches.Track(1)))).Duplicate);
        Assert.Equal([4UL], snapshot.Select(e => e.Track.TrackId).ToArray());
        Assert.Equal(1, Count("track_history"));
    }

    public void Dispose() => _directory.Dispose();

    private Task<ServerHarness> StartAsync() => ServerHarness.StartAsync(
        new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = _directory.File("picket.db"),
            ["Storage:RetentionHours"] = "1",
        },
        builder => builder.Services.AddSingleton<TimeProvider>(_clock));

    private long Count(string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _directory.File("picket.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM " + table;
        return (long)command.ExecuteScalar()!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the retention sweep did not run");
            await Task.Delay(20);
        }
    }
}
