// Load benchmark of picket-server on loopback, bounded in time.
//
//   dotnet run -c Release --project tests/Picket.Server.LoadTest -- --mode sqlite --gateways 50 --seconds 15
//   dotnet run -c Release --project tests/Picket.Server.LoadTest -- chaos --cycles 60   (see ChaosRun)
//
// Starts picket-server (and for --mode jetstream a nats-server -js with a temp store) on free
// loopback ports, runs N simulated gateways for the given time, and prints track updates/s
// accepted, ack latency p50/p99, and CPU and peak memory of the server processes.
using System.Diagnostics;
using System.Globalization;
using Picket.Server.LoadTest;
using Picket.Testing;

if (args.Length > 0 && args[0] == "chaos")
{
    ChaosOptions chaos;
    try
    {
        chaos = ChaosOptions.Parse(args[1..]);
    }
    catch (Exception e) when (e is ArgumentException or FormatException)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine(ChaosOptions.Usage);
        return 2;
    }

    var counts = await new ChaosRun(chaos, Console.Out).RunAsync(CancellationToken.None).ConfigureAwait(false);
    return counts.Passed ? 0 : 1;
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "picket-load-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
var processes = new List<(string Name, ChildProcess Process)>();
try
{
    var serverArguments = new List<string> { "--Listen:Port", "0", "--Management:Port", "0", "--Logging:LogLevel:Default", "Warning" };
    if (options.Mode == "jetstream")
    {
        var natsPort = FreePorts.Tcp();
        var nats = ChildProcess.Start("nats-server", ["-js", "-a", "127.0.0.1", "-p", natsPort.ToString(CultureInfo.InvariantCulture), "-sd", Path.Combine(work, "nats")]);
        processes.Add(("nats-server", nats));
        await nats.WaitForPortAsync(natsPort, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        serverArguments.AddRange(["--Storage:Mode", "JetStream", "--Storage:NatsUrl", $"nats://127.0.0.1:{natsPort}"]);
    }
    else
    {
        serverArguments.AddRange(["--Storage:Mode", "Sqlite", "--Storage:SqlitePath", Path.Combine(work, "picket.db")]);
    }

    var port = FreePorts.Tcp();
    serverArguments[1] = port.ToString(CultureInfo.InvariantCulture);
    var server = ChildProcess.Start(options.ServerDll, serverArguments, echoPrefix: "[picket-server] ");
    processes.Add(("picket-server", server));
    await server.WaitForPortAsync(port, TimeSpan.FromSeconds(60)).ConfigureAwait(false);

    var address = new Uri($"http://127.0.0.1:{port}");
    var gateways = Enumerable.Range(1, options.Gateways).Select(i => new GatewaySimulator($"load-{i:D3}", address, options.TracksPerBatch, options.Window, options.BatchesPerSecond)).ToList();
    foreach (var (_, process) in processes)
    {
        process.Mark();
    }

    var self = Process.GetCurrentProcess();
    var selfCpuAtStart = self.TotalProcessorTime;
    using var hardStop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds + 60));
    var clock = Stopwatch.StartNew();
    var stopAt = DateTime.UtcNow.AddSeconds(options.Seconds);
    await Task.WhenAll(gateways.Select(g => g.RunAsync(stopAt, hardStop.Token))).ConfigureAwait(false);
    var elapsed = clock.Elapsed.TotalSeconds;

    var latencies = gateways.SelectMany(g => g.LatenciesMs).Order().ToArray();
    var batches = gateways.Sum(g => (double)g.AckedBatches);
    var updates = batches * options.TracksPerBatch;
    self.Refresh();
    Console.WriteLine($"mode={options.Mode} gateways={options.Gateways} seconds={elapsed:F1} tracks/batch={options.TracksPerBatch} window={options.Window} rate={(options.BatchesPerSecond == 0 ? "max" : options.BatchesPerSecond + "/s/gateway")} cores={Environment.ProcessorCount}");
    Console.WriteLine($"  accepted: {updates / elapsed:F0} track updates/s ({batches / elapsed:F0} batches/s, {batches:F0} batches acked)");
    Console.WriteLine($"  ack latency: p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, max {(latencies.Length > 0 ? latencies[^1] : 0):F2} ms");
    foreach (var (name, process) in processes)
    {
        Console.WriteLine($"  {name}: CPU {process.CpuSecondsSinceMark() / elapsed:F2} cores, peak RSS {process.PeakResidentMebibytes():F0} MiB");
    }

    Console.WriteLine($"  load generator (same machine): CPU {(self.TotalProcessorTime - selfCpuAtStart).TotalSeconds / elapsed:F2} cores");
    return 0;
}
finally
{
    foreach (var (_, process) in processes)
    {
        process.Dispose();
    }

    Directory.Delete(work, recursive: true);
}

static double Percentile(double[] sorted, double fraction) =>
    sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
