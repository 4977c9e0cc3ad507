using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Picket.Gateway.Configuration;
using Picket.Gateway.Gpio;
using Picket.Gateway.Health;
using Picket.Gateway.Tracking;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Gateway.Hosting;

/// <summary>
/// The status LED shows the current state: Fault while the outbox cannot store, and the state of
/// the moment once the disk takes writes again (it used to latch Fault for good: the LED was
/// derived from the storage error counter, which never goes down). A real full disk: the outbox
/// on a 2 MiB tmpfs that a filler file fills. Needs root to mount; without it the test says so
/// and passes without running.
/// </summary>
public sealed class GatewayRuntimeStorageFaultTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task DiskFull_LedShowsFault_DiskFreed_LedShowsTheCurrentStateAgain()
    {
        if (!SmallDisk.CanMount)
        {
            output.WriteLine("Not run: mounting a tmpfs needs root (run the tests as root, as CI does).");
            return;
        }

        var disk = new SmallDisk(_directory.File("disk"), 2);
        try
        {
            // An input that never delivers (a closed port): the state of the moment is NoInput.
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var settings = new GatewaySettings
            {
                GatewayId = "mast-disk",
                Site = new GeoSite(60.1, 24.9, 20),
                Inputs = [$"beast:tcp:127.0.0.1:{port}"],
                OutboxPath = disk.File("outbox.db"),
                OutboxCommitInterval = TimeSpan.FromMilliseconds(100),
                StatusPath = Path.Combine(_directory.Path, "status.json"),
                HealthInterval = TimeSpan.FromSeconds(1),
                BatchInterval = TimeSpan.FromMilliseconds(100),
                TrustSystemClock = true,
            };
            using var runtime = GatewayRuntime.Create(settings, "test", NullLoggerFactory.Instance, TimeProvider.System);
            runtime.Start();
            await WaitFor(() => runtime.LatestHealth is not null, "the first health");
            Assert.Equal(LedState.NoInput, runtime.LedState);

            disk.Fill();
            // Health batches keep coming (one a second): their commits fail on the full disk.
            await WaitFor(() => runtime.LedState == LedState.Fault, "Fault while the disk is full");
            var failing = runtime.LatestHealth!.Outbox;
            Assert.True(failing.StorageFailing);
            Assert.True(failing.StorageErrorsTotal > 0);
            output.WriteLine($"disk full: LED {runtime.LedState}, {failing.StorageErrorsTotal} storage errors");

            disk.Free();
            await WaitFor(() => runtime.LedState != LedState.Fault, "the LED to leave Fault once the disk takes writes again");
            var recovered = runtime.LatestHealth!;
            Assert.Equal(LedState.NoInput, runtime.LedState);
            Assert.False(recovered.Outbox.StorageFailing);
            // The history stays counted: errors are a total, the LED and storage_failing are the present.
            Assert.True(recovered.Outbox.StorageErrorsTotal > 0);
            var status = StatusFile.Read(settings.StatusPath);
            Assert.False(status.Outbox.StorageFailing);
            output.WriteLine($"disk freed: LED {runtime.LedState}, {recovered.Outbox.StorageErrorsTotal} storage errors in total");
            await runtime.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            disk.Dispose();
        }
    }

    private static async Task WaitFor(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < Patience, $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}
