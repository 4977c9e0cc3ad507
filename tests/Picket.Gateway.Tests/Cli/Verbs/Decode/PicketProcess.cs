using System.Diagnostics;
using System.Globalization;

namespace Picket.Gateway.Cli.Verbs.Decode;

/// <summary>
/// Runs the built <c>picket</c> as a real child process through <c>/bin/sh</c> (so the shell can
/// close or redirect its standard streams), samples its peak resident set from
/// <c>/proc/PID/status</c> while it runs, and kills it if it outlives a generous timeout.
/// </summary>
internal static class PicketProcess
{
    public static async Task<(int Exit, string Error, long PeakResidentKiB, bool TimedOut)> RunAsync(string shellRedirections, TimeSpan timeout, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "picket.dll");
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        // exec: the shell becomes picket, so the PID sampled is picket's own.
        start.ArgumentList.Add("exec \"$@\" " + shellRedirections);
        start.ArgumentList.Add("picket");
        start.ArgumentList.Add(host);
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var clock = Stopwatch.StartNew();
        var timedOut = false;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadPeakResidentKiB(process.Id));
            if (clock.Elapsed > timeout)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                break;
            }

            await Task.Delay(50);
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, await error, peak, timedOut);
    }

    // VmHWM: the process's peak resident set size so far, kB (proc(5)).
    private static long ReadPeakResidentKiB(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }
}
