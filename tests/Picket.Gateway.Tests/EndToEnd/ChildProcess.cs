using System.Diagnostics;

namespace Picket.Gateway.EndToEnd;

/// <summary>
/// A program of this repository run under <c>dotnet</c> as a real child process, its output kept
/// (the last lines, for failure messages), killed with SIGKILL or stopped with SIGTERM.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private const int KeptLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _lines = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>dotnet DLL ARGUMENTS</c> in <paramref name="workingDirectory"/>.</summary>
    public static ChildProcess Start(string dll, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Both programs read PICKET_* variables as settings: only the arguments given here count.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PICKET_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        // No first-run banners or telemetry from the muxer in the middle of the output.
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var child = new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start dotnet {dll}"));
        child._process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The last lines the process wrote (stdout and stderr).</summary>
    public string Tail()
    {
        lock (_lines)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown code runs; waits until it is gone.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.WaitForExit(30_000);
    }

    /// <summary>SIGTERM, as systemd stops a service; returns whether it exited within <paramref name="timeout"/>.</summary>
    public bool Terminate(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill") { UseShellExecute = false, ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!)
        {
            kill.WaitForExit();
        }

        return _process.WaitForExit(timeout);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
