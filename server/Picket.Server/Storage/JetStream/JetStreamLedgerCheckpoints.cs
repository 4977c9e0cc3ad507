using System.Globalization;
using System.Text;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Picket.Server.Configuration;

namespace Picket.Server.Storage.JetStream;

/// <summary>
/// Each gateway's contiguous sequence, checkpointed in a small side stream (one message per
/// gateway, no age limit). The batch stream forgets batches after the retention period; without
/// the checkpoint a node starting later would see the old batches as a hole and ask gateways to
/// resend what they deleted long ago. The JetStream counterpart of the SQLite store's floors.
/// </summary>
internal sealed class JetStreamLedgerCheckpoints(NatsJSContext jetStream, ServerSettings settings)
{
    private readonly Dictionary<string, ulong> _written = new(StringComparer.Ordinal);

    public string StreamName => settings.StreamName + "_LEDGER";

    // Outside the batch stream's "PREFIX.>" (streams may not share subjects).
    private string SubjectPrefix => settings.SubjectPrefix + "-ledger";

    public async Task EnsureStreamAsync(CancellationToken cancellationToken)
    {
        await jetStream.CreateOrUpdateStreamAsync(
            new StreamConfig(StreamName, [SubjectPrefix + ".>"]) { Storage = StreamConfigStorage.File, MaxMsgsPerSubject = 1 },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last checkpoint of every gateway.</summary>
    public async Task<Dictionary<string, ulong>> ReadAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var stream = await jetStream.GetStreamAsync(StreamName, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (stream.Info.State.Messages == 0)
        {
            return result;
        }

        var consumer = await jetStream.CreateOrderedConsumerAsync(
            StreamName,
            // MaxMsgsPerSubject = 1: the whole stream is the latest checkpoint of each gateway.
            new NatsJSOrderedConsumerOpts { DeliverPolicy = ConsumerConfigDeliverPolicy.All },
            cancellationToken).ConfigureAwait(false);
        await foreach (var message in consumer.ConsumeAsync(NatsRawSerializer<byte[]>.Default, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var gatewayId = message.Subject[(SubjectPrefix.Length + 1)..];
            if (message.Data is not null && ulong.TryParse(Encoding.ASCII.GetString(message.Data), NumberStyles.None, CultureInfo.InvariantCulture, out var contiguous))
            {
                result[gatewayId] = contiguous;
                _written[gatewayId] = contiguous;
            }

            if (message.Metadata is not { NumPending: > 0 })
            {
                break;
            }
        }

        return result;
    }

    /// <summary>Writes the gateways whose contiguous sequence moved since the last checkpoint.</summary>
    public async Task WriteAsync(IReadOnlyList<KeyValuePair<string, ulong>> contiguousByGateway, CancellationToken cancellationToken)
    {
        foreach (var (gatewayId, contiguous) in contiguousByGateway)
        {
            if (contiguous == 0 || (_written.TryGetValue(gatewayId, out var written) && written >= contiguous))
            {
                continue;
            }

            var ack = await jetStream.PublishAsync(
                SubjectPrefix + "." + gatewayId,
                Encoding.ASCII.GetBytes(contiguous.ToString(CultureInfo.InvariantCulture)),
                NatsRawSerializer<byte[]>.Default,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            ack.EnsureSuccess();
            _written[gatewayId] = contiguous;
        }
    }
}
