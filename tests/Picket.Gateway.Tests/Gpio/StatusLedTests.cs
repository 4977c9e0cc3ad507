using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace Picket.Gateway.Gpio;

public sealed class StatusLedTests
{
    private const int Pin = 17;

    [Theory]
    [InlineData(LedState.Healthy, "11111111")]
    [InlineData(LedState.Storing, "11110000")]
    [InlineData(LedState.NoInput, "10101010")]
    [InlineData(LedState.ClockUntrusted, "10100000")]
    [InlineData(LedState.Fault, "10000000")]
    public void EachStateBlinksItsPatternInEighthsOfASecond(LedState state, string expected)
    {
        var driver = new FakeGpioDriver();
        using var controller = new GpioController(driver);
        var time = new FakeTimeProvider();
        using var led = new StatusLed(controller, Pin, time) { State = state };
        lock (driver.Writes)
        {
            driver.Writes.Clear();
        }

        // Two whole seconds: the pattern repeats.
        for (var i = 0; i < 16; i++)
        {
            time.Advance(StatusLed.SlotLength);
        }

        var written = string.Concat(driver.Writes.Select(w => w.Value == PinValue.High ? '1' : '0'));
        Assert.All(driver.Writes, w => Assert.Equal(Pin, w.Pin));
        Assert.Equal(expected + expected, written);
    }

    [Fact]
    public void DisposeLeavesTheLedOffAndThePinClosed()
    {
        var driver = new FakeGpioDriver();
        using var controller = new GpioController(driver);
        var time = new FakeTimeProvider();
        var led = new StatusLed(controller, Pin, time) { State = LedState.Healthy };
        time.Advance(StatusLed.SlotLength);
        led.Dispose();
        Assert.Equal(PinValue.Low, driver.Writes[^1].Value);
        Assert.False(driver.IsOpen(Pin));
        var count = driver.Writes.Count;
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(count, driver.Writes.Count);
    }
}
