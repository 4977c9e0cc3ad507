using Picket.Gateway.Outbox;
using Picket.Testing;

namespace Picket.Outbox.Benchmarks;

/// <summary>
/// The child of the outbox's kill -9 test: appends batches until it is killed. After a flush
/// that reports success it prints <c>committed N</c>; before acknowledging it prints
/// <c>acked N</c> (the intent: the deletion may or may not reach the disk before the kill).
/// </summary>
internal static class AppendLoop
{
    public static int Run(BenchmarkArguments arguments)
    {
        var random = new Random((int)arguments.Number("seed", 1));
        using var outbox = SqliteOutbox.Open(new OutboxOptions
        {
            Path = arguments.Text("path", "outbox.db"),
            CommitInterval = TimeSpan.FromMilliseconds(20),
            MaxAge = Timeout.InfiniteTimeSpan,
        });
        var output = Console.Out;
        output.WriteLine($"started {outbox.NextSequence}");
        output.Flush();
        while (true)
        {
            var sequence = outbox.NextSequence;
            var created = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
            outbox.Append(sequence, Batches.Batch(sequence, random.Next(1, 200), created), created);
            if (random.Next(3) == 0 && outbox.Flush())
            {
                output.WriteLine($"committed {sequence}");
                output.Flush();
            }

            if (sequence > 100 && random.Next(50) == 0)
            {
                var through = sequence - (ulong)random.Next(50, 100);
                output.WriteLine($"acked {through}");
                output.Flush();
                outbox.Acknowledge(through);
            }
        }
    }
}
