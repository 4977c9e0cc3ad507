using Picket.Testing;

namespace Picket.Server.Storage;

/// <summary>The ingest/feed contract against the embedded SQLite store, on a real database file.</summary>
public sealed class SqliteIngestFeedTests : IngestFeedContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override IReadOnlyDictionary<string, string?> StoreConfiguration => new Dictionary<string, string?>
    {
        ["Storage:Mode"] = "Sqlite",
        ["Storage:SqlitePath"] = _directory.File("picket.db"),
    };

    public void Dispose() => _directory.Dispose();
}
