using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Picket.Contract.V1;
using Picket.Gateway.Uplink;

namespace Picket.Cli.Verbs.Demo;

/// <summary>
/// The demo's consumer: follows the server's <c>TrackFeed</c> as a consumer system would, over mTLS
/// with its own client certificate, trusting only the fleet CA for the server's, and keeps what the live table shows (every live track, the alerts in order) and what
/// the scorecard needs (every update and alert as received).
/// </summary>
internal sealed class DemoFeed
{
    private readonly Dictionary<ulong, DemoTrack> _tracks = [];
    private readonly List<TrackUpdate> _updates = [];
    private readonly List<Alert> _alerts = [];
    private readonly HashSet<ulong> _alerted = [];
    private readonly HashSet<ulong> _seen = [];

    /// <summary>Raised on the feed's thread for each alert as it arrives.</summary>
    public event Action<Alert, string>? AlertReceived;

    /// <summary>True once the subscription's snapshot is complete (the feed is live).</summary>
    public bool Live { get; private set; }

    /// <summary>The error that ended the feed, if any.</summary>
    public string? Error { get; private set; }

    /// <summary>Updates received (not counting the snapshot).</summary>
    public int UpdateCount
    {
        get
        {
            lock (_tracks)
            {
                return _updates.Count;
            }
        }
    }

    /// <summary>Distinct tracks seen.</summary>
    public int TrackCount
    {
        get
        {
            lock (_tracks)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>The live tracks now, non-cooperative first, then by id.</summary>
    /// <returns>A copy.</returns>
    public IReadOnlyList<DemoTrack> Tracks()
    {
        lock (_tracks)
        {
            return _tracks.Values.OrderBy(t => t.Cooperative).ThenBy(t => t.TrackId).ToList();
        }
    }

    /// <summary>Every update received, in order.</summary>
    /// <returns>A copy.</returns>
    public IReadOnlyList<TrackUpdate> Updates()
    {
        lock (_tracks)
        {
            return _updates.ToList();
        }
    }

    /// <summary>Every alert received, in order.</summary>
    /// <returns>A copy.</returns>
    public IReadOnlyList<Alert> Alerts()
    {
        lock (_tracks)
        {
            return _alerts.ToList();
        }
    }

    /// <summary>A short identity: callsign, ICAO address, Mode 3/A code, or "-".</summary>
    /// <param name="identity">The identity, or null.</param>
    /// <returns>The text.</returns>
    public static string Describe(Identity? identity)
    {
        if (identity is null)
        {
            return "-";
        }

        var parts = new List<string>();
        if (identity.Callsign.Length > 0)
        {
            parts.Add(identity.Callsign.Trim());
        }

        if (identity.HasIcaoAddress)
        {
            parts.Add(identity.IcaoAddress.ToString("X6", CultureInfo.InvariantCulture));
        }

        if (parts.Count == 0 && identity.HasMode3ACode)
        {
            parts.Add("A" + Convert.ToString(identity.Mode3ACode, 8).PadLeft(4, '0'));
        }

        return parts.Count == 0 ? "-" : string.Join(' ', parts);
    }

    /// <summary>Follows the feed until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="address">The server (https).</param>
    /// <param name="credentials">The consumer's certificate and key.</param>
    /// <param name="caPath">The fleet CA that signed the server's certificate, PEM.</param>
    /// <param name="cancellationToken">Stops following.</param>
    /// <returns>When stopped.</returns>
    public async Task FollowAsync(Uri address, ClientCredentials credentials, string caPath, CancellationToken cancellationToken)
    {
        using var certificate = X509Certificate2.CreateFromPemFile(credentials.CertificatePath, credentials.KeyPath);
        using var root = X509Certificate2.CreateFromPem(File.ReadAllText(caPath));
        var handler = new SocketsHttpHandler();
        handler.SslOptions.ClientCertificates = [certificate];
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, errors) => FleetTrust.AcceptsServer(root, presented, errors);
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        var client = new TrackFeed.TrackFeedClient(channel);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var call = client.Subscribe(new SubscribeRequest(), cancellationToken: cancellationToken);
                await foreach (var feedEvent in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    Handle(feedEvent);
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled || cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (RpcException e)
            {
                // The server is restarting or refused us: say so, and try again shortly.
                Error = $"{e.StatusCode}: {e.Status.Detail}";
                try
                {
                    await Task.Delay(500, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Handle(FeedEvent feedEvent)
    {
        switch (feedEvent.EventCase)
        {
            case FeedEvent.EventOneofCase.SnapshotComplete:
                Live = true;
                break;
            case FeedEvent.EventOneofCase.Track when !feedEvent.Snapshot:
                OnUpdate(feedEvent.Track);
                break;
            case FeedEvent.EventOneofCase.Alert when !feedEvent.Snapshot:
                string identity;
                lock (_tracks)
                {
                    _alerts.Add(feedEvent.Alert);
                    _alerted.Add(feedEvent.Alert.TrackId);
                    identity = _tracks.TryGetValue(feedEvent.Alert.TrackId, out var row) ? row.Identity : Describe(feedEvent.Alert.Identity);
                    if (row is not null)
                    {
                        _tracks[row.TrackId] = row with { Alerted = true };
                    }
                }

                AlertReceived?.Invoke(feedEvent.Alert, identity);
                break;
            default:
                break;
        }
    }

    private void OnUpdate(TrackUpdate update)
    {
        var altitude = update.HasBarometricAltitudeMm
            ? update.BarometricAltitudeMm / 304.8
            : update.Position?.HasHeightMm == true ? update.Position.HeightMm / 304.8 : (double?)null;
        var speed = Math.Sqrt(((double)update.VelocityEastMmS * update.VelocityEastMmS) + ((double)update.VelocityNorthMmS * update.VelocityNorthMmS)) / 1000 * 3600 / 1852;
        lock (_tracks)
        {
            _updates.Add(update);
            _seen.Add(update.TrackId);
            if (update.Status == TrackStatus.Dropped)
            {
                _tracks.Remove(update.TrackId);
                return;
            }

            _tracks[update.TrackId] = new DemoTrack(
                update.TrackId,
                Describe(update.Identity),
                update.Cooperative,
                update.Status.ToString(),
                (update.Position?.LatitudeE7 ?? 0) / 1e7,
                (update.Position?.LongitudeE7 ?? 0) / 1e7,
                altitude,
                speed,
                update.TimeUnixUs,
                _alerted.Contains(update.TrackId));
        }
    }
}
