using System.Text.Json;
using Picket.Gateway.Health;
using Picket.Testing;

namespace Picket.Gateway.EndToEnd;

/// <summary>
/// <c>picket run</c> as a process with an appsettings.json written here: its inputs (a Beast
/// receiver on a serial device, a radar on UDP), the outbox, status file and configuration in a folder of the test, the uplink
/// to a <see cref="ServerUnderTest"/>. Started again with the same configuration and outbox after
/// every kill.
/// </summary>
internal sealed class GatewayUnderTest : IDisposable
{
    public const string GatewayId = "mast-1";

    private readonly string _directory;
    private readonly string _configPath;
    private ChildProcess? _process;

    /// <param name="directory">The gateway's folder: configuration, outbox, status file.</param>
    /// <param name="inputs">Its input specifications.</param>
    /// <param name="server">The uplink's server, or null for none.</param>
    /// <param name="configure">Changes to the settings before they are written (another site, zones or publishing), or null.</param>
    public GatewayUnderTest(string directory, IReadOnlyList<string> inputs, Uri? server, Action<Dictionary<string, object>>? configure = null)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        OutboxPath = Path.Combine(directory, "outbox.db");
        StatusPath = Path.Combine(directory, "status.json");
        _configPath = Path.Combine(directory, "appsettings.json");
        var settings = new Dictionary<string, object>
        {
            ["Gateway"] = new Dictionary<string, object> { ["Id"] = GatewayId },
            // busy-sky's mast (gateway/Picket.Simulation/Scenarios/busy-sky.json).
            ["Site"] = new Dictionary<string, object> { ["Latitude"] = 59.40, ["Longitude"] = 24.80, ["HeightMetres"] = 50 },
            ["Inputs"] = inputs,
            ["Zones"] = new Dictionary<string, object> { ["Path"] = RepositoryPaths.PathOf("gateway/Picket.Simulation/Scenarios/gulf-of-finland-zones.geojson") },
            // Each track every half second, tentative ones too, in batches of a quarter second: many
            // sequences and updates per run, so that kills land between, during and after commits.
            ["Publishing"] = new Dictionary<string, object> { ["TrackIntervalMilliseconds"] = 500, ["BatchMilliseconds"] = 250, ["Tentative"] = true },
            ["Outbox"] = new Dictionary<string, object> { ["Path"] = OutboxPath, ["CommitMilliseconds"] = 100 },
            ["Clock"] = new Dictionary<string, object> { ["TrustSystemClock"] = true },
            ["Health"] = new Dictionary<string, object> { ["IntervalSeconds"] = 1, ["StatusPath"] = StatusPath },
            ["Logging"] = new Dictionary<string, object> { ["LogLevel"] = new Dictionary<string, object> { ["Default"] = "Warning" } },
        };
        if (server is not null)
        {
            settings["Uplink"] = new Dictionary<string, object> { ["Address"] = server.ToString(), ["Token"] = ServerUnderTest.Token };
        }

        configure?.Invoke(settings);
        File.WriteAllText(_configPath, JsonSerializer.Serialize(settings));
    }

    public string OutboxPath { get; }

    public string StatusPath { get; }

    public int Starts { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running process's id.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("not running");

    /// <summary>Starts <c>picket run --config appsettings.json</c> (does not wait for it to be ready).</summary>
    public void Start()
    {
        _process = ChildProcess.Start(BuiltPrograms.Picket, ["run", "--config", _configPath], _directory);
        Starts++;
    }

    /// <summary>The process's last output lines, for failure messages.</summary>
    public string Tail() => _process?.Tail() ?? "";

    /// <summary>SIGKILL (<c>kill -9</c>).</summary>
    public void Kill()
    {
        _process?.Dispose();
        _process = null;
    }

    /// <summary>SIGTERM, as systemd stops the service; asserts it exits cleanly within a generous bound.</summary>
    public void Terminate()
    {
        Assert.NotNull(_process);
        Assert.True(_process.Terminate(TimeSpan.FromSeconds(60)), "picket run did not exit within 60 s of SIGTERM: " + _process.Tail());
        Assert.True(_process.ExitCode == 0, $"picket run exited with {_process.ExitCode} after SIGTERM: {_process.Tail()}");
        _process.Dispose();
        _process = null;
    }

    /// <summary>The latest status file, or null when there is none yet (or it is being replaced).</summary>
    public HealthSnapshot? ReadStatus()
    {
        try
        {
            return File.Exists(StatusPath) ? StatusFile.Read(StatusPath) : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return null;
        }
    }

    public void Dispose() => Kill();
}
