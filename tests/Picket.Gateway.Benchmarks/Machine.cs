using System.Globalization;

namespace Picket.Gateway.Benchmarks;

/// <summary>What the machine was doing: printed with every set of figures.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var load = File.ReadAllText("/proc/loadavg").Split(' ');
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {os ?? "Linux"}, load average {load[0]} {load[1]} {load[2]}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    }
}
