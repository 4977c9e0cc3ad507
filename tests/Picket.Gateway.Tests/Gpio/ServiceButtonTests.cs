using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace Picket.Gateway.Gpio;

public sealed class ServiceButtonTests
{
    private const int Pin = 27;

    [Fact]
    public void AHeldPressRaisesOnceWhenItReachesTheLongPressTime()
    {
        var driver = new FakeGpioDriver();
        using var controller = new GpioController(driver);
        var time = new FakeTimeProvider();
        using var button = new ServiceButton(controller, Pin, TimeSpan.FromSeconds(3), time);
        var raised = 0;
        button.LongPressed += (_, _) => raised++;

        driver.SetInput(Pin, PinValue.Low);
        Step(time, TimeSpan.FromSeconds(2.9));
        Assert.Equal(0, raised);
        Step(time, TimeSpan.FromSeconds(0.2));
        Assert.Equal(1, raised);
        Step(time, TimeSpan.FromSeconds(10));
        Assert.Equal(1, raised);

        // Released and pressed again: a new press.
        driver.SetInput(Pin, PinValue.High);
        Step(time, TimeSpan.FromSeconds(0.1));
        driver.SetInput(Pin, PinValue.Low);
        Step(time, TimeSpan.FromSeconds(3.1));
        Assert.Equal(2, raised);
    }

    [Fact]
    public void ShortPressesAndBounceDoNotRaise()
    {
        var driver = new FakeGpioDriver();
        using var controller = new GpioController(driver);
        var time = new FakeTimeProvider();
        using var button = new ServiceButton(controller, Pin, TimeSpan.FromSeconds(3), time);
        var raised = 0;
        button.LongPressed += (_, _) => raised++;

        for (var i = 0; i < 20; i++)
        {
            driver.SetInput(Pin, PinValue.Low);
            Step(time, TimeSpan.FromSeconds(1));
            driver.SetInput(Pin, PinValue.High);
            Step(time, TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(0, raised);
        Assert.Equal(PinMode.InputPullUp, controller.GetPinMode(Pin));
    }

    private static void Step(FakeTimeProvider time, TimeSpan span)
    {
        for (var t = TimeSpan.Zero; t < span; t += ServiceButton.PollInterval)
        {
            time.Advance(ServiceButton.PollInterval);
        }
    }
}
