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
    private readonly ChildProcess _process;

    private DemoProcess(ChildProcess process) => _process = process;

    /// <summary>Standard output so far: the demo's consumer prints each alert from the server's feed as <c>ALERT ...</c>.</summary>
    public IReadOnlyList<string> Output => _process.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();

    public static DemoProcess Start(params string[] arguments) =>
        new(ChildProcess.Start(BuiltPrograms.Picket, ["demo", .. arguments], keepOutput: true));

    /// <summary>The map's address from the line the demo prints on stderr.</summary>
    /// <exception cref="InvalidOperationException">The demo ended or the time ran out before it printed the line.</exception>
    public async Task<string> MapAddressAsync(TimeSpan timeout)
    {
        var line = await _process.WaitForErrorLineAsync(l => MapLine().IsMatch(l), timeout);
        return line is null
            ? throw new InvalidOperationException("picket demo did not print the map's address:\n" + _process.StandardError)
            : MapLine().Match(line).Groups[1].Value;
    }

    /// <summary>Waits for the demo to end and returns its exit code.</summary>
    /// <exception cref="TimeoutException">It did not end in time.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout) =>
        await _process.WaitForExitAsync(timeout) ? _process.ExitCode : throw new TimeoutException($"picket demo did not end within {timeout}");

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"^map: (http://127\.0\.0\.1:[0-9]+/map/#token=[A-Za-z0-9_-]+)$")]
    private static partial Regex MapLine();
}
