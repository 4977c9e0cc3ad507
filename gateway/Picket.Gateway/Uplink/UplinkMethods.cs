using Grpc.Core;
using Picket.Contract.V1;

namespace Picket.Gateway.Uplink;

/// <summary>
/// <c>picket.v1.TrackIngest</c> methods with a raw-bytes request marshaller: Grpc.Net.Client
/// sends exactly the bytes the core encoded and the outbox stored, without parsing them.
/// </summary>
public static class UplinkMethods
{
    /// <summary>
    /// <c>/picket.v1.TrackIngest/Publish</c> (duplex): requests are serialized
    /// <c>UplinkMessage</c>s written unchanged; responses are parsed <see cref="Ack"/>s.
    /// </summary>
    public static Method<byte[], Ack> Publish { get; } = new(
        MethodType.DuplexStreaming,
        TrackIngest.Descriptor.FullName,
        "Publish",
        Marshallers.Create(static bytes => bytes, static bytes => bytes),
        Marshallers.Create(static (Ack ack) => Google.Protobuf.MessageExtensions.ToByteArray(ack), Ack.Parser.ParseFrom));
}
