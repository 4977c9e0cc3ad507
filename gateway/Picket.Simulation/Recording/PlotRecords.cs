using Picket.Asterix;
using Picket.Simulation.Events;

namespace Picket.Simulation.Recording;

/// <summary>
/// Turns simulated radar plots and north markers into CAT048 / CAT034 records with the
/// specification's LSBs (CAT048 Part 4, CAT034 Part 2b): RHO 1/256 NM, THETA 360/2^16 degree,
/// time of day 1/128 s, flight level 1/4 FL, 3-D height 25 ft.
/// </summary>
internal static class PlotRecords
{
    private const double MetresPerNauticalMile = 1852;
    private const double FeetPerMetre = 1 / 0.3048;

    public static Cat048Record TargetReport(RadarPlotEvent plot, int sac, int sic, int timeOfDay128)
    {
        var record = new Cat048Record
        {
            HasDataSource = true,
            Sac = sac,
            Sic = sic,
            HasTimeOfDay = true,
            TimeOfDay128 = timeOfDay128,
            HasDescriptor = true,
            ReportType = ReportType(plot),
            HasPolarPosition = true,
            Rho256 = (int)Math.Min(Math.Round(plot.SlantRangeMetres / MetresPerNauticalMile * 256), 0xFFFF),
            Theta = (int)Math.Round(plot.AzimuthDegrees / 360 * 65536) & 0xFFFF,
        };
        if (plot.Mode3A >= 0)
        {
            record.HasMode3A = true;
            record.Mode3A = plot.Mode3A;
        }

        if (!double.IsNaN(plot.PressureAltitudeFeet))
        {
            record.HasFlightLevel = true;
            record.FlightLevelQuarters = (int)Math.Round(plot.PressureAltitudeFeet / 25);
        }

        if (!double.IsNaN(plot.HeightMetres))
        {
            record.HasHeight3D = true;
            record.Height3D25Feet = Math.Clamp((int)Math.Round(plot.HeightMetres * FeetPerMetre / 25), -8192, 8191);
        }

        if (plot.Icao != 0)
        {
            record.HasAircraftAddress = true;
            record.AircraftAddress = plot.Icao;
        }

        if (plot.Callsign is { } callsign && Ia5Callsign.TryPack(callsign, out var packed))
        {
            record.HasIdentification = true;
            record.Identification = packed;
        }

        return record;
    }

    public static Cat034Record NorthMarker(int sac, int sic, int timeOfDay128, double scanPeriodSeconds) => new()
    {
        HasDataSource = true,
        Sac = sac,
        Sic = sic,
        HasMessageType = true,
        MessageType = Cat034MessageType.NorthMarker,
        HasTimeOfDay = true,
        TimeOfDay128 = timeOfDay128,
        HasAntennaRotationPeriod = true,
        AntennaRotationPeriod128 = (int)Math.Round(scanPeriodSeconds * 128),
    };

    /// <summary>I048/020 TYP from what answered: the primary echo, an SSR reply, a Mode S roll-call reply.</summary>
    private static TargetReportType ReportType(RadarPlotEvent plot)
    {
        if (!plot.Secondary)
        {
            return TargetReportType.Psr;
        }

        if (plot.Icao != 0)
        {
            return plot.Primary ? TargetReportType.ModeSRollCallPsr : TargetReportType.ModeSRollCall;
        }

        return plot.Primary ? TargetReportType.SsrPsr : TargetReportType.Ssr;
    }
}
