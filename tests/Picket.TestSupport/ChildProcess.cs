using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Picket.Testing;

/// <summary>
/// A program run as a real child process for a test or a benchmark (picket, picket-server,
/// nats-server): its output kept (the last lines, for failure messages) and optionally echoed to
/// stderr or appended to a log file, waited for until it listens, measured (CPU time, peak memory), killed with SIGKILL or
/// stopped with SIGTERM. PICKET_* variables of the test's own environment are not passed on (both
/// programs read them as settings: only the arguments given count).
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int KeptLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly string? _echoPrefix;
    private readonly StreamWriter? _log;
    private TimeSpan _cpuAtMark;
    private bool _disposed;
    private (StringBuilder Output, StringBuilder Error)? _all;

    private ChildProcess(Process process, string? echoPrefix, StreamWriter? log, DateTime startedUtc)
    {
        _process = process;
        _echoPrefix = echoPrefix;
        _log = log;
        StartedUtc = startedUtc;
    }

    /// <summary>The wall clock just before the process was started.</summary>
    public DateTime StartedUtc { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once it has ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>CPU time used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/>: a <c>.dll</c> under <c>dotnet</c> (e.g. <see cref="BuiltPrograms.PicketServer"/>), else an executable found on PATH.</summary>
    /// <param name="program">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">Its working directory (null: the log file's folder, else the test's).</param>
    /// <param name="echoPrefix">When set, every line it writes is echoed to stderr after this prefix.</param>
    /// <param name="logPath">When set, every line it writes is appended to this file.</param>
    /// <param name="environment">Variables set for it (e.g. TMPDIR), beside the inherited ones.</param>
    /// <param name="keepOutput">Keep everything it writes (<see cref="StandardOutput"/>, <see cref="StandardError"/>), not only the last lines.</param>
    /// <returns>The running process.</returns>
    public static ChildProcess Start(string program, IEnumerable<string> arguments, string? workingDirectory = null, string? echoPrefix = null, string? logPath = null, IReadOnlyDictionary<string, string>? environment = null, bool keepOutput = false)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(arguments);
        var dll = program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(dll ? "dotnet" : program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        workingDirectory ??= logPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(logPath));
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        if (dll)
        {
            start.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PICKET_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        // No first-run banners or telemetry from the muxer in the middle of the output.
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var log = logPath is null ? null : new StreamWriter(logPath, append: true) { AutoFlush = true };
        var startedUtc = DateTime.UtcNow;
        var child = new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}"), echoPrefix, log, startedUtc)
        {
            _all = keepOutput ? (new StringBuilder(), new StringBuilder()) : null,
        };
        child._process.OutputDataReceived += (_, e) => child.Keep(e.Data, standardError: false);
        child._process.ErrorDataReceived += (_, e) => child.Keep(e.Data, standardError: true);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a program to completion (at most 10 minutes); throws with its last lines when it fails.</summary>
    /// <param name="program">The program (as for <see cref="Start"/>).</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="logPath">When set, its output is appended to this file.</param>
    /// <exception cref="InvalidOperationException">It did not end in time or ended with a non-zero code.</exception>
    public static void Run(string program, IEnumerable<string> arguments, string? logPath = null)
    {
        var list = arguments.ToList();
        using var child = Start(program, list, echoPrefix: null, logPath: logPath);
        if (!child._process.WaitForExit(TimeSpan.FromMinutes(10)) || child._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', list)} failed{(logPath is null ? "" : "; see " + logPath)}: {child.Tail()}");
        }

        child._process.WaitForExit();
    }

    /// <summary>Waits for the process to end.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when it ended.</returns>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Waits until the process accepts TCP connections on a loopback port.</summary>
    /// <param name="port">The port.</param>
    /// <param name="timeout">How long to wait (generous: a JIT start on a loaded 2-core machine takes seconds).</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="InvalidOperationException">The process ended or the time ran out; the message holds its last lines.</exception>
    public async Task WaitForPortAsync(int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{_process.StartInfo.FileName} exited with code {_process.ExitCode} before listening on port {port}: {Tail()}"));
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (waited.Elapsed < timeout)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException exception)
            {
                throw new InvalidOperationException($"nothing listens on port {port} after {timeout}: {Tail()}", exception);
            }
        }
    }

    /// <summary>Everything written on standard output so far (started with <c>keepOutput</c>).</summary>
    public string StandardOutput => Kept(error: false);

    /// <summary>Everything written on standard error so far (started with <c>keepOutput</c>).</summary>
    public string StandardError => Kept(error: true);

    /// <summary>Waits for the process to end.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when it ended in time.</returns>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits for a line on standard error (started with <c>keepOutput</c>) that <paramref name="match"/> accepts.</summary>
    /// <param name="match">The test of a line.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The first such line, or null when the process ended or the time ran out first.</returns>
    public async Task<string?> WaitForErrorLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var exited = _process.HasExited;
            var line = StandardError.Split('\n').FirstOrDefault(l => match(l.TrimEnd('\r')));
            if (line is not null)
            {
                return line.TrimEnd('\r');
            }

            if (exited || waited.Elapsed > timeout)
            {
                return null;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a signal, as <c>kill -NAME</c> (INT, TERM, ...).</summary>
    /// <param name="name">The signal's name.</param>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { UseShellExecute = false, ArgumentList = { "-" + name, _process.Id.ToString(CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
    }

    /// <summary>The last lines the process wrote (stdout and stderr).</summary>
    public string Tail()
    {
        lock (_lines)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }

    /// <summary>Starts the CPU measurement window.</summary>
    public void Mark() => _cpuAtMark = CpuTime;

    /// <summary>CPU seconds since <see cref="Mark"/>.</summary>
    public double CpuSecondsSinceMark() => (CpuTime - _cpuAtMark).TotalSeconds;

    /// <summary>Peak resident set size (VmHWM), MiB.</summary>
    public double PeakResidentMebibytes()
    {
        _process.Refresh();
        return _process.PeakWorkingSet64 / (1024.0 * 1024.0);
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
    /// <param name="timeout">How long to wait for it to end.</param>
    /// <returns>True when it ended.</returns>
    public bool Terminate(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return true;
        }

        Signal("TERM");
        return _process.WaitForExit(timeout);
    }

    /// <summary>Kills the process if it still runs.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Kill();
        _process.Dispose();
        lock (_lines)
        {
            _disposed = true;
            _log?.Dispose();
        }
    }

    private string Kept(bool error)
    {
        lock (_lines)
        {
            return _all is { } all ? (error ? all.Error : all.Output).ToString() : throw new InvalidOperationException("started without keepOutput");
        }
    }

    private void Keep(string? line, bool standardError)
    {
        if (line is null)
        {
            return;
        }

        if (_echoPrefix is not null)
        {
            Console.Error.WriteLine(_echoPrefix + line);
        }

        lock (_lines)
        {
            if (!_disposed)
            {
                _log?.WriteLine(line);
            }

            if (_all is { } all)
            {
                (standardError ? all.Error : all.Output).AppendLine(line);
            }

            _lines.Enqueue(line);
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
