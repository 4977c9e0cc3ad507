using System.Device.Gpio;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Picket.Cli;
using Picket.Gateway.Configuration;
using Picket.Gateway.Gpio;
using Picket.Gateway.Health;
using Picket.Gateway.Tracking;
using Picket.Testing;

namespace Picket.Gateway.Hosting;

/// <summary>
/// The service button's long press runs the selftest in the running gateway: the fake
/// <see cref="GpioDriver"/> of the Gpio tests holds the button low, the real runtime (a real TCP
/// feed or a port nobody serves, a real outbox and status file) runs the checks, and the LED's
/// pin, the runtime's report, the status file and <c>picket status</c> show the result.
/// </summary>
public sealed class GatewayServiceSelftestTests : IDisposable
{
    private const int LedPin = 17;
    private const int ButtonPin = 27;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task LongPress_AnInputDown_SelftestFailsAndEverySurfaceSaysSo()
    {
        // A port nobody serves: the input never connects.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var settings = Settings($"beast:tcp:127.0.0.1:{port}");
        var driver = new FakeGpioDriver();
        using var runtime = GatewayRuntime.Create(settings, "test", NullLoggerFactory.Instance, TimeProvider.System);
        using var service = new GatewayService(settings, runtime, TimeProvider.System, NullLogger<GatewayService>.Instance, () => new GpioController(driver)) { SelftestTimeout = TimeSpan.FromSeconds(1) };
        await service.StartAsync(CancellationToken.None);
        try
        {
            var report = await PressAndWait(service, runtime, driver);

            Assert.False(report.Passed);
            Assert.Equal(["FAIL", "SKIP", "PASS", "PASS", "SKIP", "PASS"], report.Results.Select(r => r.Status));
            Assert.Equal($"input beast:tcp:127.0.0.1:{port}", report.Results[0].Check);
            Assert.StartsWith("not connected", report.Results[0].Detail, StringComparison.Ordinal);
            Assert.Equal("gpio chip 0", report.Results[2].Check);
            Assert.Equal(LedState.SelftestFailed, service.LedShown);
            AssertLedShows(driver, StatusLed.PatternOf(LedState.SelftestFailed));

            await WaitFor(() => File.Exists(settings.StatusPath) && StatusFile.Read(settings.StatusPath).Selftest is not null, "the selftest in the status file");
            var status = StatusFile.Read(settings.StatusPath).Selftest!;
            Assert.False(status.Passed);
            Assert.Equal("service button", status.Trigger);

            using var output = new StringWriter();
            using var errors = new StringWriter();
            Assert.Equal(CommandLine.InputError, await CommandLine.RunAsync(["status", "--status", settings.StatusPath], TextReader.Null, output, errors));
            Assert.Contains("selftest FAILED at ", output.ToString(), StringComparison.Ordinal);
            Assert.Contains($"the last selftest (service button) failed: input beast:tcp:127.0.0.1:{port}: not connected", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task LongPress_AllLive_SelftestPasses()
    {
        var capture = await File.ReadAllBytesAsync(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stopFeed = new CancellationTokenSource();
        // readsb's port 30005 as the gateway sees it: Beast in small writes, on and on.
        var feed = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync(stopFeed.Token);
            await using var stream = client.GetStream();
            try
            {
                while (!stopFeed.IsCancellationRequested)
                {
                    for (var offset = 0; offset < capture.Length && !stopFeed.IsCancellationRequested; offset += 2048)
                    {
                        await stream.WriteAsync(capture.AsMemory(offset, Math.Min(2048, capture.Length - offset)), stopFeed.Token);
                        await Task.Delay(20, stopFeed.Token);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The test is over.
            }
        });

        var settings = Settings($"beast:tcp:127.0.0.1:{port}");
        var driver = new FakeGpioDriver();
        using var runtime = GatewayRuntime.Create(settings, "test", NullLoggerFactory.Instance, TimeProvider.System);
        using var service = new GatewayService(settings, runtime, TimeProvider.System, NullLogger<GatewayService>.Instance, () => new GpioController(driver)) { SelftestTimeout = TimeSpan.FromSeconds(20) };
        await service.StartAsync(CancellationToken.None);
        try
        {
            var report = await PressAndWait(service, runtime, driver);

            Assert.True(report.Passed, string.Join("; ", report.Results.Select(r => $"{r.Status} {r.Check}: {r.Detail}")));
            Assert.Equal("PASS", report.Results[0].Status);
            Assert.Contains("frames in", report.Results[0].Detail, StringComparison.Ordinal);
            Assert.Equal(LedState.SelftestPassed, service.LedShown);
            AssertLedShows(driver, StatusLed.PatternOf(LedState.SelftestPassed));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
            await stopFeed.CancelAsync();
            await feed;
        }
    }

    private static async Task<SelftestReport> PressAndWait(GatewayService service, GatewayRuntime runtime, FakeGpioDriver driver)
    {
        driver.SetInput(ButtonPin, PinValue.Low);
        await WaitFor(() => service.Selftest is not null, "the long press to start the selftest");
        Assert.Equal(LedState.Selftest, service.LedShown);
        driver.SetInput(ButtonPin, PinValue.High);
        await service.Selftest!.WaitAsync(Patience);
        return runtime.LastSelftest!;
    }

    // The pattern's eight slots, in turn from the pin's last writes (any starting slot).
    private static void AssertLedShows(FakeGpioDriver driver, byte pattern)
    {
        var expected = Enumerable.Range(0, 8).Select(slot => (pattern & (0x80 >> slot)) != 0).ToArray();
        var watch = Stopwatch.StartNew();
        bool[] last;
        do
        {
            Thread.Sleep(250);
            lock (driver.Writes)
            {
                last = driver.Writes.Where(w => w.Pin == LedPin).TakeLast(8).Select(w => w.Value == PinValue.High).ToArray();
            }
        }
        while (!IsRotation(last, expected) && watch.Elapsed < Patience);

        Assert.True(IsRotation(last, expected), $"the LED's last slots {string.Concat(last.Select(b => b ? '1' : '0'))} are not the pattern {Convert.ToString(pattern, 2).PadLeft(8, '0')}");
    }

    private static bool IsRotation(bool[] slots, bool[] pattern) =>
        slots.Length == 8 && Enumerable.Range(0, 8).Any(shift => Enumerable.Range(0, 8).All(i => slots[i] == pattern[(i + shift) % 8]));

    private GatewaySettings Settings(string input) => new()
    {
        GatewayId = "mast-button",
        Site = new GeoSite(60.1, 24.9, 20),
        Inputs = [input],
        OutboxPath = Path.Combine(_directory.Path, "outbox.db"),
        StatusPath = Path.Combine(_directory.Path, "status.json"),
        HealthInterval = TimeSpan.FromSeconds(1),
        TrustSystemClock = true,
        Gpio = new GpioSettings { Chip = 0, StatusLedPin = LedPin, ServiceButtonPin = ButtonPin, LongPress = TimeSpan.FromMilliseconds(200) },
    };

    private static async Task WaitFor(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < Patience, $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
