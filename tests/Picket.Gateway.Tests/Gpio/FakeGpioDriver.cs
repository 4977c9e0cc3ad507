using System.Device.Gpio;

namespace Picket.Gateway.Gpio;

/// <summary>A GPIO driver with no hardware behind it: records every write, and lets a test set what an input reads.</summary>
internal sealed class FakeGpioDriver : GpioDriver
{
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _values = [];

    public List<(int Pin, PinValue Value)> Writes { get; } = [];

    protected override int PinCount => 64;

    public void SetInput(int pin, PinValue value)
    {
        lock (_values)
        {
            _values[pin] = value;
        }
    }

    public bool IsOpen(int pin) => _modes.ContainsKey(pin);

    protected override void OpenPin(int pinNumber) => _modes[pinNumber] = PinMode.Input;

    protected override void ClosePin(int pinNumber) => _modes.Remove(pinNumber);

    protected override void SetPinMode(int pinNumber, PinMode mode) => _modes[pinNumber] = mode;

    protected override PinMode GetPinMode(int pinNumber) => _modes[pinNumber];

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber)
    {
        lock (_values)
        {
            // A pulled-up input reads high until something pulls it low.
            return _values.TryGetValue(pinNumber, out var value) ? value : PinValue.High;
        }
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        lock (Writes)
        {
            Writes.Add((pinNumber, value));
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException();

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException();
}
