using System.Globalization;

namespace Picket.Gateway.Health;

/// <summary>The SoC temperature from the kernel's thermal zone (a Raspberry Pi's <c>cpu-thermal</c> is zone 0).</summary>
public static class CpuTemperature
{
    /// <summary>The default sysfs file, in milli-degrees Celsius.</summary>
    public const string DefaultPath = "/sys/class/thermal/thermal_zone0/temp";

    /// <summary>Reads the temperature, or null when the board has no such sensor.</summary>
    /// <param name="path">The sysfs file.</param>
    /// <returns>Degrees Celsius, or null.</returns>
    public static double? Read(string path = DefaultPath)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milli) ? milli / 1000.0 : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
