namespace Picket.Server.Storage.Sqlite;

/// <summary>The tables of the embedded database. Idempotent: run at every start.</summary>
internal static class SqliteSchema
{
    // batches: one row per (gateway, sequence) ever stored or rejected; the primary key is what
    // makes a resend a no-op. gateway_floors: the contiguous sequence at the last retention sweep,
    // so batch rows below it may be deleted without forgetting what was acked.
    // Sequences are uint64 (ingest.proto) held in SQLite's signed INTEGER as their bit pattern
    // (unchecked cast both ways), so 2^63 and above read back as negative numbers in SQL; every
    // comparison of sequences below is therefore unsigned (same sign: signed order; otherwise the
    // negative one is the larger), never a bare '>'.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS batches (
            gateway_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            received_unix_us INTEGER NOT NULL,
            created_unix_us INTEGER NOT NULL,
            track_count INTEGER NOT NULL,
            rejected_reason TEXT,
            rejected_proto BLOB,
            PRIMARY KEY (gateway_id, sequence)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS gateway_floors (
            gateway_id TEXT NOT NULL PRIMARY KEY,
            floor_sequence INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS track_history (
            gateway_id TEXT NOT NULL,
            track_id INTEGER NOT NULL,
            time_unix_us INTEGER NOT NULL,
            received_unix_us INTEGER NOT NULL,
            latitude_e7 INTEGER,
            longitude_e7 INTEGER,
            cooperative INTEGER NOT NULL,
            status INTEGER NOT NULL,
            update_proto BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS track_history_by_received ON track_history (received_unix_us);
        CREATE INDEX IF NOT EXISTS track_history_by_track ON track_history (gateway_id, track_id, time_unix_us);
        CREATE TABLE IF NOT EXISTS alerts (
            gateway_id TEXT NOT NULL,
            track_id INTEGER NOT NULL,
            time_unix_us INTEGER NOT NULL,
            received_unix_us INTEGER NOT NULL,
            zone_name TEXT NOT NULL,
            zone_event INTEGER NOT NULL,
            alert_proto BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS alerts_by_received ON alerts (received_unix_us);
        CREATE TABLE IF NOT EXISTS gateway_health (
            gateway_id TEXT NOT NULL,
            time_unix_us INTEGER NOT NULL,
            received_unix_us INTEGER NOT NULL,
            health_proto BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS gateway_health_by_received ON gateway_health (received_unix_us);
        """;

    public const string InsertBatch = """
        INSERT OR IGNORE INTO batches (gateway_id, sequence, received_unix_us, created_unix_us, track_count, rejected_reason, rejected_proto)
        VALUES ($gateway, $sequence, $received, $created, $tracks, $reason, $proto)
        """;

    public const string InsertTrack = """
        INSERT INTO track_history (gateway_id, track_id, time_unix_us, received_unix_us, latitude_e7, longitude_e7, cooperative, status, update_proto)
        VALUES ($gateway, $track, $time, $received, $latitude, $longitude, $cooperative, $status, $proto)
        """;

    public const string InsertAlert = """
        INSERT INTO alerts (gateway_id, track_id, time_unix_us, received_unix_us, zone_name, zone_event, alert_proto)
        VALUES ($gateway, $track, $time, $received, $zone, $event, $proto)
        """;

    public const string InsertHealth = """
        INSERT INTO gateway_health (gateway_id, time_unix_us, received_unix_us, health_proto)
        VALUES ($gateway, $time, $received, $proto)
        """;

    public const string UpsertFloor = """
        INSERT INTO gateway_floors (gateway_id, floor_sequence) VALUES ($gateway, $floor)
        ON CONFLICT (gateway_id) DO UPDATE SET floor_sequence =
            CASE WHEN (excluded.floor_sequence < 0) = (floor_sequence < 0) THEN MAX(floor_sequence, excluded.floor_sequence)
                 WHEN excluded.floor_sequence < 0 THEN excluded.floor_sequence
                 ELSE floor_sequence END
        """;

    public const string DeleteExpired = """
        DELETE FROM track_history WHERE received_unix_us < $cutoff;
        DELETE FROM alerts WHERE received_unix_us < $cutoff;
        DELETE FROM gateway_health WHERE received_unix_us < $cutoff;
        DELETE FROM batches WHERE received_unix_us < $cutoff
            AND EXISTS (SELECT 1 FROM gateway_floors f WHERE f.gateway_id = batches.gateway_id
                AND NOT ((batches.sequence < 0) = (f.floor_sequence < 0) AND batches.sequence > f.floor_sequence OR batches.sequence < 0 AND f.floor_sequence >= 0));
        """;

    public const string SelectFloors = "SELECT gateway_id, floor_sequence FROM gateway_floors";

    public const string SelectSequencesAboveFloor = """
        SELECT b.gateway_id, b.sequence FROM batches b
        LEFT JOIN gateway_floors f ON f.gateway_id = b.gateway_id
        WHERE (b.sequence < 0) = (COALESCE(f.floor_sequence, 0) < 0) AND b.sequence > COALESCE(f.floor_sequence, 0)
            OR b.sequence < 0 AND COALESCE(f.floor_sequence, 0) >= 0
        """;

    // The latest update of every track heard within the horizon, for the feed snapshot.
    public const string SelectLatestTracks = """
        SELECT gateway_id, update_proto, received_unix_us FROM track_history
        WHERE rowid IN (SELECT MAX(rowid) FROM track_history WHERE received_unix_us >= $since GROUP BY gateway_id, track_id)
        """;
}
