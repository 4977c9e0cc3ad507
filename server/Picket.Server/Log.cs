namespace Picket.Server;

/// <summary>Source-generated log messages of the server.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Gateway {GatewayId} connected (software {SoftwareVersion})")]
    public static partial void GatewayConnected(ILogger logger, string gatewayId, string softwareVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Feed subscriber dropped: it fell {Behind} events behind")]
    public static partial void SubscriberTooSlow(ILogger logger, int behind);
}
