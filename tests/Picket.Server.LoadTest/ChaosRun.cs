using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Picket.Testing;

namespace Picket.Server.LoadTest;

/// <summary>
/// The chaos run of issue 12: picket-server as its own process under a streaming gateway,
/// killed with SIGKILL and restarted again and again, its disk (a small tmpfs, when run as root)
/// filled and freed, its database deleted. After every fault the database file is opened here,
/// with the server dead, and every batch the gateway saw acked must be in it; after a deletion
/// the server must say Unavailable and ack nothing more.
/// </summary>
internal sealed class ChaosRun(ChaosOptions options, TextWriter output)
{
    private readonly Random _random = new(options.Seed);
    private readonly ChaosCounts _counts = new();

    public async Task<ChaosCounts> RunAsync(CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), "picket-chaos-" + Guid.NewGuid().ToString("N"));
        var databaseDirectory = Path.Combine(work, "db");
        Directory.CreateDirectory(databaseDirectory);
        using var disk = options.Tmpfs && SmallDisk.CanMount ? new SmallDisk(databaseDirectory, 128) : null;
        var tmpfs = disk is not null;
        var database = Path.Combine(databaseDirectory, "picket.db");
        var port = FreePorts.Tcp();
        var managementPort = FreePorts.Tcp();
        string[] arguments =
        [
            "--Listen:Port", port.ToString(CultureInfo.InvariantCulture), "--Management:Port", managementPort.ToString(CultureInfo.InvariantCulture),
            "--Storage:SqlitePath", database, "--Storage:ReadyTimeoutSeconds", "2", "--Logging:LogLevel:Default", "Warning",
        ];
        var gateway = new ChaosGateway(new Uri($"http://127.0.0.1:{port}"), options.TracksPerBatch, options.Window);
        using var stopGateway = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var gatewayTask = gateway.RunAsync(stopGateway.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}"), Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        try
        {
            for (var cycle = 1; cycle <= options.Cycles && !cancellationToken.IsCancellationRequested; cycle++)
            {
                var server = ChildProcess.Start(options.ServerDll, arguments, echoPrefix: "[picket-server] ");
                await server.WaitForPortAsync(port, TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
                _counts.Starts++;
                try
                {
                    // The gateway's reconnect backoff can outlast a short life on a loaded machine: each
                    // server gets to ack something new before the random moment it is killed at.
                    await WaitForNewAckAsync(gateway, cancellationToken).ConfigureAwait(false);
                    await Task.Delay(_random.Next(300, 1500), cancellationToken).ConfigureAwait(false);
                    if (tmpfs && options.IsDiskFullCycle(cycle) && await FillDiskAsync(disk!, gateway, server, http, cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    if (options.IsDeletionCycle(cycle))
                    {
                        await DeleteDatabaseAsync(database, gateway, server, http, cancellationToken).ConfigureAwait(false);
                        _counts.DistinctAckedBatches += (long)gateway.MaxAcked;
                        gateway.Reset($"chaos-{cycle}");
                        continue;
                    }

                    Kill(server);
                    Verify(database, gateway.GatewayId, gateway.MaxAcked, "kill -9");
                }
                finally
                {
                    server.Dispose();
                }
            }
        }
        finally
        {
            await stopGateway.CancelAsync().ConfigureAwait(false);
            await gatewayTask.ConfigureAwait(false);
            _counts.DistinctAckedBatches += (long)gateway.MaxAcked;
            _counts.Unavailable = gateway.Unavailable;
            _counts.OtherErrors = gateway.OtherErrors;
            _counts.Forgotten = gateway.Forgotten;
            _counts.Seconds = clock.Elapsed.TotalSeconds;
            disk?.Dispose();
            Directory.Delete(work, recursive: true);
        }

        output.WriteLine(_counts.Summary(tmpfs));
        return _counts;
    }

    private static async Task WaitForNewAckAsync(ChaosGateway gateway, CancellationToken cancellationToken)
    {
        var ackedAtStart = gateway.MaxAcked;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (gateway.MaxAcked <= ackedAtStart && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Kill(ChildProcess server)
    {
        server.Kill();
        _counts.Kills++;
    }

    // Every sequence 1..acked of the gateway must have its batch row and its track rows in the file.
    private void Verify(string database, string gatewayId, ulong acked, string fault)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM batches WHERE gateway_id = $g AND sequence BETWEEN 1 AND $acked AND rejected_reason IS NULL),
                   (SELECT COUNT(*) FROM track_history WHERE gateway_id = $g)
            """;
        command.Parameters.AddWithValue("$g", gatewayId);
        command.Parameters.AddWithValue("$acked", (long)acked);
        using var row = command.ExecuteReader();
        row.Read();
        var batches = row.GetInt64(0);
        var tracks = row.GetInt64(1);
        _counts.Verifications++;
        _counts.AckedBatchesVerified += (long)acked;
        if (batches != (long)acked || tracks < (long)acked * options.TracksPerBatch)
        {
            _counts.Lost += (long)acked - batches;
            output.WriteLine($"chaos: VIOLATION after {fault}: {gatewayId} acked up to {acked}, the file holds {batches} of those batches and {tracks} track rows");
        }
    }

    // Returns true when the server was killed (and the file checked) while the disk was full.
    private async Task<bool> FillDiskAsync(SmallDisk disk, ChaosGateway gateway, ChildProcess server, HttpClient http, CancellationToken cancellationToken)
    {
        disk.Fill();
        _counts.DiskFulls++;
        await Task.Delay(2000, cancellationToken).ConfigureAwait(false);
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        _counts.StorageFailuresSeen += ReadCounter(metrics, "picket_storage_failures_total");
        if (_counts.DiskFulls % 2 == 0)
        {
            // Killed while full: what was acked before must still be there.
            Kill(server);
            disk.Free();
            Verify(disk.File("picket.db"), gateway.GatewayId, gateway.MaxAcked, "kill -9 with the disk full");
            return true;
        }

        // Freed while running: the server must take batches again without a restart.
        var ackedWhileFull = gateway.MaxAcked;
        disk.Free();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (gateway.MaxAcked <= ackedWhileFull && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        if (gateway.MaxAcked > ackedWhileFull)
        {
            _counts.RecoveredAfterFree++;
        }
        else
        {
            output.WriteLine("chaos: the server took no batch within 30 s of the disk being freed");
        }

        return false;
    }

    private async Task DeleteDatabaseAsync(string database, ChaosGateway gateway, ChildProcess server, HttpClient http, CancellationToken cancellationToken)
    {
        File.Delete(database);
        _counts.Deletions++;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline);

        // From the moment health says NotServing, nothing may be acked.
        var ackedAtDetection = gateway.MaxAcked;
        var unavailableBefore = gateway.Unavailable;
        await Task.Delay(2000, cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.ServiceUnavailable)
        {
            _counts.DeletionsDetected++;
        }

        _counts.AckedAfterDeletionDetected += (long)(gateway.MaxAcked - ackedAtDetection);
        _counts.UnavailableAfterDeletion += gateway.Unavailable - unavailableBefore;
        Kill(server);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, "picket.db*"))
        {
            File.Delete(file);
        }
    }

    private static long ReadCounter(string metrics, string name)
    {
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                return long.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
