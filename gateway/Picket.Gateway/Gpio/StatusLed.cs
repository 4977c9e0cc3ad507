using System.Device.Gpio;

namespace Picket.Gateway.Gpio;

/// <summary>
/// Drives the status LED: each <see cref="LedState"/> is an on/off pattern of eight 125 ms slots
/// repeated every second, so a technician can read the gateway's state from the ground.
/// </summary>
public sealed class StatusLed : IDisposable
{
    /// <summary>One slot of the pattern.</summary>
    public static readonly TimeSpan SlotLength = TimeSpan.FromMilliseconds(125);

    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private LedState _state = LedState.ClockUntrusted;
    private int _slot;
    private bool _disposed;

    /// <summary>Opens <paramref name="pin"/> as an output and starts the pattern.</summary>
    /// <param name="controller">The GPIO controller (a fake driver's in tests).</param>
    /// <param name="pin">The LED's pin, logical numbering.</param>
    /// <param name="timeProvider">The clock driving the pattern.</param>
    public StatusLed(GpioController controller, int pin, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _controller = controller;
        _pin = pin;
        _controller.OpenPin(pin, PinMode.Output, PinValue.Low);
        _timer = timeProvider.CreateTimer(_ => Step(), null, SlotLength, SlotLength);
    }

    /// <summary>The state shown; the pattern restarts at its first slot when it changes.</summary>
    public LedState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }

        set
        {
            lock (_gate)
            {
                if (_state != value)
                {
                    _state = value;
                    _slot = 0;
                }
            }
        }
    }

    /// <summary>The pattern of a state: bit 7 is the first slot, 1 = on.</summary>
    /// <param name="state">The state.</param>
    /// <returns>Eight slots.</returns>
    public static byte PatternOf(LedState state) => state switch
    {
        LedState.Healthy => 0b1111_1111,
        LedState.Storing => 0b1111_0000,
        LedState.NoInput => 0b1010_1010,
        LedState.ClockUntrusted => 0b1010_0000,
        LedState.Selftest => 0b1110_1110,
        LedState.SelftestPassed => 0b1111_1110,
        LedState.SelftestFailed => 0b1100_1100,
        _ => 0b1000_0000,
    };

    /// <summary>Stops the pattern and turns the LED off.</summary>
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
        _controller.Write(_pin, PinValue.Low);
        _controller.ClosePin(_pin);
    }

    private void Step()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var on = (PatternOf(_state) & (0x80 >> _slot)) != 0;
            _slot = (_slot + 1) & 7;
            _controller.Write(_pin, on ? PinValue.High : PinValue.Low);
        }
    }
}
