using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Picket.Cli;
using Picket.Gateway.Inputs;
using Picket.Gateway.Outbox;
using Picket.Gateway.Uplink;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Gateway.Selftest;

/// <summary><c>picket selftest</c> against the real server, a real TCP sensor and real file systems.</summary>
public sealed class SelftestTests(ITestOutputHelper output) : IDisposable
{
    private const string GatewayId = "mast-1";
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Selftest_EverythingInPlace_EveryLinePassesAndNothingIsStored()
    {
        await using var server = await RealServer.StartAsync(_directory.File("server.db"), GatewayId);
        using var sensor = BeastSensor.Start();
        var outbox = _directory.File("outbox.db");
        var config = WriteConfig(sensor.Spec, server.Address, RealServer.GatewayToken, outbox);

        var (exit, table, error) = await RunAsync("selftest", "--config", config, "--timeout", "30");
        output.WriteLine(table + error);

        Assert.Equal(CommandLine.Success, exit);
        Assert.Matches(@"(?m)^PASS  input beast:tcp:127\.0\.0\.1:\d+ +first frame after", table);
        Assert.Matches(@"(?m)^PASS  clock ", table);
        Assert.Matches(@"(?m)^PASS  server http://127\.0\.0\.1:\d+/ +authenticated as mast-1; the server holds batches through sequence 0", table);
        Assert.Matches(@"(?m)^PASS  outbox .* +writable \(new file\)", table);
        Assert.Matches(@"(?m)^SKIP  gnss ", table);
        Assert.Matches(@"(?m)^SKIP  gpio ", table);
        Assert.Contains("selftest passed (6 checks)", table, StringComparison.Ordinal);
        // No batch was sent, and the probe left no outbox behind.
        await server.StopAsync(TimeSpan.FromSeconds(2));
        Assert.Empty(server.ReadStored().Batches);
        Assert.False(File.Exists(outbox));
    }

    [Fact]
    public async Task Selftest_GnssOnlySiteWithoutAFix_ServerLineStillPasses()
    {
        await using var server = await RealServer.StartAsync(_directory.File("server.db"), GatewayId);
        using var sensor = BeastSensor.Start();
        // No Site: the mast takes its position from GNSS, here a gpsd nobody runs (no fix).
        var config = WriteConfig(sensor.Spec, server.Address, RealServer.GatewayToken, _directory.File("outbox.db"), gnssOnly: true);

        var (exit, table, error) = await RunAsync("selftest", "--config", config, "--timeout", "10");
        output.WriteLine(table + error);

        Assert.Matches(@"(?m)^PASS  server http://127\.0\.0\.1:\d+/ +authenticated as mast-1", table);
        Assert.Matches(@"(?m)^FAIL  gnss ", table);
        Assert.Equal(CommandLine.InputError, exit);
    }

    [Fact]
    public async Task Selftest_WrongToken_ServerLineFailsWithTheReason()
    {
        await using var server = await RealServer.StartAsync(_directory.File("server.db"), GatewayId);
        using var sensor = BeastSensor.Start();
        var config = WriteConfig(sensor.Spec, server.Address, "not-the-token-0000", _directory.File("outbox.db"));

        var (exit, table, _) = await RunAsync("selftest", "--config", config, "--timeout", "30");
        output.WriteLine(table);

        Assert.Equal(CommandLine.InputError, exit);
        Assert.Matches(@"(?m)^FAIL  server http://127\.0\.0\.1:\d+/ +credentials refused \(Unauthenticated\)", table);
        Assert.Matches(@"(?m)^PASS  input ", table);
        Assert.Contains("selftest FAILED: 1 of 6 checks", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selftest_UnwritableOutboxAndSilentInput_ThoseLinesFailWithReasons()
    {
        await using var server = await RealServer.StartAsync(_directory.File("server.db"), GatewayId);
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var spec = $"beast:tcp:127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
            // /proc takes no new files, even for root.
            var config = WriteConfig(spec, server.Address, RealServer.GatewayToken, "/proc/picket-outbox.db");

            var (exit, table, _) = await RunAsync("selftest", "--config", config, "--timeout", "2");
            output.WriteLine(table);

            Assert.Equal(CommandLine.InputError, exit);
            Assert.Matches(@"(?m)^FAIL  outbox /proc/picket-outbox\.db +not writable: SQLite Error", table);
            Assert.Matches(@"(?m)^FAIL  input beast:tcp:127\.0\.0\.1:\d+ +opened, but no data in 2 s", table);
            Assert.Matches(@"(?m)^PASS  server ", table);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public void OutboxProbe_DirectoryMissingOrAFile_FailsNamingIt()
    {
        var file = _directory.File("plain-file");
        File.WriteAllText(file, "x");

        var underFile = OutboxProbe.Check(Path.Combine(file, "outbox.db"));
        var missing = OutboxProbe.Check(_directory.File("no/such/dir/outbox.db"));

        Assert.Equal(SelftestStatus.Fail, underFile.Status);
        Assert.Equal($"directory '{file}' does not exist", underFile.Detail);
        Assert.Equal(SelftestStatus.Fail, missing.Status);
    }

    [Fact]
    public void OutboxProbe_ExistingOutbox_PassesAndLeavesItsBatchesUntouched()
    {
        var path = _directory.File("outbox.db");
        using (var outbox = SqliteOutbox.Open(new OutboxOptions { Path = path, CommitInterval = TimeSpan.Zero }))
        {
            outbox.Append(1, [1, 2, 3], 1);
        }

        var result = OutboxProbe.Check(path);

        Assert.Equal(SelftestStatus.Pass, result.Status);
        Assert.Contains("existing file", result.Detail, StringComparison.Ordinal);
        using var reopened = SqliteOutbox.Open(new OutboxOptions { Path = path });
        Assert.Equal(2UL, reopened.NextSequence);
    }

    [Fact]
    public async Task Selftest_NoServerListening_ServerLineFailsUnavailable()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        using var sensor = BeastSensor.Start();
        var config = WriteConfig(sensor.Spec, new Uri($"http://127.0.0.1:{port}"), RealServer.GatewayToken, _directory.File("outbox.db"));

        var (exit, table, _) = await RunAsync("selftest", "--config", config, "--timeout", "30");
        output.WriteLine(table);

        Assert.Equal(CommandLine.InputError, exit);
        Assert.Matches(@"(?m)^FAIL  server http://127\.0\.0\.1:\d+/ +Unavailable: ", table);
    }

    [SocatFact]
    public async Task Selftest_GnssOnAPseudoTerminalAndGpioPins_GnssFixPassesAndGpioSaysWhatItFound()
    {
        // The NMEA 0183 standard's own GGA example: fix quality 1, 8 satellites, HDOP 0.9.
        const string Gga = "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n";
        await using var server = await RealServer.StartAsync(_directory.File("server.db"), GatewayId);
        using var sensor = BeastSensor.Start();
        using var link = new SocatLink();
        using var stop = new CancellationTokenSource();
        var receiver = Task.Run(async () =>
        {
            await using var port = new FileStream(link.SenderPath, FileMode.Open, FileAccess.Write);
            while (!stop.IsCancellationRequested)
            {
                await port.WriteAsync(System.Text.Encoding.ASCII.GetBytes(Gga));
                await port.FlushAsync();
                await Task.Delay(200);
            }
        });
        var config = WriteConfig(sensor.Spec, server.Address, RealServer.GatewayToken, _directory.File("outbox.db"));

        var (exit, table, _) = await RunAsync("selftest", "--config", config, "--timeout", "30", "--Gnss:Input", $"nmea:serial:{link.DevicePath}:9600", "--Gpio:StatusLedPin", "17");
        await stop.CancelAsync();
        await receiver;
        output.WriteLine(table);

        Assert.Matches(@"(?m)^PASS  gnss nmea:serial:\S+ +fix Gnss, 8 satellites, HDOP 0\.90", table);
        if (File.Exists("/dev/gpiochip0"))
        {
            Assert.Matches(@"(?m)^(PASS|FAIL)  gpio chip 0 ", table);
        }
        else
        {
            // This VM has no GPIO chip: the line fails with the reason, and the self-test with it.
            Assert.Matches(@"(?m)^FAIL  gpio chip 0 +cannot open the pins: ", table);
            Assert.Equal(CommandLine.InputError, exit);
        }
    }

    [Fact]
    public async Task ServerProbe_TokenOverCleartextToARemoteHost_FailsWithoutSendingIt()
    {
        var config = WriteConfig("beast:tcp:127.0.0.1:30005", new Uri("http://192.0.2.1:5199"), RealServer.GatewayToken, _directory.File("outbox.db"));
        var settings = Configuration.GatewaySettingsReader.Read(Configuration.GatewaySettingsReader.Build(config, []));

        var result = await ServerProbe.CheckAsync(settings, "test", TimeSpan.FromSeconds(30));

        Assert.Equal(SelftestStatus.Fail, result.Status);
        Assert.Contains("only over https", result.Detail, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private string WriteConfig(string input, Uri server, string token, string outbox, bool gnssOnly = false)
    {
        var path = _directory.File("appsettings-" + Guid.NewGuid().ToString("N") + ".json");
        var settings = new Dictionary<string, object>
        {
            ["Gateway"] = new Dictionary<string, object> { ["Id"] = GatewayId },
            ["Site"] = new Dictionary<string, object> { ["Latitude"] = 59.52, ["Longitude"] = 26.54, ["HeightMetres"] = 60 },
            ["Inputs"] = new[] { input },
            ["Outbox"] = new Dictionary<string, object> { ["Path"] = outbox },
            ["Clock"] = new Dictionary<string, object> { ["TrustSystemClock"] = true },
            ["Uplink"] = new Dictionary<string, object> { ["Address"] = server.ToString(), ["Token"] = token },
            ["Health"] = new Dictionary<string, object> { ["StatusPath"] = _directory.File("status.json") },
        };
        if (gnssOnly)
        {
            settings.Remove("Site");
            settings["Gnss"] = new Dictionary<string, object> { ["Input"] = "gpsd:127.0.0.1:1" };
        }

        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CommandLine.RunAsync(args, TextReader.Null, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A real TCP listener standing in for readsb's Beast port: every client gets the capture, repeated, until stopped.</summary>
    private sealed class BeastSensor : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        private BeastSensor(TcpListener listener)
        {
            _listener = listener;
            var bytes = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
            _loop = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    try
                    {
                        for (var offset = 0; !_stop.IsCancellationRequested; offset = (offset + 1024) % (bytes.Length - 1024))
                        {
                            await client.GetStream().WriteAsync(bytes.AsMemory(offset, 1024), _stop.Token);
                            await Task.Delay(20, _stop.Token);
                        }
                    }
                    catch (IOException)
                    {
                        // The probe hung up: wait for the next one.
                    }
                }
            });
        }

        public string Spec => $"beast:tcp:127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        public static BeastSensor Start()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return new BeastSensor(listener);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
                // Cancelled.
            }

            _stop.Dispose();
        }
    }
}
