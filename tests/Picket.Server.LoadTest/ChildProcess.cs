using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Picket.Server.LoadTest;

/// <summary>A process started for the benchmark (picket-server, nats-server), with its CPU time and peak memory.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private TimeSpan _cpuAtMark;

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public static async Task<ChildProcess> StartAsync(string name, string fileName, IEnumerable<string> arguments, int port)
    {
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            // nats-server writes its banner and info to stderr; only the server under test is echoed.
            if (e.Data is not null && name == "picket-server")
            {
                Console.Error.WriteLine($"[{Path.GetFileName(fileName)}] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Generous: a JIT start on a loaded 2-core machine can take many seconds.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return new ChildProcess(process, name);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the CPU measurement window.</summary>
    public void Mark()
    {
        _process.Refresh();
        _cpuAtMark = _process.TotalProcessorTime;
    }

    /// <summary>CPU seconds since <see cref="Mark"/>.</summary>
    public double CpuSecondsSinceMark()
    {
        _process.Refresh();
        return (_process.TotalProcessorTime - _cpuAtMark).TotalSeconds;
    }

    /// <summary>Peak resident set size (VmHWM), MiB.</summary>
    public double PeakResidentMebibytes()
    {
        _process.Refresh();
        return _process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>SIGKILL (what <c>kill -9</c> sends): no shutdown code runs; waits until the process is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
