using System.Diagnostics;
using Picket.Testing;

namespace Picket.Gateway.Health;

/// <summary>The textfile read by the real node_exporter (Debian's prometheus-node-exporter), as on a mast.</summary>
public sealed class PrometheusTextfileTests : IDisposable
{
    private const string NodeExporter = "/usr/bin/prometheus-node-exporter";
    private readonly string _directory = Directory.CreateTempSubdirectory("picket-textfile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task NodeExporterReadsEveryMetricWithoutAScrapeError()
    {
        Assert.True(File.Exists(NodeExporter), $"{NodeExporter} is missing: apt-get install prometheus-node-exporter (as .ci/run does)");
        PrometheusTextfile.Write(_directory, HealthSnapshots.Sample(1_764_000_000_000_000));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));

        var port = FreePorts.Tcp();
        var start = new ProcessStartInfo(NodeExporter) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--collector.disable-defaults", "--collector.textfile", $"--collector.textfile.directory={_directory}", $"--web.listen-address=127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            using var http = new HttpClient();
            var text = await ScrapeAsync(http, $"http://127.0.0.1:{port}/metrics");
            // node_exporter re-exposes what it parsed; a malformed file gives node_textfile_scrape_error 1 and none of it.
            Assert.Contains("node_textfile_scrape_error 0", text, StringComparison.Ordinal);
            Assert.Contains("picket_source_frames_total{gateway=\"mast-17\",kind=\"beast\",source=\"beast:serial:/dev/ttyUSB0:3000000:rtscts\"} 123456", text, StringComparison.Ordinal);
            Assert.Contains("picket_source_connected{gateway=\"mast-17\",kind=\"asterix\",source=\"asterix:udp:0.0.0.0:8600\"} 0", text, StringComparison.Ordinal);
            Assert.Contains("picket_outbox_depth{gateway=\"mast-17\"} 12", text, StringComparison.Ordinal);
            Assert.Contains("picket_cpu_temperature_celsius{gateway=\"mast-17\"} 51.625", text, StringComparison.Ordinal);
            Assert.Contains("picket_info{gateway=\"mast-17\",version=\"1.2.3 \\\"test\\\"\"} 1", text, StringComparison.Ordinal);
            Assert.Contains("# TYPE picket_uplink_reconnects_total counter", text, StringComparison.Ordinal);
            Assert.Contains("picket_tracker_live_tracks{gateway=\"mast-17\"} 42", text, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private static async Task<string> ScrapeAsync(HttpClient http, string url)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await http.GetStringAsync(new Uri(url));
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }
        }
    }
}
