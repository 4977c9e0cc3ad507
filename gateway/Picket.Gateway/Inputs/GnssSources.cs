using Picket.Gateway.Time;

namespace Picket.Gateway.Inputs;

/// <summary>
/// <c>Gnss:Input</c> into its <see cref="IGnssSource"/>: <c>gpsd[:HOST[:PORT]]</c> for gpsd,
/// else an NMEA input spec (<c>nmea:serial:/dev/ttyAMA0:9600</c>, <c>nmea:tcp:HOST:PORT</c>).
/// </summary>
public static class GnssSources
{
    /// <summary>Checks a <c>Gnss:Input</c> value.</summary>
    /// <param name="text">The value.</param>
    /// <param name="error">Why it is not valid, or null.</param>
    /// <returns>True when valid.</returns>
    public static bool TryValidate(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (GpsdClient.IsGpsd(text))
        {
            return GpsdClient.TryParse(text, out _, out _, out error);
        }

        if (!InputSpec.TryParse(text, out var spec, out error))
        {
            return false;
        }

        if (spec.Format != InputFormat.Nmea)
        {
            error = $"a GNSS source is gpsd[:HOST[:PORT]] or an nmea input (e.g. nmea:serial:/dev/ttyAMA0:9600), not {spec.Format.ToString().ToLowerInvariant()}";
            return false;
        }

        return true;
    }

    /// <summary>Creates the source (not started).</summary>
    /// <param name="text">A valid <c>Gnss:Input</c> value.</param>
    /// <param name="clock">The gateway clock.</param>
    /// <returns>The source.</returns>
    public static IGnssSource Create(string text, GatewayClock clock)
    {
        ArgumentNullException.ThrowIfNull(text);
        return GpsdClient.IsGpsd(text) ? new GpsdClient(text, clock) : new GnssReceiver(InputSpec.Parse(text), clock);
    }
}
