using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Picket.Server;

namespace Picket.Gateway.Uplink;

/// <summary>
/// The real picket-server (<see cref="ServerHost.Build"/>) on Kestrel, cleartext HTTP/2 on a
/// loopback port, SQLite in a file, one gateway token. Stopped and started again on the same
/// port and database to play a server that goes away.
/// </summary>
internal sealed class RealServer : IAsyncDisposable
{
    public const string GatewayToken = "mast-token-5b1e0c7d";

    private readonly string _databasePath;
    private readonly string _gatewayId;
    private readonly IReadOnlyDictionary<string, string?> _extraSettings;
    private WebApplication? _app;

    private RealServer(string databasePath, string gatewayId, IReadOnlyDictionary<string, string?> extraSettings)
    {
        _databasePath = databasePath;
        _gatewayId = gatewayId;
        _extraSettings = extraSettings;
    }

    public int Port { get; private set; }

    public Uri Address => new($"{(_extraSettings.ContainsKey("Tls:CertificatePath") ? "https" : "http")}://127.0.0.1:{Port}");

    public bool IsRunning => _app is not null;

    /// <summary>The <c>grpc-encoding</c> request header of every Publish call the server received ("" when absent).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> PublishEncodings { get; } = new();

    /// <param name="databasePath">The server's SQLite file.</param>
    /// <param name="gatewayId">The identity of the token grant.</param>
    /// <param name="extraSettings">More configuration (TLS, client CA).</param>
    public static async Task<RealServer> StartAsync(string databasePath, string gatewayId, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var server = new RealServer(databasePath, gatewayId, extraSettings ?? new Dictionary<string, string?>());
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server (on the port of the first start, which took a free one).</summary>
    public async Task StartAsync()
    {
        if (_app is not null)
        {
            return;
        }

        var app = ServerHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Listen:Address"] = "127.0.0.1",
                ["Listen:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Storage:SqlitePath"] = _databasePath,
                ["Auth:Tokens:0:Identity"] = _gatewayId,
                ["Auth:Tokens:0:Role"] = "gateway",
                ["Auth:Tokens:0:Sha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(GatewayToken))),
            });
            builder.Configuration.AddInMemoryCollection(_extraSettings);
            builder.Services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new HeaderRecorder(PublishEncodings));
            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        if (Port == 0)
        {
            Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        }

        _app = app;
    }

    /// <summary>Stops the server, cutting open streams after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_app is null)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(grace))
        {
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Grace over: Kestrel aborted the remaining connections.
            }
        }

        await _app.DisposeAsync();
        _app = null;
        SqliteConnection.ClearAllPools();
    }

    /// <summary>What the server's database holds for the gateway (read with the server stopped).</summary>
    public StoredBatches ReadStored()
    {
        var batches = new List<(ulong Sequence, int Tracks, string? Rejected)>();
        var trackIds = new List<ulong>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT sequence, track_count, rejected_reason FROM batches WHERE gateway_id = $gateway ORDER BY sequence";
            command.Parameters.AddWithValue("$gateway", _gatewayId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                batches.Add(((ulong)reader.GetInt64(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        using (var command = connection.CreateCommand())
        {
            // Insertion order: the order in which the server stored the updates.
            command.CommandText = "SELECT track_id FROM track_history WHERE gateway_id = $gateway ORDER BY rowid";
            command.Parameters.AddWithValue("$gateway", _gatewayId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                trackIds.Add((ulong)reader.GetInt64(0));
            }
        }

        return new StoredBatches(batches, trackIds);
    }

    public async ValueTask DisposeAsync() => await StopAsync(TimeSpan.FromSeconds(2));
}
