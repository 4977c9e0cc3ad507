namespace Picket.Gateway.Outbox;

/// <summary>The outbox's tables and statements. The schema is idempotent: run at every open.</summary>
internal static class OutboxSchema
{
    // outbox: one row per committed batch not yet acknowledged; dropped rows hold a tombstone.
    // outbox_meta: next_sequence (so sequences never repeat, even when every row was acked and
    // deleted) and dropped_total (so the count outlives a restart).
    public const string Create = """
        CREATE TABLE IF NOT EXISTS outbox (
            sequence INTEGER NOT NULL PRIMARY KEY,
            created_unix_us INTEGER NOT NULL,
            dropped INTEGER NOT NULL,
            message BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS outbox_meta (
            key TEXT NOT NULL PRIMARY KEY,
            value INTEGER NOT NULL) WITHOUT ROWID;
        """;

    public const string Insert = "INSERT INTO outbox (sequence, created_unix_us, dropped, message) VALUES ($sequence, $created, $dropped, $message)";

    public const string UpsertMeta = "INSERT INTO outbox_meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";

    public const string SelectMeta = "SELECT value FROM outbox_meta WHERE key = $key";

    public const string SelectTotals = "SELECT COUNT(*), COALESCE(SUM(length(message)), 0), COALESCE(MIN(sequence), 0), COALESCE(MAX(sequence), 0) FROM outbox";

    public const string SelectAfter = "SELECT sequence, message, created_unix_us, dropped FROM outbox WHERE sequence > $after ORDER BY sequence LIMIT $max";

    public const string SelectOldestCreated = "SELECT created_unix_us FROM outbox WHERE sequence > $acked ORDER BY sequence LIMIT 1";

    public const string SelectAckedBytes = "SELECT COALESCE(SUM(length(message)), 0) FROM outbox WHERE sequence <= $through";

    public const string DeleteThrough = "DELETE FROM outbox WHERE sequence <= $through";

    // Candidates for the size cap: the oldest rows that still hold content.
    public const string SelectOldestKept = "SELECT sequence, created_unix_us, length(message) FROM outbox WHERE dropped = 0 ORDER BY sequence LIMIT 256";

    public const string SelectExpired = "SELECT sequence, created_unix_us, length(message) FROM outbox WHERE dropped = 0 AND created_unix_us < $cutoff ORDER BY sequence";

    public const string Drop = "UPDATE outbox SET dropped = 1, message = $message WHERE sequence = $sequence";

    public const string NextSequenceKey = "next_sequence";

    public const string DroppedTotalKey = "dropped_total";
}
