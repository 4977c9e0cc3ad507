using Grpc.Core;

namespace Picket.Server;

/// <summary>Source-generated log messages of the server. None of them carries a credential.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Gateway {GatewayId} connected (software {SoftwareVersion})")]
    public static partial void GatewayConnected(ILogger logger, string gatewayId, string softwareVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Feed subscriber {Subscriber} dropped: it fell {Behind} events behind")]
    public static partial void SubscriberTooSlow(ILogger logger, string subscriber, int behind);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Call refused ({Code}) for {Caller}")]
    public static partial void CallerRefused(ILogger logger, string caller, StatusCode code);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Batch {Sequence} of gateway {GatewayId} rejected: {Reason}")]
    public static partial void BatchRejected(ILogger logger, string gatewayId, ulong sequence, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Malformed message from {Caller} refused: {Reason}")]
    public static partial void MalformedMessage(ILogger logger, string caller, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "No credentials configured: every caller is trusted. Acceptable on loopback for a first run only.")]
    public static partial void AnonymousMode(ILogger logger);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Storage:SqlitePath is not set: batches are kept in memory and lost at exit.")]
    public static partial void InMemoryStorage(ILogger logger);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Storage: {Mode} ({Location})")]
    public static partial void StorageReady(ILogger logger, Configuration.StorageMode mode, string location);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "JetStream feed consumer failed; retrying")]
    public static partial void JetStreamConsumerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Storing batch {Sequence} of gateway {GatewayId} failed: {Reason}")]
    public static partial void StorageFailed(ILogger logger, string gatewayId, ulong sequence, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Publish stream of {Caller} closed: no Hello within {Seconds} s")]
    public static partial void HelloTimedOut(ILogger logger, string caller, double seconds);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Batch {Sequence} of gateway {GatewayId} refused: {Reason}")]
    public static partial void SequenceRefused(ILogger logger, string gatewayId, ulong sequence, string reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Critical, Message = "Storage lost: {Reason}. Health is NotServing and every batch gets Unavailable; restart the server on a trusted database.")]
    public static partial void DatabaseFileLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "The map page is not built ({Directory} has no index.html): /map/ answers 404; /map/events is served")]
    public static partial void MapNotBuilt(ILogger logger, string directory);
}
