using Microsoft.Extensions.Logging;
using Picket.Gateway.Configuration;
using Picket.Gateway.Hosting;
using Picket.Gateway.Outbox;
using Picket.Gateway.Publishing;
using Picket.Gateway.Tracking;
using Picket.Gateway.Uplink;
using Picket.Gateway.Zones;
using Picket.Tracking;

namespace Picket.Gateway.Recording;

/// <summary>
/// A recording played as a gateway: the pipeline <c>picket run</c> wires (decoders, tracker,
/// <see cref="TrackPublisher"/> closing batches on the recorded time, <see cref="SqliteOutbox"/>,
/// and the <see cref="UplinkService"/> when an uplink is configured), without live inputs. Track
/// ids start at 1, so the same recording gives the same batches byte for byte. Batches keep their
/// recorded times, so the outbox's age limit is lifted for the replay.
/// </summary>
public sealed class GatewayReplay : IDisposable
{
    private readonly SqliteOutbox _outbox;
    private readonly TrackPublisher _publisher;
    private readonly TrackingPipeline _pipeline;
    private readonly UplinkService? _uplink;

    /// <summary>Wires the replay from the settings (inputs and clock settings are not used).</summary>
    /// <param name="settings">The validated settings; use an <c>Outbox:Path</c> of the replay's own.</param>
    /// <param name="softwareVersion">Sent in the hello.</param>
    /// <param name="loggerFactory">Logs of the outbox and uplink.</param>
    /// <exception cref="GatewayConfigurationException">The site is missing.</exception>
    public GatewayReplay(GatewaySettings settings, string softwareVersion, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var site = settings.Site ?? throw new GatewayConfigurationException("Site: a fixed mast position is required to replay a recording as a gateway");
        var zones = settings.ZonesPath is null ? [] : GeoJsonZoneReader.ReadFile(settings.ZonesPath);
        _outbox = SqliteOutbox.Open(
            new OutboxOptions { Path = settings.OutboxPath, CommitInterval = settings.OutboxCommitInterval, MaxBytes = settings.OutboxMaxBytes, MaxAge = TimeSpan.FromDays(365 * 100) },
            TimeProvider.System,
            loggerFactory.CreateLogger<SqliteOutbox>());
        try
        {
            _publisher = new TrackPublisher(settings.GatewayId, _outbox, settings.TrackInterval, settings.BatchInterval, settings.MaxBatchBytes, settings.PublishTentative);
            _pipeline = new TrackingPipeline(site, settings.RadarSite, zones, new TrackerConfiguration(), _publisher);
            if (settings.UplinkAddress is not null)
            {
                _uplink = new UplinkService(_outbox, GatewayRuntime.UplinkOptionsFor(settings, softwareVersion, site), null, TimeProvider.System, loggerFactory.CreateLogger<UplinkService>());
            }
        }
        catch
        {
            _outbox.Dispose();
            throw;
        }
    }

    /// <summary>The tracking pipeline (counters).</summary>
    public TrackingPipeline Pipeline => _pipeline;

    /// <summary>The outbox (sequences committed and acknowledged).</summary>
    public SqliteOutbox Outbox => _outbox;

    /// <summary>The publisher (reports and batches).</summary>
    public TrackPublisher Publisher => _publisher;

    /// <summary>The uplink's counters, or null without an uplink.</summary>
    public UplinkCounters? UplinkCounters => _uplink?.Counters;

    /// <summary>Plays the recording, commits every batch, and (with an uplink) waits until the server has acknowledged them all or <paramref name="drainTimeout"/> passed.</summary>
    /// <param name="player">The recording's player (its <see cref="RecordingPlayer.ChunkPlayed"/> becomes the publisher's tick).</param>
    /// <param name="drainTimeout">How long the uplink may take to deliver after the last chunk.</param>
    /// <param name="cancellationToken">Stops playback and waiting.</param>
    /// <returns>True when every batch is stored (and acknowledged, with an uplink).</returns>
    public async Task<bool> RunAsync(RecordingPlayer player, TimeSpan drainTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(player);
        using var stopUplink = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var uplink = _uplink is null ? Task.CompletedTask : Task.Run(() => _uplink.RunAsync(stopUplink.Token), CancellationToken.None);
        try
        {
            player.ChunkPlayed = _publisher.Tick;
            await Task.Run(() => player.Play(_pipeline, cancellationToken), CancellationToken.None).ConfigureAwait(false);
            _publisher.Flush();
            var stored = _outbox.Flush();
            if (_uplink is null)
            {
                return stored;
            }

            var last = _outbox.NextSequence - 1;
            var deadline = DateTime.UtcNow + drainTimeout;
            while (_outbox.AcknowledgedThrough < last && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
            }

            return stored && _outbox.AcknowledgedThrough >= last;
        }
        finally
        {
            await stopUplink.CancelAsync().ConfigureAwait(false);
            try
            {
                await uplink.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _outbox.Dispose();
}
