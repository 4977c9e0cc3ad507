using Microsoft.Extensions.Time.Testing;
using Picket.Testing;

namespace Picket.Gateway.Outbox;

public sealed class SqliteOutboxTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Append_BeforeCommit_NotReadable()
    {
        using var outbox = Open(commitInterval: TimeSpan.FromHours(1));
        outbox.Append(1, OutboxMessages.Batch(1, 3, OutboxMessages.NowUnixMicroseconds), OutboxMessages.NowUnixMicroseconds);

        Assert.Empty(outbox.ReadAfter(0, 10));
        Assert.Equal(0UL, outbox.CommittedThrough);
        Assert.Equal(1, outbox.Depth);
    }

    [Fact]
    public void Flush_ThreeAppends_ReadableInOrderWithTheirBytesUnchanged()
    {
        using var outbox = Open(commitInterval: TimeSpan.FromHours(1));
        var messages = new List<byte[]>();
        for (ulong sequence = 1; sequence <= 3; sequence++)
        {
            messages.Add(OutboxMessages.Batch(sequence, 5, 1_700_000_000_000_000 + (long)sequence));
            outbox.Append(sequence, messages[^1], 1_700_000_000_000_000 + (long)sequence);
        }

        Assert.True(outbox.Flush());
        var entries = outbox.ReadAfter(0, 10);

        Assert.Equal([1UL, 2UL, 3UL], entries.Select(e => e.Sequence));
        Assert.All(entries, e => Assert.Equal(messages[(int)e.Sequence - 1], e.Message));
        Assert.All(entries, e => Assert.Equal(1_700_000_000_000_000 + (long)e.Sequence, e.CreatedUnixMicroseconds));
        Assert.Equal([3UL], outbox.ReadAfter(2, 10).Select(e => e.Sequence));
        Assert.Equal([1UL, 2UL], outbox.ReadAfter(0, 2).Select(e => e.Sequence));
        Assert.Equal(messages.Sum(m => (long)m.Length), outbox.Bytes);
    }

    [Fact]
    public void Append_SequenceNotNext_ThrowsAndKeepsTheOutbox()
    {
        using var outbox = Open();
        outbox.Append(1, OutboxMessages.Batch(1, 1, OutboxMessages.NowUnixMicroseconds), OutboxMessages.NowUnixMicroseconds);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => outbox.Append(3, OutboxMessages.Batch(3, 1, 0), 0));

        Assert.Contains("next sequence is 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(2UL, outbox.NextSequence);
    }

    [Fact]
    public void NextSequence_EveryRowAckedAndReopened_ContinuesWithoutRepeating()
    {
        var path = _directory.File("outbox.db");
        using (var outbox = Open(path))
        {
            for (ulong sequence = 1; sequence <= 4; sequence++)
            {
                outbox.Append(sequence, OutboxMessages.Batch(sequence, 1, OutboxMessages.NowUnixMicroseconds), OutboxMessages.NowUnixMicroseconds);
            }

            outbox.Flush();
            outbox.Acknowledge(4);
            outbox.Flush();
            Assert.Equal(0, outbox.Depth);
            Assert.Equal(0, outbox.Bytes);
        }

        using var reopened = Open(path);

        Assert.Equal(5UL, reopened.NextSequence);
        Assert.Equal(0, reopened.Depth);
        Assert.Empty(reopened.ReadAfter(0, 10));
        Assert.Null(reopened.OldestCreatedUnixMicroseconds);
    }

    [Fact]
    public void Acknowledge_TwoOfThree_DeletedAtTheNextCommitAndSurvivesReopen()
    {
        var path = _directory.File("outbox.db");
        using (var outbox = Open(path))
        {
            for (ulong sequence = 1; sequence <= 3; sequence++)
            {
                outbox.Append(sequence, OutboxMessages.Batch(sequence, 1, 100 + (long)sequence), 100 + (long)sequence);
            }

            outbox.Flush();
            outbox.Acknowledge(2);
            Assert.Equal(1, outbox.Depth);
            Assert.Equal(103L, outbox.OldestCreatedUnixMicroseconds);
            outbox.Flush();
        }

        using var reopened = Open(path);

        Assert.Equal([3UL], reopened.ReadAfter(0, 10).Select(e => e.Sequence));
        Assert.Equal(2UL, reopened.AcknowledgedThrough);
        Assert.Equal(1, reopened.Depth);
        Assert.Equal(4UL, reopened.NextSequence);
    }

    [Fact]
    public void Acknowledge_BeyondCommitted_Clamped()
    {
        using var outbox = Open(commitInterval: TimeSpan.FromHours(1));
        outbox.Append(1, OutboxMessages.Batch(1, 1, 1), 1);
        outbox.Flush();
        outbox.Append(2, OutboxMessages.Batch(2, 1, 2), 2);

        outbox.Acknowledge(7);

        Assert.Equal(1UL, outbox.AcknowledgedThrough);
        Assert.Equal(1, outbox.Depth);
    }

    [Fact]
    public async Task WaitForCommitted_TimerCommits_Completes()
    {
        using var outbox = Open(commitInterval: TimeSpan.FromMilliseconds(50));
        var waiting = outbox.WaitForCommittedAsync(0, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        outbox.Append(1, OutboxMessages.Batch(1, 1, 1), 1);

        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1UL, outbox.CommittedThrough);
    }

    [Fact]
    public void SizeCap_TwentyBatchesIntoTenOfRoom_OldestDroppedAsEmptyBatchesSequencesKept()
    {
        // 20 batches of about 1.2 kB under a 12,000-byte cap: the oldest lose their content.
        var messages = Enumerable.Range(1, 20).Select(i => OutboxMessages.Batch((ulong)i, 40, 1_000 + i)).ToArray();
        const long Cap = 12_000;
        using var outbox = Open(maxBytes: Cap);
        for (var i = 0; i < 20; i++)
        {
            outbox.Append((ulong)i + 1, messages[i], 1_000 + i + 1);
        }

        outbox.Flush();
        var entries = outbox.ReadAfter(0, 100);

        // Expected from the rule alone: drop oldest until the stored bytes fit under the cap.
        var kept = messages.Sum(m => (long)m.Length);
        var expectedDrops = 0;
        while (kept > Cap)
        {
            kept -= messages[expectedDrops].Length - Tombstone((ulong)expectedDrops + 1, 1_000 + expectedDrops + 1).Length;
            expectedDrops++;
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (ulong)i), entries.Select(e => e.Sequence));
        Assert.Equal(expectedDrops, outbox.DroppedTotal);
        Assert.Equal(expectedDrops, entries.Count(e => e.Dropped));
        Assert.All(entries.Take(expectedDrops), e =>
        {
            var batch = OutboxMessages.Parse(e.Message);
            Assert.True(e.Dropped);
            Assert.Equal(e.Sequence, batch.Sequence);
            Assert.Equal(e.CreatedUnixMicroseconds, batch.CreatedUnixUs);
            Assert.Empty(batch.Tracks);
        });
        Assert.All(entries.Skip(expectedDrops), e => Assert.Equal(messages[(int)e.Sequence - 1], e.Message));
        Assert.True(outbox.Bytes <= Cap);
    }

    [Fact]
    public void AgeLimit_BatchesOlderThanAnHour_DroppedCountedAndCountKeptAcrossReopen()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        var hour = 3_600_000_000L;
        var path = _directory.File("outbox.db");
        var created = new[] { now - (3 * hour), now - (2 * hour), now - (hour / 2), now };
        using (var outbox = Open(path, maxAge: TimeSpan.FromHours(1), clock: clock))
        {
            for (var i = 0; i < created.Length; i++)
            {
                outbox.Append((ulong)i + 1, OutboxMessages.Batch((ulong)i + 1, 2, created[i]), created[i]);
            }

            outbox.Flush();
            Assert.Equal([true, true, false, false], outbox.ReadAfter(0, 10).Select(e => e.Dropped));
            Assert.Equal(2, outbox.DroppedTotal);

            clock.Advance(TimeSpan.FromMinutes(31));
            outbox.Flush();
            Assert.Equal([true, true, true, false], outbox.ReadAfter(0, 10).Select(e => e.Dropped));
            Assert.Equal(3, outbox.DroppedTotal);
        }

        using var reopened = Open(path, maxAge: TimeSpan.FromHours(1), clock: clock);
        Assert.Equal(3, reopened.DroppedTotal);
    }

    private static byte[] Tombstone(ulong sequence, long created) =>
        Google.Protobuf.MessageExtensions.ToByteArray(new Contract.V1.UplinkMessage { Batch = new Contract.V1.UplinkBatch { Sequence = sequence, CreatedUnixUs = created } });

    private SqliteOutbox Open(string? path = null, TimeSpan? commitInterval = null, long maxBytes = 1L << 30, TimeSpan? maxAge = null, TimeProvider? clock = null) =>
        SqliteOutbox.Open(
            new OutboxOptions
            {
                Path = path ?? _directory.File("outbox.db"),
                CommitInterval = commitInterval ?? TimeSpan.FromHours(1),
                MaxBytes = maxBytes,
                MaxAge = maxAge ?? Timeout.InfiniteTimeSpan,
            },
            clock);
}
