using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Picket.Cli.Verbs.Demo;

/// <summary>
/// One program the demo runs as its own process (<c>picket-server</c>, <c>picket sim</c>, <c>picket
/// run</c>): its output kept (the last lines, for error messages; each line also offered to <see
/// cref="LineReceived"/>), stopped with SIGTERM and, if it does not exit in time, killed with its
/// children. <c>PICKET_*</c> variables are not passed on: only the arguments given here configure it.
/// </summary>
internal sealed class DemoChild : IAsyncDisposable
{
    private const int KeptLines = 40;
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly Queue<string> _lines = new();

    private DemoChild(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>Raised on a thread pool thread for each line the program writes (stdout or stderr).</summary>
    public event Action<string>? LineReceived;

    /// <summary>What the demo calls it in messages.</summary>
    public string Name { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code (once exited).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>This program (<c>picket</c>) as it is running now: the apphost or NativeAOT binary, or <c>dotnet picket.dll</c>.</summary>
    /// <returns>The file to start and the arguments before the verb.</returns>
    public static (string FileName, string[] Prefix) Self()
    {
        var processPath = Environment.ProcessPath ?? throw new InputException("cannot tell which program this is (no process path)");
        if (System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name != "picket")
        {
            throw new InputException("picket demo starts picket sim and picket run as processes of this program: run it as the picket program, not from another host");
        }

        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            // Under the dotnet host the entry assembly, picket.dll, lies in the application's folder.
            var assembly = Path.Combine(AppContext.BaseDirectory, "picket.dll");
            return File.Exists(assembly) ? (processPath, [assembly]) : throw new InputException($"cannot find {assembly}");
        }

        return (processPath, []);
    }

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="name">What the demo calls it.</param>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">Its working directory.</param>
    /// <returns>The running child.</returns>
    /// <exception cref="InputException">It could not be started.</exception>
    public static DemoChild Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("PICKET_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InputException($"could not start {name} ({fileName})");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InputException($"could not start {name} ({fileName}): {e.Message}", e);
        }

        var child = new DemoChild(name, process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The last lines the program wrote.</summary>
    /// <returns>The lines, joined.</returns>
    public string Tail()
    {
        lock (_lines)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }

    /// <summary>Waits for the process to exit.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, then SIGKILL (with its children) if it has not exited within <paramref name="grace"/>.</summary>
    /// <param name="grace">How long it may take to stop cleanly.</param>
    /// <returns>True when it exited on SIGTERM.</returns>
    public async Task<bool> StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return true;
        }

        _ = NativeMethods.kill(_process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return false;
        }
    }

    /// <summary>Kills it and its children at once.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(30_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} (pid {_process.Id})");

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

        LineReceived?.Invoke(line);
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // LibraryImport's generated marshalling needs unsafe code; one blittable call does not.
        public static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054
    }
}
