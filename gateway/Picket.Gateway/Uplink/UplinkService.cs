using System.Globalization;
using System.Net;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Picket.Contract.V1;
using Picket.Gateway.Outbox;

namespace Picket.Gateway.Uplink;

/// <summary>
/// Store-and-forward uplink: sends the outbox's committed batches on a <c>TrackIngest.Publish</c>
/// stream and deletes them as the server acks them (proto/picket/v1/ingest.proto).
/// </summary>
/// <remarks>
/// <para>
/// One call: the hello, the server's first ack (every batch through it is durable there, so
/// those rows are deleted), then the committed rows from the first unacked sequence, at most
/// <see cref="UplinkOptions.Window"/> unacked at a time; every batch is answered by one ack.
/// </para>
/// <para>
/// Any failure (no server, reset link, refused credentials, no ack within
/// <see cref="UplinkOptions.AckTimeout"/>) ends the call; the next one starts after an
/// exponential backoff with full jitter and resends from the server's ack. A batch refused with
/// INVALID_ARGUMENT and a <c>picket-rejected-sequence</c> trailer counts as consumed: the server
/// recorded it, so it is never sent again and the next call starts at once.
/// </para>
/// </remarks>
public sealed class UplinkService
{
    private const string RejectedSequenceTrailer = "picket-rejected-sequence";

    private readonly SqliteOutbox _outbox;
    private readonly UplinkOptions _options;
    private readonly Func<bool> _clockIsTrustworthy;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    // Sequences the server refused: consumed there, skipped here until an ack passes them.
    private readonly HashSet<ulong> _rejected = [];

    /// <summary>Creates the uplink; nothing is sent before <see cref="RunAsync"/>.</summary>
    /// <param name="outbox">Where the batches wait; acked rows are deleted from it.</param>
    /// <param name="options">Server, credentials, window, timeouts.</param>
    /// <param name="clockIsTrustworthy">The gate: the link starts once it returns true (GNSS or NTP synchronised). Null: open.</param>
    /// <param name="timeProvider">Clock for backoff, watchdog and ack times.</param>
    /// <param name="logger">Where connects, failures and rejects are logged.</param>
    /// <exception cref="ArgumentException">The options are inconsistent (the message names the option).</exception>
    public UplinkService(SqliteOutbox outbox, UplinkOptions options, Func<bool>? clockIsTrustworthy = null, TimeProvider? timeProvider = null, ILogger<UplinkService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Hello is null || options.Hello.Length == 0)
        {
            throw new ArgumentException("UplinkOptions.Hello: the serialized hello is required.", nameof(options));
        }

        if (options.ServerAddress.Scheme != Uri.UriSchemeHttps && options.ServerAddress.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"UplinkOptions.ServerAddress: '{options.ServerAddress}' is not http:// or https://.", nameof(options));
        }

        if (options.BearerToken is not null && options.ServerAddress.Scheme != Uri.UriSchemeHttps && !IsLoopback(options.ServerAddress))
        {
            throw new ArgumentException("UplinkOptions.BearerToken: a token is sent only over https (or to a loopback address).", nameof(options));
        }

        if (options.Window is < 1 or > 128)
        {
            throw new ArgumentException("UplinkOptions.Window: must be 1 to 128 (the server reads at most 128 ahead).", nameof(options));
        }

        if (options.BackoffMin <= TimeSpan.Zero || options.BackoffMax < options.BackoffMin || options.AckTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("UplinkOptions: BackoffMin and AckTimeout must be positive and BackoffMax at least BackoffMin.", nameof(options));
        }

        _outbox = outbox;
        _options = options;
        _clockIsTrustworthy = clockIsTrustworthy ?? (static () => true);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Connection state and counters for health.</summary>
    public UplinkCounters Counters { get; } = new();

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled; never throws for a link or server failure.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!_clockIsTrustworthy())
        {
            UplinkLog.WaitingForClock(_logger);
            while (!_clockIsTrustworthy())
            {
                if (!await DelayAsync(_options.ClockPollInterval, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        using var channel = UplinkChannel.Create(_options);
        var invoker = channel.CreateCallInvoker();
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                await RunCallAsync(invoker, () => attempt = 0, cancellationToken).ConfigureAwait(false);
                reason = "the server ended the stream";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (RpcException e) when (TryGetRejectedSequence(e, out var sequence))
            {
                Counters.OnReject();
                lock (_rejected)
                {
                    _rejected.Add(sequence);
                }

                UplinkLog.Rejected(_logger, sequence, e.Status.Detail);
                Counters.OnDisconnected($"{e.StatusCode}: {e.Status.Detail}");
                Counters.OnReconnect();
                // Not a link failure: the next call starts at once.
                continue;
            }
            catch (RpcException e)
            {
                reason = $"{e.StatusCode}: {e.Status.Detail}";
                if (e.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
                {
                    Counters.OnAuthFailure();
                    UplinkLog.CredentialsRefused(_logger, e.StatusCode, e.Status.Detail);
                }
            }
            catch (UplinkStalledException e)
            {
                Counters.OnWatchdogTimeout();
                reason = e.Message;
            }
            catch (Exception e) when (e is IOException or HttpRequestException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
            {
                // Transport failures outside a status (a reset connection, a write on a finished call).
                reason = e.GetType().Name + ": " + e.Message;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            Counters.OnDisconnected(reason);
            var delay = Backoff(attempt++);
            UplinkLog.Failed(_logger, reason, (long)delay.TotalMilliseconds);
            Counters.OnReconnect();
            if (!await DelayAsync(delay, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        Counters.OnStopped();
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host, out var ip) && IPAddress.IsLoopback(ip));

    private static bool TryGetRejectedSequence(RpcException e, out ulong sequence)
    {
        sequence = 0;
        return e.StatusCode == StatusCode.InvalidArgument
            && e.Trailers.GetValue(RejectedSequenceTrailer) is { } text
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            && sequence != 0;
    }

    // Full jitter (a uniform draw below an exponentially growing cap): masts that lost the
    // server together do not come back together.
    private TimeSpan Backoff(int attempt)
    {
        var cap = Math.Min(_options.BackoffMax.TotalMilliseconds, _options.BackoffMin.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task RunCallAsync(CallInvoker invoker, Action onConnected, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var headers = new Metadata();
        if (_options.BearerToken is { } token)
        {
            headers.Add("authorization", "Bearer " + token);
        }

        if (_options.Compress)
        {
            // Grpc.Net.Client compresses request messages with the named provider (grpc-encoding: gzip).
            headers.Add("grpc-internal-encoding-request", "gzip");
        }

        using var call = invoker.AsyncDuplexStreamingCall(UplinkMethods.Publish, null, new CallOptions(headers, cancellationToken: stop.Token));
        var state = new CallState(_timeProvider, _options.Window);
        var watchdog = WatchAsync(state, stop.Token);
        var reader = ReadAcksAsync(call.ResponseStream, state, onConnected, stop.Token);
        var writer = WriteAsync(call.RequestStream, state, stop.Token);
        var first = await Task.WhenAny(watchdog, reader, writer).ConfigureAwait(false);
        if (first == writer)
        {
            // A failed write usually means the call ended; the reader then holds the status
            // (and the rejected-sequence trailer). Give it a moment to surface.
            await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(5), _timeProvider, CancellationToken.None)).ConfigureAwait(false);
        }

        await stop.CancelAsync().ConfigureAwait(false);
        var failure = Failure(reader) ?? Failure(first) ?? Failure(watchdog) ?? Failure(writer);
        await Task.WhenAll(Quietly(watchdog), Quietly(reader), Quietly(writer)).ConfigureAwait(false);
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private static Exception? Failure(Task task) =>
        task.IsFaulted && task.Exception!.InnerException is { } e && !(e is RpcException { StatusCode: StatusCode.Cancelled } or OperationCanceledException) ? e : null;

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException or IOException or InvalidOperationException or HttpRequestException or ObjectDisposedException or UplinkStalledException)
        {
            // Reported through Failure, or the consequence of the cancellation.
        }
    }

    private async Task WriteAsync(IClientStreamWriter<byte[]> requests, CallState state, CancellationToken cancellationToken)
    {
        state.Started();
        await requests.WriteAsync(_options.Hello, cancellationToken).ConfigureAwait(false);
        var cursor = await state.HelloAcked.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var queue = new Queue<OutboxEntry>();
        while (true)
        {
            if (queue.Count == 0)
            {
                foreach (var entry in _outbox.ReadAfter(cursor, _options.Window))
                {
                    queue.Enqueue(entry);
                }

                if (queue.Count == 0)
                {
                    if (_outbox.CommittedThrough > cursor)
                    {
                        // Committed rows that could not be read: the disk failed (counted by the outbox).
                        await Task.Delay(TimeSpan.FromSeconds(1), _timeProvider, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await _outbox.WaitForCommittedAsync(cursor, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }
            }

            var next = queue.Dequeue();
            cursor = next.Sequence;
            if (IsRejected(next.Sequence))
            {
                continue;
            }

            var message = next.Message;
            if (message.Length > _options.MaxMessageBytes)
            {
                Counters.OnOversized();
                UplinkLog.Oversized(_logger, next.Sequence, message.Length, _options.MaxMessageBytes);
                message = OutboxTombstone.Create(next.Sequence, next.CreatedUnixMicroseconds);
            }

            await state.Window.WaitAsync(cancellationToken).ConfigureAwait(false);
            state.Sending();
            await requests.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            Counters.OnSent(message.Length);
        }
    }

    private async Task ReadAcksAsync(IAsyncStreamReader<Ack> acks, CallState state, Action onConnected, CancellationToken cancellationToken)
    {
        var hello = true;
        while (await acks.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            var ack = acks.Current;
            _outbox.Acknowledge(ack.AckedSequence);
            Counters.OnAck(ack.AckedSequence, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds() * 1000);
            ForgetRejectedThrough(ack.AckedSequence);
            state.Acked(releaseWindow: !hello);
            if (hello)
            {
                hello = false;
                Counters.OnConnected();
                onConnected();
                UplinkLog.Connected(_logger, _options.ServerAddress, ack.AckedSequence);
                state.HelloAcked.TrySetResult(ack.AckedSequence);
            }
        }

        throw new IOException("The server ended the Publish stream.");
    }

    private async Task WatchAsync(CallState state, CancellationToken cancellationToken)
    {
        var period = _options.AckTimeout / 4;
        while (true)
        {
            await Task.Delay(period, _timeProvider, cancellationToken).ConfigureAwait(false);
            if (state.IsStalled(_options.AckTimeout))
            {
                throw new UplinkStalledException($"no ack for {_options.AckTimeout.TotalSeconds:0.#} s with {state.InFlight} messages in flight");
            }
        }
    }

    private bool IsRejected(ulong sequence)
    {
        lock (_rejected)
        {
            return _rejected.Contains(sequence);
        }
    }

    private void ForgetRejectedThrough(ulong acked)
    {
        lock (_rejected)
        {
            if (_rejected.Count > 0)
            {
                _rejected.RemoveWhere(s => s <= acked);
            }
        }
    }
}
