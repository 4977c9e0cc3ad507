using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Picket.Contract.V1;
using Picket.Server.Metrics;

namespace Picket.Server.Ingest;

/// <summary>
/// Binds <c>picket.v1.TrackIngest</c> to <see cref="TrackIngestService"/> with
/// <see cref="ValidatingMarshaller"/>s in place of the generated marshallers; the service and
/// method names come from the contract's descriptor, so the wire contract is unchanged.
/// </summary>
internal sealed class TrackIngestMethodProvider(ServerMetrics metrics) : IServiceMethodProvider<TrackIngestService>
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TrackIngestService> context)
    {
        var service = TrackIngest.Descriptor;
        var ack = Marshallers.Create(message => message.ToByteArray(), Ack.Parser.ParseFrom);
        var publish = service.FindMethodByName("Publish");
        var publishBatch = service.FindMethodByName("PublishBatch");
        context.AddDuplexStreamingMethod(
            new Method<UplinkMessage, Ack>(MethodType.DuplexStreaming, service.FullName, publish.Name, ValidatingMarshaller.For(UplinkMessage.Parser, metrics), ack),
            [],
            (ingest, requests, responses, call) => ingest.Publish(requests, responses, call));
        context.AddUnaryMethod(
            new Method<UplinkBatch, Ack>(MethodType.Unary, service.FullName, publishBatch.Name, ValidatingMarshaller.For(UplinkBatch.Parser, metrics), ack),
            [],
            (ingest, request, call) => ingest.PublishBatch(request, call));
    }
}
