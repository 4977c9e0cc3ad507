using Google.Protobuf;
using Grpc.Core;
using Picket.Server.Metrics;

namespace Picket.Server.Ingest;

/// <summary>
/// Protobuf marshallers whose deserializer turns undecodable bytes into InvalidArgument
/// (counted as a reject). With the generated marshaller, grpc-dotnet reports a parse failure
/// of a unary request as Unknown ("Exception was thrown by handler"), which tells a gateway
/// nothing and reads like a server fault.
/// </summary>
internal static class ValidatingMarshaller
{
    public static Marshaller<T> For<T>(MessageParser<T> parser, ServerMetrics metrics)
        where T : IMessage<T>
    {
        return new Marshaller<T>(
            (T message, SerializationContext context) => context.Complete(message.ToByteArray()),
            (DeserializationContext context) =>
            {
                try
                {
                    return parser.ParseFrom(context.PayloadAsReadOnlySequence());
                }
                catch (InvalidProtocolBufferException e)
                {
                    metrics.Reject();
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"Undecodable protobuf {typeof(T).Name}: {e.Message}"));
                }
            });
    }
}
