using System.Globalization;
using Picket.Tracking.Registration;

namespace Picket.Cli.Verbs.Track;

/// <summary>One line on what the tracker learned of each radar from ADS-B-fed aircraft, one on what it learned from plot differences, one on the ADS-B latency.</summary>
internal static class RegistrationSummary
{
    public static string Format(RadarRegistration registration)
    {
        var parts = new List<string>();
        for (var slot = 0; slot < registration.Capacity; slot++)
        {
            if (registration.InnovationSamples(slot) > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"radar {slot} from track innovations: {registration.InnovationSamples(slot)} samples, range sigma {registration.InnovationRangeSigmaMillimetres(slot) / 1000.0:F1} m, azimuth sigma {registration.InnovationAzimuthSigmaMicrodegrees(slot) / 1e6:F3} deg"));
            }

            if (registration.Samples(slot) == 0)
            {
                continue;
            }

            parts.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"radar {slot}: {registration.Samples(slot)} residuals{(registration.HasEstimate(slot) ? "" : " (too few, not used)")}, range bias {registration.RangeBiasMillimetres(slot) / 1000.0:F1} m, sigma {registration.RangeSigmaMillimetres(slot) / 1000.0:F1} m, azimuth bias {registration.AzimuthBiasMicrodegrees(slot) / 1e6:F3} deg, sigma {registration.AzimuthSigmaMicrodegrees(slot) / 1e6:F3} deg"));
        }

        return "radar registration against ADS-B: " + (parts.Count == 0 ? "no residuals" : string.Join("; ", parts)) + string.Create(CultureInfo.InvariantCulture, $"; {registration.GrossErrors} gross residuals ignored");
    }

    public static string Format(AdsbLatency latency) =>
        string.Create(CultureInfo.InvariantCulture, $"ADS-B latency from radar plots: {latency.Samples} plots, {(latency.HasEstimate ? $"{latency.Microseconds / 1000.0:F0} ms" : "not yet known (not applied)")}");

    public static string Format(PlotDifferenceNoise differences)
    {
        var parts = new List<string>();
        for (var slot = 0; slot < differences.Capacity; slot++)
        {
            if (differences.RangeSamples(slot) > 0 || differences.AzimuthSamples(slot) > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"radar {slot}: {differences.RangeSamples(slot)}/{differences.AzimuthSamples(slot)} samples, range sigma {differences.RangeSigmaMillimetres(slot) / 1000.0:F1} m, azimuth sigma {differences.AzimuthSigmaMicrodegrees(slot) / 1e6:F3} deg"));
            }
        }

        return "radar noise from plot differences: " + (parts.Count == 0 ? "no samples" : string.Join("; ", parts));
    }
}
