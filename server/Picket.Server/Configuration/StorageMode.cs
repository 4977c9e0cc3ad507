namespace Picket.Server.Configuration;

/// <summary>Where accepted batches are made durable.</summary>
public enum StorageMode
{
    /// <summary>The embedded SQLite database (WAL): one node, nothing to install.</summary>
    Sqlite,

    /// <summary>A NATS JetStream stream shared by several ingest/feed nodes.</summary>
    JetStream,
}
