using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Picket.Server.Support;

/// <summary>Keeps every log line (message and exception text) so tests can check what the server writes.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Lines a production server (minimum level Information) would write.</summary>
    public IEnumerable<string> InformationAndAbove => _lines.Where(line => !line.StartsWith("Debug ", StringComparison.Ordinal) && !line.StartsWith("Trace ", StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {state} {exception}");
        }
    }
}
