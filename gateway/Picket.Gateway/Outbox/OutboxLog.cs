using Microsoft.Extensions.Logging;

namespace Picket.Gateway.Outbox;

/// <summary>Source-generated log messages of the outbox.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Outbox commit failed ({SqliteErrorCode}: {Reason}); {Pending} batches held in memory and retried")]
    public static partial void CommitFailed(ILogger logger, int sqliteErrorCode, string reason, int pending);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Outbox dropped {Count} batches ({Why}); {Total} dropped in all")]
    public static partial void Dropped(ILogger logger, long count, string why, long total);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Outbox commits again after {Failures} failed attempts")]
    public static partial void Recovered(ILogger logger, long failures);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Outbox read failed ({SqliteErrorCode}: {Reason})")]
    public static partial void ReadFailed(ILogger logger, int sqliteErrorCode, string reason);
}
