using Picket.Gateway.Inputs;
using Picket.Gateway.Tracking;

namespace Picket.Gateway.Configuration;

/// <summary>
/// Everything <c>picket run</c> is configured with, validated (see <see cref="GatewaySettingsReader"/>
/// for the keys). Immutable once read.
/// </summary>
public sealed class GatewaySettings
{
    /// <summary>The gateway's id (<c>Gateway:Id</c>); must equal the identity it authenticates with.</summary>
    public required string GatewayId { get; init; }

    /// <summary>Human-readable site name (<c>Gateway:SiteName</c>).</summary>
    public string SiteName { get; init; } = "";

    /// <summary>The mast's fixed position (<c>Site:*</c>), or null when it comes from the GNSS receiver.</summary>
    public GeoSite? Site { get; init; }

    /// <summary>The radar's site when it is not on the mast (<c>Radar:*</c>), or null.</summary>
    public GeoSite? RadarSite { get; init; }

    /// <summary>Input specifications (<c>Inputs:0</c>, <c>Inputs:1</c>, ...), e.g. <c>beast:serial:/dev/ttyUSB0:3000000:rtscts</c>.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The GNSS source (<c>Gnss:Input</c>): an nmea input spec or <c>gpsd[:HOST[:PORT]]</c>, or null.</summary>
    public string? GnssInput { get; init; }

    /// <summary>
    /// What a GNSS fix must be to place the mast when <see cref="Site"/> is not configured, and to be
    /// compared with it when it is (<c>Gnss:Require3dFix</c>, <c>Gnss:MaxHorizontalErrorMetres</c>).
    /// </summary>
    public GnssFixRequirement GnssFixRequirement { get; init; } = GnssFixRequirement.Default;

    /// <summary>
    /// How far a good GNSS fix may lie from the configured <see cref="Site"/> before health reports
    /// the disagreement (<c>Gnss:MaxSiteDisagreementMetres</c>); the configured position still wins.
    /// </summary>
    public int MaxSiteDisagreementMetres { get; init; } = 100;

    /// <summary>
    /// Whether the system clock is trusted without NTP or GNSS saying so (<c>Clock:TrustSystemClock</c>;
    /// for containers, VMs and tests; a mast leaves it off).
    /// </summary>
    public bool TrustSystemClock { get; init; }

    /// <summary>The protected zones' GeoJSON file (<c>Zones:Path</c>), or null for none.</summary>
    public string? ZonesPath { get; init; }

    /// <summary>Least time between two published reports of one track (<c>Publishing:TrackIntervalMilliseconds</c>).</summary>
    public TimeSpan TrackInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest a batch stays open (<c>Publishing:BatchMilliseconds</c>).</summary>
    public TimeSpan BatchInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest batch on the wire (<c>Publishing:MaxBatchBytes</c>).</summary>
    public int MaxBatchBytes { get; init; } = 64 * 1024;

    /// <summary>Whether tentative tracks are published (<c>Publishing:Tentative</c>).</summary>
    public bool PublishTentative { get; init; }

    /// <summary>The outbox's SQLite file (<c>Outbox:Path</c>).</summary>
    public required string OutboxPath { get; init; }

    /// <summary>The outbox's size cap (<c>Outbox:MaxMegabytes</c>); the oldest batches are dropped beyond it.</summary>
    public long OutboxMaxBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The outbox's age limit (<c>Outbox:MaxAgeHours</c>).</summary>
    public TimeSpan OutboxMaxAge { get; init; } = TimeSpan.FromHours(72);

    /// <summary>Group-commit interval (<c>Outbox:CommitMilliseconds</c>).</summary>
    public TimeSpan OutboxCommitInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The server (<c>Uplink:Address</c>), or null to run without an uplink (store only).</summary>
    public Uri? UplinkAddress { get; init; }

    /// <summary>A bearer token (<c>Uplink:Token</c>, or read from <c>Uplink:TokenFile</c>), or null.</summary>
    public string? UplinkToken { get; init; }

    /// <summary>The gateway's client certificate, PEM (<c>Uplink:CertificatePath</c>), or null.</summary>
    public string? UplinkCertificatePath { get; init; }

    /// <summary>The certificate's private key, PEM (<c>Uplink:KeyPath</c>), or null.</summary>
    public string? UplinkKeyPath { get; init; }

    /// <summary>The CA that signed the server's certificate, PEM (<c>Uplink:CaPath</c>), or null for the system's.</summary>
    public string? UplinkCaPath { get; init; }

    /// <summary>HTTP/2 keepalive ping interval (<c>Uplink:KeepAliveSeconds</c>).</summary>
    public TimeSpan UplinkKeepAlive { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest wait for an ack while batches are in flight (<c>Uplink:AckTimeoutSeconds</c>).</summary>
    public TimeSpan UplinkAckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>In-band health period (<c>Health:IntervalSeconds</c>).</summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>node_exporter's textfile collector directory (<c>Health:TextfileDirectory</c>), or null.</summary>
    public string? PrometheusTextfileDirectory { get; init; }

    /// <summary>Where the status file for <c>picket status</c> is written (<c>Health:StatusPath</c>).</summary>
    public required string StatusPath { get; init; }

    /// <summary>The status LED and service button (<c>Gpio:*</c>), or null when the board has none.</summary>
    public GpioSettings? Gpio { get; init; }
}
