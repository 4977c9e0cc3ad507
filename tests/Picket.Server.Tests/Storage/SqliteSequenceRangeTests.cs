using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Picket.Server.Storage.Sqlite;
using Picket.Server.Support;
using Picket.Testing;

namespace Picket.Server.Storage;

/// <summary>
/// Issue 12 probe 6, second half: uint64 sequences of 2^63 and above survive the SQLite store
/// and a restart (SQLite's INTEGER is signed; the store keeps the bit pattern and compares unsigned).
/// </summary>
public sealed class SqliteSequenceRangeTests : IDisposable
{
    private const ulong TwoToThe63 = 9_223_372_036_854_775_808;
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Store_SequenceAbove2To63_RestoredAfterRestartAsHeldBeyondTheGap()
    {
        await using (var server = await StartAsync())
        {
            var store = server.App.Services.GetRequiredService<IBatchStore>();
            // The store directly: the ingest service's window (Limits:MaxSequenceAhead) would refuse it.
            Assert.True(await store.StoreAsync("gw-big", TestBatches.Batch("gw-big", TwoToThe63 + 1), null, CancellationToken.None));
        }

        await using var restarted = await StartAsync();
        var ack = restarted.App.Services.GetRequiredService<IBatchStore>().CurrentAck("gw-big");
        var resend = await restarted.App.Services.GetRequiredService<IBatchStore>().StoreAsync("gw-big", TestBatches.Batch("gw-big", TwoToThe63 + 1), null, CancellationToken.None);

        Assert.Equal(0UL, ack.AckedSequence);
        Assert.NotNull(ack.Gap);
        Assert.Equal(1UL, ack.Gap.FirstMissing);
        Assert.Equal(TwoToThe63, ack.Gap.LastMissing);
        Assert.False(resend);
        Assert.Equal([unchecked((long)(TwoToThe63 + 1))], ReadSequences());
    }

    [Theory]
    [InlineData(5UL, TwoToThe63 + 3, TwoToThe63 + 3)]
    [InlineData(TwoToThe63 + 3, 5UL, TwoToThe63 + 3)]
    [InlineData(TwoToThe63 + 3, TwoToThe63 + 9, TwoToThe63 + 9)]
    [InlineData(9UL, 5UL, 9UL)]
    public void UpsertFloor_KeepsTheUnsignedMaximum(ulong first, ulong second, ulong expected)
    {
        using var connection = new SqliteConnection($"Data Source={_directory.File("floors.db")};Pooling=False");
        connection.Open();
        Execute(connection, SqliteSchema.Create);

        Upsert(connection, first);
        Upsert(connection, second);

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT floor_sequence FROM gateway_floors";
        Assert.Equal(expected, unchecked((ulong)(long)read.ExecuteScalar()!));
    }

    public void Dispose() => _directory.Dispose();

    private static void Upsert(SqliteConnection connection, ulong floor)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.UpsertFloor;
        command.Parameters.AddWithValue("$gateway", "gw");
        command.Parameters.AddWithValue("$floor", unchecked((long)floor));
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<long> ReadSequences()
    {
        using var connection = new SqliteConnection($"Data Source={_directory.File("picket.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence FROM batches";
        using var rows = command.ExecuteReader();
        var result = new List<long>();
        while (rows.Read())
        {
            result.Add(rows.GetInt64(0));
        }

        return result;
    }

    private Task<ServerHarness> StartAsync() => ServerHarness.StartAsync(new Dictionary<string, string?> { ["Storage:SqlitePath"] = _directory.File("picket.db") });
}
