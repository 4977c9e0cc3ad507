using System.Globalization;
using System.Text.Json;
using Picket.Testing;

namespace Picket.Gateway.Benchmarks;

/// <summary>
/// The busy sky (about 300 aircraft) fed in real time to <c>picket run</c> under the JIT and, when
/// given, as a NativeAOT executable: RSS, CPU over a steady window, start-up, and the uplink's bytes
/// per second against the raw Beast stream forwarded as is.
/// </summary>
internal static class BusySkyVerb
{
    public static int Run(BenchmarkArguments arguments)
    {
        var seconds = arguments.Number("seconds", 180);
        var warmup = arguments.Number("warmup", 60);
        var aot = arguments.Text("aot", "");
        var folder = Directory.CreateTempSubdirectory("picket-bench-busy-").FullName;
        Console.WriteLine($"# busy-sky: {seconds:F0} s fed in real time over beast:tcp, steady window from {warmup:F0} s; machine: {Machine.Describe()}");
        var (recording, site) = Scenario.Record("busy-sky", seconds + 10, folder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# recording: {recording.FrameEnds.Length} Beast frames, {recording.Bytes.Length} bytes over {recording.DurationSeconds:F0} s ({recording.Bytes.Length / recording.DurationSeconds / 1000:F1} kB/s)"));
        var programs = new List<(string Label, string Path)> { ("JIT", BuiltPrograms.Picket) };
        if (aot.Length > 0)
        {
            programs.Add(("NativeAOT", Path.Combine(aot, "picket")));
        }

        Figures? baseline = null;
        foreach (var (label, program) in programs)
        {
            var result = BenchmarkRun.Execute(new RunOptions(label, program, recording, site, null, seconds, warmup, [], CountWireBytes: true), Path.Combine(folder, label));
            var figures = Figures.Of(result);
            baseline ??= figures;
            Print(label, figures, baseline);
        }

        var keep = arguments.Text("keep", "false") == "true";
        Console.WriteLine($"# machine after: {Machine.Describe()}{(keep ? "; run folder " + folder : "")}");
        if (!keep)
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static void Print(string label, Figures f, Figures b)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"{label,-10} live tracks {f.LiveTracks}, updates published {f.UpdatesPublished}, Beast frames decoded {f.Frames}"));
        Console.WriteLine(string.Create(c,
            $"{label,-10} RSS at end {f.RssKilobytes / 1024.0:F1} MiB (×{(double)f.RssKilobytes / b.RssKilobytes:F2}), VmHWM {f.PeakKilobytes / 1024.0:F1} MiB (×{(double)f.PeakKilobytes / b.PeakKilobytes:F2})"));
        Console.WriteLine(string.Create(c,
            $"{label,-10} CPU {f.CpuSeconds:F2} s in {f.WindowSeconds:F0} s = {f.CpuPercent:F1} % of one core (×{f.CpuPercent / b.CpuPercent:F2}); whole run {f.TotalCpuSeconds:F2} s"));
        Console.WriteLine(string.Create(c,
            $"{label,-10} start-up: status file {Ms(f.StatusFile)}, Beast connected {Ms(f.Connected)}, first health at server {Ms(f.FirstHealth)}, first track batch acked {Ms(f.FirstTrackBatch)} (status file ×{f.StatusFile / b.StatusFile:F2})"));
        Console.WriteLine(string.Create(c,
            $"{label,-10} uplink on the wire {f.WireBytesPerSecond / 1000:F2} kB/s vs raw Beast {f.WireBeastBytesPerSecond / 1000:F2} kB/s over {f.WireSeconds:F0} s: {f.WireBytesPerSecond / f.WireBeastBytesPerSecond * 100:F1} % (1 : {f.WireBeastBytesPerSecond / f.WireBytesPerSecond:F1})"));
        Console.WriteLine(string.Create(c,
            $"{label,-10} uplink batches before gzip (status bytes_sent_total) {f.UplinkBytesPerSecond / 1000:F2} kB/s vs raw Beast {f.BeastBytesPerSecond / 1000:F2} kB/s over {f.UplinkSeconds:F0} s: {f.UplinkBytesPerSecond / f.BeastBytesPerSecond * 100:F1} %"));
    }

    private static string Ms(double? seconds) => seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s * 1000:F0} ms") : "never";

    private sealed record Figures(
        long RssKilobytes, long PeakKilobytes, double CpuSeconds, double WindowSeconds, double TotalCpuSeconds,
        double? StatusFile, double? Connected, double? FirstHealth, double? FirstTrackBatch,
        double UplinkBytesPerSecond, double BeastBytesPerSecond, double UplinkSeconds,
        double WireBytesPerSecond, double WireBeastBytesPerSecond, double WireSeconds,
        long LiveTracks, long UpdatesPublished, long Frames)
    {
        public double CpuPercent => CpuSeconds / WindowSeconds * 100;

        public static Figures Of(RunResult r)
        {
            var start = BeastFeeder.UnixMicroseconds(r.GatewayStartedUtc);
            using var database = new ServerDatabase(r.ServerDatabasePath);
            var (firstTrackBatch, _, firstHealth) = database.Firsts();
            var end = r.StatusAtEnd ?? throw new InvalidOperationException("no status file at the end of the run");
            var feedEnd = r.StatusAtFeedEnd ?? throw new InvalidOperationException("no status file when the feed ended");
            var begin = r.StatusAtStart ?? throw new InvalidOperationException("no status file at the window's start");
            var beginTime = begin.GetProperty("time_unix_microseconds").GetInt64();
            var endTime = feedEnd.GetProperty("time_unix_microseconds").GetInt64();
            var sentBytes = UplinkBytes(feedEnd) - UplinkBytes(begin);
            var beastBytes = r.BytesWrittenBetween(beginTime, endTime);
            var span = (endTime - beginTime) / 1e6;
            var tracker = end.GetProperty("tracker");
            var wireSpan = (r.WireAtEnd.UnixMicroseconds - r.WireAtStart.UnixMicroseconds) / 1e6;
            return new Figures(
                r.WindowEnd.RssKilobytes, r.PeakRssKilobytes,
                r.WindowEnd.CpuSeconds - r.WindowStart.CpuSeconds, r.WindowSeconds, r.WindowEnd.CpuSeconds,
                Since(start, r.StatusFileSeenUtc is { } seen ? BeastFeeder.UnixMicroseconds(seen) : null),
                Since(start, r.FirstWriteUtc is { } first ? BeastFeeder.UnixMicroseconds(first) : null),
                Since(start, firstHealth), Since(start, firstTrackBatch),
                sentBytes / span, beastBytes / span, span,
                (r.WireAtEnd.Bytes - r.WireAtStart.Bytes) / wireSpan, r.BytesWrittenBetween(r.WireAtStart.UnixMicroseconds, r.WireAtEnd.UnixMicroseconds) / wireSpan, wireSpan,
                tracker.GetProperty("live_tracks").GetInt64(), tracker.GetProperty("updates_published_total").GetInt64(),
                end.GetProperty("sources").EnumerateArray().Sum(s => s.GetProperty("frames_total").GetInt64()));
        }

        private static long UplinkBytes(JsonElement status) => status.GetProperty("uplink").GetProperty("bytes_sent_total").GetInt64();

        private static double? Since(long startUnixMicroseconds, long? unixMicroseconds) =>
            unixMicroseconds is { } value ? (value - startUnixMicroseconds) / 1e6 : null;
    }
}
