using System.Diagnostics;

namespace Picket.Gateway.Benchmarks;

/// <summary>
/// A program started as its own process (a dll through <c>dotnet</c>, or a native executable),
/// its output appended to a log file. Disposing kills it (SIGKILL) if it still runs.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _disposed;

    private ChildProcess(Process process, StreamWriter log, DateTime startedUtc)
    {
        _process = process;
        _log = log;
        StartedUtc = startedUtc;
    }

    /// <summary>The wall clock just before the process was started.</summary>
    public DateTime StartedUtc { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string program, IEnumerable<string> arguments, string logPath, string? workingDirectory = null)
    {
        var dll = program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(dll ? "dotnet" : program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(logPath)!,
        };
        if (dll)
        {
            start.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var startedUtc = DateTime.UtcNow;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var child = new ChildProcess(process, log, startedUtc);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a program to completion; throws with its log's path when it fails.</summary>
    public static void Run(string program, IEnumerable<string> arguments, string logPath)
    {
        using var child = Start(program, arguments, logPath);
        if (!child._process.WaitForExit(TimeSpan.FromMinutes(10)) || child._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed; see {logPath}");
        }

        child._process.WaitForExit();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (!_disposed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
