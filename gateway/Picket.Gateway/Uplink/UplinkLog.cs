using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Picket.Gateway.Uplink;

/// <summary>Source-generated log messages of the uplink.</summary>
internal static partial class UplinkLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Uplink connected to {Server}; the server holds every batch through {AckedSequence}")]
    public static partial void Connected(ILogger logger, Uri server, ulong ackedSequence);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Uplink call failed ({Reason}); reconnecting in {DelayMilliseconds} ms")]
    public static partial void Failed(ILogger logger, string reason, long delayMilliseconds);

    [LoggerMessage(EventId = 203, Level = LogLevel.Error, Message = "Server refused batch {Sequence} ({Detail}); it counts as consumed")]
    public static partial void Rejected(ILogger logger, ulong sequence, string detail);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Server refused the gateway's credentials ({Code}: {Detail}); check the token or certificate")]
    public static partial void CredentialsRefused(ILogger logger, StatusCode code, string detail);

    [LoggerMessage(EventId = 206, Level = LogLevel.Error, Message = "Batch {Sequence} has {Bytes} bytes, more than the server accepts ({MaxBytes}); sent as an empty batch")]
    public static partial void Oversized(ILogger logger, ulong sequence, int bytes, int maxBytes);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "Uplink waits for a trustworthy clock")]
    public static partial void WaitingForClock(ILogger logger);
}
