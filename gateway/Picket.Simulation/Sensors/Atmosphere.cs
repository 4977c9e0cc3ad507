namespace Picket.Simulation.Sensors;

/// <summary>
/// The day's atmosphere as an altimeter sees it: barometric (pressure) altitude differs from
/// geometric height by a temperature deviation from the ISA and a sea-level pressure away from
/// 1013.25 hPa. First-order model (ICAO Doc 8168 Vol I, 4.3 temperature correction): geometric
/// height = QNH offset + pressure altitude × (288.15 + ΔT) / 288.15, QNH offset 8.23 m (27 ft) per hPa.
/// </summary>
public sealed class Atmosphere
{
    /// <summary>ISA sea-level temperature, kelvin.</summary>
    public const double IsaSeaLevelKelvin = 288.15;

    /// <summary>ISA sea-level pressure, hPa.</summary>
    public const double IsaSeaLevelHectopascals = 1013.25;

    /// <summary>Height of one hPa near sea level, metres (27 ft).</summary>
    public const double MetresPerHectopascal = 8.23;

    /// <summary>Creates the atmosphere of a day.</summary>
    /// <param name="temperatureDeviationKelvin">Temperature minus ISA, kelvin.</param>
    /// <param name="qnhHectopascals">Sea-level pressure, hPa.</param>
    public Atmosphere(double temperatureDeviationKelvin, double qnhHectopascals)
    {
        TemperatureDeviationKelvin = temperatureDeviationKelvin;
        QnhHectopascals = qnhHectopascals;
    }

    /// <summary>The standard atmosphere: pressure altitude equals geometric height.</summary>
    public static Atmosphere Standard { get; } = new(0, IsaSeaLevelHectopascals);

    /// <summary>Temperature minus ISA, kelvin.</summary>
    public double TemperatureDeviationKelvin { get; }

    /// <summary>Sea-level pressure, hPa.</summary>
    public double QnhHectopascals { get; }

    /// <summary>Geometric height of pressure altitude 0, metres.</summary>
    public double QnhOffsetMetres => (QnhHectopascals - IsaSeaLevelHectopascals) * MetresPerHectopascal;

    /// <summary>The pressure altitude an altimeter set to 1013.25 hPa reads at <paramref name="geometricMetres"/>, metres.</summary>
    public double PressureAltitudeMetres(double geometricMetres) =>
        (geometricMetres - QnhOffsetMetres) * IsaSeaLevelKelvin / (IsaSeaLevelKelvin + TemperatureDeviationKelvin);
}
