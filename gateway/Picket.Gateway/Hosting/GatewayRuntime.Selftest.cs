using System.Diagnostics;
using System.Globalization;
using Picket.Gateway.Health;
using Picket.Gateway.Inputs;
using Picket.Gateway.Selftest;

namespace Picket.Gateway.Hosting;

/// <summary>The selftest inside the running gateway (the service button's long press).</summary>
public sealed partial class GatewayRuntime
{
    /// <summary>The last selftest run in this gateway, or null.</summary>
    public SelftestReport? LastSelftest { get; private set; }

    /// <summary>
    /// <c>picket selftest</c>'s checks, in its order, on the running parts instead of opening
    /// devices a second time (a serial port or UDP port is already this process's): each input
    /// connected and delivering frames within <paramref name="timeout"/>; the GNSS source has a fix;
    /// the GPIO pins (the caller's result: it holds them); the clock is trusted; the running uplink
    /// is connected to the server and acked (hello with the token or certificate accepted); the
    /// outbox commits (a real commit of the running outbox).
    /// </summary>
    /// <param name="gpio">The GPIO check's result, from whoever holds the pins.</param>
    /// <param name="timeout">How long inputs, GNSS and the server may take.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>One result per check.</returns>
    public async Task<IReadOnlyList<SelftestResult>> RunSelftestAsync(SelftestResult gpio, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        var inputs = CheckLiveInputsAsync(timeout, cancellationToken);
        var gnss = CheckLiveGnssAsync(timeout, cancellationToken);
        var server = CheckLiveUplinkAsync(timeout, cancellationToken);
        var results = new List<SelftestResult>();
        results.AddRange(await inputs.ConfigureAwait(false));
        results.Add(await gnss.ConfigureAwait(false));
        results.Add(gpio);
        results.Add(new GatewaySelftest(_settings, _softwareVersion, Clock).CheckClock());
        results.Add(await server.ConfigureAwait(false));
        results.Add(_outbox.Flush()
            ? SelftestResult.Pass("outbox " + _settings.OutboxPath, string.Create(CultureInfo.InvariantCulture, $"committed (the running outbox; {_outbox.Depth} batches waiting)"))
            : SelftestResult.Fail("outbox " + _settings.OutboxPath, string.Create(CultureInfo.InvariantCulture, $"the disk refused the commit ({_outbox.StorageErrorsTotal} storage errors): disk full or failing")));
        return results;
    }

    /// <summary>Keeps <paramref name="results"/> as <see cref="LastSelftest"/>; the status file has it within a pipeline tick.</summary>
    /// <param name="results">The results.</param>
    /// <param name="trigger">What started it.</param>
    /// <returns>The report.</returns>
    public SelftestReport RecordSelftest(IReadOnlyList<SelftestResult> results, string trigger)
    {
        ArgumentNullException.ThrowIfNull(results);
        var report = new SelftestReport
        {
            TimeUnixMicroseconds = Clock.UtcNowUnixMicroseconds,
            Trigger = trigger,
            Passed = results.All(r => r.Status != SelftestStatus.Fail),
            Results = results.Select(r => new SelftestLine { Check = r.Check, Status = r.Status.ToString().ToUpperInvariant(), Detail = r.Detail }).ToArray(),
        };
        LastSelftest = report;
        // Health at the next tick (pipeline thread, or the GNSS wait's timer), not from here.
        Interlocked.Exchange(ref _nextHealthUnixMicroseconds, 0);
        return report;
    }

    private async Task<IReadOnlyList<SelftestResult>> CheckLiveInputsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_inputs is not { } inputs)
        {
            return _settings.Inputs.Select(text => SelftestResult.Fail("input " + text, "not started: waiting for a GNSS fix to place the mast")).ToArray();
        }

        var before = inputs.Snapshot();
        var watch = Stopwatch.StartNew();
        var now = before;
        while (watch.Elapsed < timeout && !cancellationToken.IsCancellationRequested && !AllAdvanced(before, now))
        {
            await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
            now = inputs.Snapshot();
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var results = new SelftestResult[now.Count];
        for (var i = 0; i < now.Count; i++)
        {
            var check = "input " + now[i].Name;
            var frames = now[i].Frames - before[i].Frames;
            results[i] = frames > 0
                ? SelftestResult.Pass(check, string.Create(CultureInfo.InvariantCulture, $"{frames} frames in {seconds:0.0} s (the running input)"))
                : !now[i].Connected
                    ? SelftestResult.Fail(check, "not connected" + (now[i].LastError is { } error ? ": " + error : ""))
                    : SelftestResult.Fail(check, string.Create(CultureInfo.InvariantCulture, $"connected, but no frame in {timeout.TotalSeconds:0.#} s"));
        }

        return results;
    }

    private static bool AllAdvanced(IReadOnlyList<InputHealth> before, IReadOnlyList<InputHealth> now)
    {
        for (var i = 0; i < now.Count; i++)
        {
            if (now[i].Frames <= before[i].Frames)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<SelftestResult> CheckLiveGnssAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_gnss is not { } gnss)
        {
            return SelftestResult.Skip("gnss", "no Gnss:Input");
        }

        var check = "gnss " + gnss.Name;
        var watch = Stopwatch.StartNew();
        var status = gnss.Snapshot();
        while (status.Fix == GnssFixQuality.None && watch.Elapsed < timeout && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
            status = gnss.Snapshot();
        }

        if (status.Fix != GnssFixQuality.None)
        {
            return SelftestResult.Pass(check, string.Create(CultureInfo.InvariantCulture, $"fix {status.Fix} ({status.Dimensions}-D), {status.Satellites} satellites, HDOP {status.HdopHundredths / 100.0:0.00}, horizontal error {status.HorizontalErrorMillimetres / 1000.0:0.0} m"));
        }

        return SelftestResult.Fail(check, string.Create(CultureInfo.InvariantCulture, $"no fix in {timeout.TotalSeconds:0.#} s") + (gnss.Connected ? "" : ": not connected" + (gnss.LastError is { } error ? " (" + error + ")" : "")));
    }

    private async Task<SelftestResult> CheckLiveUplinkAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_settings.UplinkAddress is not { } address)
        {
            return SelftestResult.Skip(ServerProbe.CheckName, "no Uplink:Address (store only)");
        }

        var check = ServerProbe.CheckName + " " + address;
        if (_uplink is not { } uplink)
        {
            return SelftestResult.Fail(check, "not started: waiting for a GNSS fix to place the mast");
        }

        var watch = Stopwatch.StartNew();
        while (!uplink.Counters.Connected && watch.Elapsed < timeout && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
        }

        if (uplink.Counters.Connected)
        {
            return SelftestResult.Pass(check, string.Create(CultureInfo.InvariantCulture, $"connected (the running uplink), acked through sequence {uplink.Counters.AckedSequence}"));
        }

        return SelftestResult.Fail(check, !Clock.IsTrustworthy
            ? "not connected: the uplink waits for a trusted clock"
            : "not connected" + (uplink.Counters.LastError is { } error ? ": " + error : ""));
    }
}
