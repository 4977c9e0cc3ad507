using System.Diagnostics;
using System.Text.RegularExpressions;
using Picket.Testing;

namespace Picket.Map;

/// <summary>
/// <c>picket demo</c> run as its own process from this checkout's build output: it starts the real
/// <c>picket-server</c> and prints <c>map: http://127.0.0.1:PORT/map/#token=TOKEN</c> on stderr.
/// Disposing kills it (and the server it started) if it is still running.
/// </summary>
internal sealed partial class DemoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];
    private readonly TaskCompletionSource<string> _mapAddress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DemoProcess(Process process) => _process = process;

    /// <summary>Standard output so far: the demo's consumer prints each alert from the server's feed as <c>ALERT ...</c>.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>Standard error so far.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return string.Join('\n', _errors);
            }
        }
    }

    public static DemoProcess Start(params string[] arguments)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var picket = RepositoryPaths.PathOf(Path.Combine("gateway", "Picket.Cli", "bin", configuration, "net10.0", "picket.dll"));
        if (!File.Exists(picket))
        {
            throw new FileNotFoundException($"{picket} is missing; build gateway/Picket.Cli -c {configuration} first.");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(picket);
        start.ArgumentList.Add("demo");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start picket demo");
        var demo = new DemoProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (demo._output)
                {
                    demo._output.Add(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                demo._mapAddress.TrySetException(new InvalidOperationException("picket demo closed its standard error without printing the map's address:\n" + demo.Errors));
                return;
            }

            lock (demo._errors)
            {
                demo._errors.Add(e.Data);
            }

            if (MapLine().Match(e.Data) is { Success: true } match)
            {
                demo._mapAddress.TrySetResult(match.Groups[1].Value);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return demo;
    }

    /// <summary>The map's address from the line the demo prints on stderr.</summary>
    public Task<string> MapAddressAsync(TimeSpan timeout) => _mapAddress.Task.WaitAsync(timeout);

    /// <summary>Waits for the demo to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"^map: (http://127\.0\.0\.1:[0-9]+/map/#token=[A-Za-z0-9_-]+)$")]
    private static partial Regex MapLine();
}
