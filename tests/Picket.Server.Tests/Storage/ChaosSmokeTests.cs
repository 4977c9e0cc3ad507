using Picket.Server.LoadTest;

namespace Picket.Server.Storage;

/// <summary>
/// The chaos run (tests/Picket.Server.LoadTest, <c>chaos</c>) in short: picket-server as its own
/// process, killed with SIGKILL and restarted, its database deleted under load; every acked batch
/// is found in the file after each kill, and nothing is acked once the deletion is detected.
/// The disk-full phase needs a tmpfs (root) and runs in the hand run only.
/// </summary>
public sealed class ChaosSmokeTests
{
    [Fact]
    public async Task Chaos_FiveCyclesOfKillAndOneDeletion_NothingAckedIsLost()
    {
        var options = new ChaosOptions(Cycles: 5, Seed: 7, Tmpfs: false, TracksPerBatch: 5, Window: 16, ServerDll: Path.Combine(AppContext.BaseDirectory, "picket-server.dll"));
        using var output = new StringWriter();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var counts = await new ChaosRun(options, output).RunAsync(patience.Token);

        Assert.True(counts.Passed, output.ToString());
        Assert.Equal(5, counts.Kills);
        Assert.Equal(4, counts.Verifications);
        Assert.True(counts.AckedBatchesVerified > 0, output.ToString());
        Assert.Equal(0, counts.Lost);
        Assert.Equal(1, counts.DeletionsDetected);
        Assert.Equal(0, counts.AckedAfterDeletionDetected);
    }
}
