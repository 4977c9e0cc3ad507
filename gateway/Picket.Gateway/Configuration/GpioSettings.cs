namespace Picket.Gateway.Configuration;

/// <summary>The status LED and the service button (<c>Gpio:*</c>), in the GPIO controller's logical (BCM) numbering.</summary>
public sealed class GpioSettings
{
    /// <summary>The gpiochip number (<c>Gpio:Chip</c>; 0 on a Pi 4, 4 on a Pi 5 for the header).</summary>
    public int Chip { get; init; }

    /// <summary>The status LED's pin (<c>Gpio:StatusLedPin</c>), or -1 for none.</summary>
    public int StatusLedPin { get; init; } = -1;

    /// <summary>The service button's pin (<c>Gpio:ServiceButtonPin</c>), pulled up, pressed = low; -1 for none.</summary>
    public int ServiceButtonPin { get; init; } = -1;

    /// <summary>How long a press must be to start the selftest (<c>Gpio:LongPressMilliseconds</c>).</summary>
    public TimeSpan LongPress { get; init; } = TimeSpan.FromSeconds(3);
}
