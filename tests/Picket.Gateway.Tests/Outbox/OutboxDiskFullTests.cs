using Xunit.Abstractions;
using Picket.Testing;

namespace Picket.Gateway.Outbox;

/// <summary>
/// A real full disk: the outbox on a 2 MiB tmpfs that a filler file then fills. Needs root to
/// mount; without it the test says so and passes without running.
/// </summary>
public sealed class OutboxDiskFullTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void DiskFull_CommitsFail_AppendsHeldThenDroppedCountedAndRecoveredWhenSpaceReturns()
    {
        if (!SmallDisk.CanMount)
        {
            output.WriteLine("Not run: mounting a tmpfs needs root (run the tests as root, as CI does).");
            return;
        }

        var disk = new SmallDisk(_directory.File("disk"), 2);
        try
        {
            var messages = new Dictionary<ulong, byte[]>();
            using var outbox = SqliteOutbox.Open(new OutboxOptions
            {
                Path = disk.File("outbox.db"),
                CommitInterval = TimeSpan.FromHours(1),
                MemoryQueueBytes = 64 * 1024,
                MaxAge = Timeout.InfiniteTimeSpan,
            });
            ulong sequence = 1;
            for (; sequence <= 5; sequence++)
            {
                Append(outbox, messages, sequence);
            }

            Assert.True(outbox.Flush());

            disk.Fill();
            // About 160 kB more than the memory queue holds, on a disk with no room.
            for (; sequence <= 45; sequence++)
            {
                Append(outbox, messages, sequence);
            }

            Assert.False(outbox.Flush());
            Assert.True(outbox.StorageErrorsTotal > 0);
            Assert.True(outbox.DroppedTotal > 0);
            Assert.True(outbox.Bytes - FileBytes(outbox) <= 64 * 1024);
            Assert.Equal([1UL, 2UL, 3UL, 4UL, 5UL], outbox.ReadAfter(0, 100).Select(e => e.Sequence));
            output.WriteLine($"disk full: {outbox.StorageErrorsTotal} failed commits, {outbox.DroppedTotal} batches dropped");

            disk.Free();
            Assert.True(outbox.Flush());

            var entries = outbox.ReadAfter(0, 100);
            Assert.Equal(Enumerable.Range(1, 45).Select(i => (ulong)i), entries.Select(e => e.Sequence));
            Assert.Equal(outbox.DroppedTotal, entries.Count(e => e.Dropped));
            Assert.All(entries.Where(e => e.Dropped), e => Assert.True(e.Sequence > 5));
            Assert.All(entries.Where(e => !e.Dropped), e => Assert.Equal(messages[e.Sequence], e.Message));
            Assert.All(entries.Where(e => e.Dropped), e => Assert.Equal(e.Sequence, OutboxMessages.Parse(e.Message).Sequence));
            Assert.Equal(46UL, outbox.NextSequence);
        }
        finally
        {
            SqliteConnectionPoolsClear();
            disk.Dispose();
        }
    }

    private static void Append(SqliteOutbox outbox, Dictionary<ulong, byte[]> messages, ulong sequence)
    {
        var created = OutboxMessages.NowUnixMicroseconds;
        messages[sequence] = OutboxMessages.Batch(sequence, 120, created);
        outbox.Append(sequence, messages[sequence], created);
    }

    // What the committed rows hold: everything the outbox reports minus what it holds in memory.
    private static long FileBytes(SqliteOutbox outbox) => outbox.ReadAfter(0, 1000).Sum(e => (long)e.Message.Length);

    private static void SqliteConnectionPoolsClear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
