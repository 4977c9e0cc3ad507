using System.Device.Gpio;

namespace Picket.Gateway.Gpio;

/// <summary>
/// The service button: an input with the internal pull-up, pressed = low. Held for
/// <c>longPress</c> it raises <see cref="LongPressed"/> once (while still held, so the LED can
/// answer at once); it is polled every 50 ms, which also debounces it.
/// </summary>
public sealed class ServiceButton : IDisposable
{
    /// <summary>How often the pin is read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly TimeSpan _longPress;
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private long _pressedSince = -1;
    private bool _fired;
    private bool _disposed;

    /// <summary>Opens <paramref name="pin"/> as an input with pull-up and starts polling.</summary>
    /// <param name="controller">The GPIO controller.</param>
    /// <param name="pin">The button's pin, logical numbering.</param>
    /// <param name="longPress">How long a press starts the selftest.</param>
    /// <param name="timeProvider">The clock.</param>
    public ServiceButton(GpioController controller, int pin, TimeSpan longPress, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _controller = controller;
        _pin = pin;
        _longPress = longPress;
        _timeProvider = timeProvider;
        _controller.OpenPin(pin, PinMode.InputPullUp);
        _timer = timeProvider.CreateTimer(_ => Poll(), null, PollInterval, PollInterval);
    }

    /// <summary>Raised once per press held at least the long-press time.</summary>
    public event EventHandler? LongPressed;

    /// <summary>Stops polling and releases the pin.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _timer.Dispose();
        _controller.ClosePin(_pin);
    }

    private void Poll()
    {
        bool fire;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _timeProvider.GetTimestamp();
            if (_controller.Read(_pin) == PinValue.High)
            {
                _pressedSince = -1;
                _fired = false;
                return;
            }

            if (_pressedSince < 0)
            {
                _pressedSince = now;
            }

            fire = !_fired && _timeProvider.GetElapsedTime(_pressedSince, now) >= _longPress;
            _fired |= fire;
        }

        if (fire)
        {
            LongPressed?.Invoke(this, EventArgs.Empty);
        }
    }
}
