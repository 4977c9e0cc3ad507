using System.Device.Gpio;
using System.Globalization;
using Picket.Gateway.Configuration;
using Picket.Gateway.Inputs;
using Picket.Gateway.Time;

namespace Picket.Gateway.Selftest;

/// <summary>
/// <c>picket selftest</c>'s checks, from the gateway's settings: every input opens and delivers a
/// frame; the GNSS receiver has a fix and the GPIO pins open (when configured); the clock is
/// trusted; the server is reachable and accepts the credentials (hello and first ack, no batch);
/// the outbox is writable (a rolled-back write). Nothing is published and no batch is stored.
/// </summary>
public sealed class GatewaySelftest
{
    private readonly GatewaySettings _settings;
    private readonly string _softwareVersion;
    private readonly GatewayClock _clock;

    /// <summary>Creates the self-test.</summary>
    /// <param name="settings">The validated settings.</param>
    /// <param name="softwareVersion">Sent in the hello.</param>
    /// <param name="clock">The gateway clock (null: as <c>picket run</c> builds it from the settings).</param>
    public GatewaySelftest(GatewaySettings settings, string softwareVersion, GatewayClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _softwareVersion = softwareVersion;
        _clock = clock ?? (settings.TrustSystemClock ? new GatewayClock(TimeProvider.System, new TrustedSystemClockProbe()) : new GatewayClock());
    }

    /// <summary>How long each input, and the GNSS receiver, may take to deliver a frame or fix.</summary>
    public TimeSpan InputTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the server may take to answer the hello.</summary>
    public TimeSpan ServerTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Runs every check (inputs, GNSS and server at the same time) and returns one result per line, in a fixed order.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The results.</returns>
    public async Task<IReadOnlyList<SelftestResult>> RunAsync(CancellationToken cancellationToken = default)
    {
        var inputs = _settings.Inputs.Select(text => InputProbe.CheckAsync(InputSpec.Parse(text), _clock, InputTimeout, cancellationToken)).ToArray();
        var gnss = CheckGnssAsync(cancellationToken);
        var server = ServerProbe.CheckAsync(_settings, _softwareVersion, ServerTimeout, cancellationToken);
        var results = new List<SelftestResult>();
        results.AddRange(await Task.WhenAll(inputs).ConfigureAwait(false));
        // The clock is read after the GNSS receiver had its chance to vouch for it.
        results.Add(await gnss.ConfigureAwait(false));
        results.Add(CheckGpio());
        results.Add(CheckClock());
        results.Add(await server.ConfigureAwait(false));
        results.Add(OutboxProbe.Check(_settings.OutboxPath));
        return results;
    }

    /// <summary>The clock check: trusted (NTP or GNSS synchronised, or Clock:TrustSystemClock) or not.</summary>
    /// <returns>The result.</returns>
    public SelftestResult CheckClock() => _clock.IsTrustworthy
        ? SelftestResult.Pass("clock", $"trusted ({_clock.State}{(_settings.TrustSystemClock ? ", Clock:TrustSystemClock" : "")})")
        : SelftestResult.Fail("clock", "not synchronised (the kernel reports no NTP sync and there is no GNSS fix): the uplink would wait; start timesyncd/chrony, connect the GNSS receiver, or set Clock:TrustSystemClock");

    private async Task<SelftestResult> CheckGnssAsync(CancellationToken cancellationToken)
    {
        if (_settings.GnssInput is not { } text)
        {
            return SelftestResult.Skip("gnss", "no Gnss:Input");
        }

        var check = "gnss " + text;
        using var receiver = GnssSources.Create(text, _clock);
        receiver.StartReading();
        var waited = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(100);
        var status = receiver.Snapshot();
        while (status.Fix == GnssFixQuality.None && waited < InputTimeout && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(step, CancellationToken.None).ConfigureAwait(false);
            waited += step;
            status = receiver.Snapshot();
        }

        receiver.StopReading();
        var seconds = InputTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        if (status.Fix != GnssFixQuality.None)
        {
            return SelftestResult.Pass(check, string.Create(CultureInfo.InvariantCulture, $"fix {status.Fix}, {status.Satellites} satellites, HDOP {status.HdopHundredths / 100.0:0.00}"));
        }

        if (status.Sentences > 0)
        {
            return SelftestResult.Fail(check, string.Create(CultureInfo.InvariantCulture, $"no fix in {seconds} s ({status.Sentences} sentences read: the receiver is talking but has no fix; check the antenna's sky view)"));
        }

        return SelftestResult.Fail(check, $"no sentences in {seconds} s" + (receiver.LastError is { } error ? ": " + error : ""));
    }

    private SelftestResult CheckGpio()
    {
        if (_settings.Gpio is not { } gpio || (gpio.StatusLedPin < 0 && gpio.ServiceButtonPin < 0))
        {
            return SelftestResult.Skip("gpio", "no Gpio pins configured");
        }

        var check = string.Create(CultureInfo.InvariantCulture, $"gpio chip {gpio.Chip}");
        var opened = new List<string>();
        try
        {
            using var controller = new GpioController();
            if (gpio.StatusLedPin >= 0)
            {
                controller.OpenPin(gpio.StatusLedPin, PinMode.Output, PinValue.Low);
                opened.Add(string.Create(CultureInfo.InvariantCulture, $"LED pin {gpio.StatusLedPin} (output)"));
            }

            if (gpio.ServiceButtonPin >= 0)
            {
                controller.OpenPin(gpio.ServiceButtonPin, PinMode.InputPullUp);
                opened.Add(string.Create(CultureInfo.InvariantCulture, $"button pin {gpio.ServiceButtonPin} (input, value {controller.Read(gpio.ServiceButtonPin)})"));
            }

            return SelftestResult.Pass(check, "opened " + string.Join(", ", opened));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // System.Device.Gpio reports a missing chip, a busy line or a missing libgpiod with many exception types: each is this line's failure.
            var done = opened.Count == 0 ? "" : " (opened " + string.Join(", ", opened) + " first)";
            return SelftestResult.Fail(check, $"cannot open the pins{done}: {e.GetType().Name}: {e.Message} (no GPIO chip, in use by a running picket run, or not in the gpio group?)");
        }
    }
}
