using Picket.Server.Support;

namespace Picket.Server.Storage;

/// <summary>
/// The ingest/feed contract against NATS JetStream, on a real <c>nats-server -js</c>. Each test
/// gets its own stream and subjects, so tests do not see each other's batches.
/// </summary>
public sealed class JetStreamIngestFeedTests(NatsServerFixture nats) : IngestFeedContractTests, IClassFixture<NatsServerFixture>
{
    private readonly string _name = "T" + Guid.NewGuid().ToString("N")[..12];

    protected override IReadOnlyDictionary<string, string?> StoreConfiguration => new Dictionary<string, string?>
    {
        ["Storage:Mode"] = "JetStream",
        ["Storage:NatsUrl"] = nats.Url.ToString(),
        ["Storage:StreamName"] = _name,
        ["Storage:SubjectPrefix"] = "picket." + _name,
    };
}
