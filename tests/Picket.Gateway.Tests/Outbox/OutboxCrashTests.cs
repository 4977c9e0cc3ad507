using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using Picket.Testing;

namespace Picket.Gateway.Outbox;

/// <summary>
/// Crash safety for real: a child process (Picket.Outbox.Benchmarks append-loop) appends to the
/// outbox and is killed with SIGKILL at random points, 24 times on the same database.
/// </summary>
public sealed class OutboxCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Kill9_TwentyFourTimesAtRandomPoints_EveryReportedCommitKeptContiguousNeverRepeated()
    {
        var random = new Random(424242);
        var path = _directory.File("outbox.db");
        ulong maxCommitted = 0;
        ulong maxAckIntent = 0;
        for (var run = 0; run < 24; run++)
        {
            var lines = await RunAndKillAsync(path, run, TimeSpan.FromMilliseconds(random.Next(50, 1500)));
            var started = lines.Where(l => l.StartsWith("started ", StringComparison.Ordinal)).Select(Number).FirstOrDefault();
            if (started != 0)
            {
                // A new process never hands out a sequence a reported commit already used.
                Assert.True(started > maxCommitted, $"run {run}: started at {started}, but {maxCommitted} was committed before");
            }

            foreach (var line in lines)
            {
                if (line.StartsWith("committed ", StringComparison.Ordinal))
                {
                    maxCommitted = Math.Max(maxCommitted, Number(line));
                }
                else if (line.StartsWith("acked ", StringComparison.Ordinal))
                {
                    maxAckIntent = Math.Max(maxAckIntent, Number(line));
                }
            }

            Verify(path, run, maxCommitted, maxAckIntent);
        }

        output.WriteLine($"24 kills; {maxCommitted} batches committed and reported in all");
        Assert.True(maxCommitted > 100, "The child committed too little to test anything.");
    }

    private static ulong Number(string line) => ulong.Parse(line.AsSpan(line.IndexOf(' ', StringComparison.Ordinal) + 1), NumberStyles.None, CultureInfo.InvariantCulture);

    private static void Verify(string path, int run, ulong maxCommitted, ulong maxAckIntent)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        using var outbox = SqliteOutbox.Open(new OutboxOptions { Path = path, CommitInterval = TimeSpan.FromHours(1), MaxAge = Timeout.InfiniteTimeSpan });
        var entries = outbox.ReadAfter(0, int.MaxValue);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.True(entries[i].Sequence == entries[i - 1].Sequence + 1, $"run {run}: {entries[i - 1].Sequence} is followed by {entries[i].Sequence}");
        }

        var lowest = entries.Count > 0 ? entries[0].Sequence : outbox.NextSequence;
        var highest = entries.Count > 0 ? entries[^1].Sequence : outbox.NextSequence - 1;
        // Rows below the lowest were deleted: only acknowledged ones may be.
        Assert.True(lowest - 1 <= maxAckIntent, $"run {run}: rows up to {lowest - 1} are gone but only {maxAckIntent} were acknowledged");
        // Every batch reported committed is still there (or was acknowledged).
        Assert.True(maxCommitted <= Math.Max(highest, maxAckIntent), $"run {run}: {maxCommitted} was reported committed, the outbox ends at {highest}");
        Assert.True(outbox.NextSequence > Math.Max(highest, maxCommitted));
        Assert.All(entries, e =>
        {
            var batch = OutboxMessages.Parse(e.Message);
            Assert.Equal(e.Sequence, batch.Sequence);
            Assert.NotEmpty(batch.Tracks);
        });
    }

    private static async Task<List<string>> RunAndKillAsync(string path, int run, TimeSpan after)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { ChildDll(), "append-loop", "--path", path, "--seed", run.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var lines = new List<string>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            started.TrySetResult();
        };
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Task.WhenAny(started.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(process.HasExited, $"run {run}: the child exited by itself: {errors}");
            await Task.Delay(after);
        }
        finally
        {
            // SIGKILL, as kill -9: no finalizers, no flush, no SQLite close.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        lock (lines)
        {
            return [.. lines];
        }
    }

    // The project reference builds the child in the same configuration; its output stays in its own folder.
    private static string ChildDll()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Picket.Outbox.Benchmarks", "bin", configuration, "net10.0", "Picket.Outbox.Benchmarks.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Cannot find Picket.Outbox.Benchmarks.dll; build tests/Picket.Outbox.Benchmarks first.");
    }
}
