using System.Globalization;

namespace Picket.Gateway.Benchmarks;

/// <summary>A process's memory and CPU time from <c>/proc/PID/status</c> and <c>/proc/PID/stat</c>.</summary>
internal readonly record struct ProcFs(long RssKilobytes, long PeakRssKilobytes, double CpuSeconds)
{
    // USER_HZ: 100 on every Linux architecture .NET runs on (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100;

    public static ProcFs Read(int processId)
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15 (proc(5)).
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcFs(rss, peak, ticks / TicksPerSecond);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
}
