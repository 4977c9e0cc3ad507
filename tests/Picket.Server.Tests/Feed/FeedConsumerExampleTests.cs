using System.Diagnostics;
using Picket.Contract.V1;
using Picket.Server.Support;
using Picket.Testing;

namespace Picket.Server.Feed;

/// <summary>
/// The README's C# consumer (<c>server/Picket.FeedConsumer</c>) run as its own process against a real
/// Kestrel server: it prints the snapshot and then a live alert, and the README shows its code unchanged.
/// </summary>
public sealed class FeedConsumerExampleTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Consumer_PrintsTheSnapshotThenALiveAlert()
    {
        await using var server = await KestrelHarness.StartPlainAsync();
        var ingest = new TrackIngest.TrackIngestClient(server.Channel());
        using var session = await PublishSession.OpenAsync(ingest, "mast-7");
        var intruder = TestBatches.Track(42, cooperative: false);
        Assert.Equal(1UL, (await session.SendAndReadAckAsync(TestBatches.Batch("mast-7", 1, intruder))).AckedSequence);

        using var consumer = StartConsumer(server.Address);
        try
        {
            await FollowAsync(new LineQueue(consumer), session, intruder);
        }
        finally
        {
            consumer.Kill(entireProcessTree: true);
            await consumer.WaitForExitAsync();
        }
    }

    private static async Task FollowAsync(LineQueue lines, PublishSession session, TrackUpdate intruder)
    {
        Assert.Equal("snapshot complete: 1 tracks", await lines.FirstMatchingAsync(l => l.Contains("snapshot complete", StringComparison.Ordinal)));

        var batch = TestBatches.Batch("mast-7", 2, intruder);
        batch.Alerts.Add(new Alert
        {
            ZoneName = "border band",
            Event = ZoneEvent.Enter,
            TimeUnixUs = TestBatches.NowUnixUs,
            TrackId = 42,
            Cooperative = false,
            Position = intruder.Position,
        });
        Assert.Equal(2UL, (await session.SendAndReadAckAsync(batch)).AckedSequence);
        Assert.Equal("mast-7 ALERT Enter zone border band track 42 cooperative=False", await lines.FirstMatchingAsync(l => l.Contains("ALERT", StringComparison.Ordinal)));
    }

    [Fact]
    public void Readme_ShowsTheConsumersCodeUnchanged()
    {
        var program = File.ReadAllText(RepositoryPaths.PathOf("server/Picket.FeedConsumer/Program.cs")).ReplaceLineEndings("\n").Trim();
        var readme = File.ReadAllText(RepositoryPaths.PathOf("README.md")).ReplaceLineEndings("\n");
        Assert.Contains(program, readme, StringComparison.Ordinal);
    }

    private static Process StartConsumer(Uri address)
    {
        // The consumer is built beside this test assembly's configuration (bin/Release or bin/Debug).
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = RepositoryPaths.PathOf($"server/Picket.FeedConsumer/bin/{configuration}/net10.0/picket-feed-consumer.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(address.ToString());
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the consumer");
    }

    /// <summary>The consumer's standard output line by line.</summary>
    private sealed class LineQueue
    {
        private readonly Process _process;

        public LineQueue(Process process) => _process = process;

        public async Task<string> FirstMatchingAsync(Func<string, bool> match)
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (match(line))
                {
                    return line;
                }
            }

            throw new InvalidOperationException("the consumer ended: " + await _process.StandardError.ReadToEndAsync());
        }
    }
}
