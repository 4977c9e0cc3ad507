using Picket.Radar;

namespace Picket.Tracking;

// Heights from radar plots: Mode C as pressure altitude, a 3-D radar's measured height as
// geometric height, and for a track with no height at all one assumed height (a slowly varying
// ground-range bias, not fresh noise every plot).
public sealed partial class Tracker
{
    // A track with no height at all keeps one assumed height: the one that puts its first
    // height-less plot where the band's middle ground range is (so the track starts where it
    // always did), lowered to any later plot's band top (the elevation cap) so it stays reachable.
    private void AssumeHeight(Track track, PlotGeometry plot)
    {
        if (!_configuration.HoldAssumedHeight || plot.HasOwnHeight || track.Filter.HasVertical)
        {
            return;
        }

        if (!track.HasAssumedHeight)
        {
            track.HasAssumedHeight = true;
            track.AssumedHeight = HeightAtGroundRange(plot);
        }
        else if (track.AssumedHeight > plot.BandTop)
        {
            track.AssumedHeight = plot.BandTop;
        }
    }

    // Bisection over the plot's band for the height whose ground range is the plot's (ground
    // range falls as height rises); 24 halvings leave well under a metre of a 12 km band.
    private long HeightAtGroundRange(PlotGeometry plot)
    {
        int saturations = 0;
        long low = plot.BandLowest;
        long high = plot.BandTop;
        for (int i = 0; i < 24; i++)
        {
            long middle = low + ((high - low) / 2);
            if (!_plane.TryGroundRange(plot.SlantRange, plot.RadarHeight, middle, plot.Sine, plot.Cosine, out long ground, ref saturations) || ground < plot.GroundRange)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        Counters.Saturations += saturations;
        return low + ((high - low) / 2);
    }

    private void ApplyPlotHeights(Track track, ref RadarMeasurement measurement)
    {
        // Mode C is pressure altitude (ApplyPressureAltitude owns its conversion); a 3-D radar's
        // I048/110 is a measured geometric height with the radar's own sigma, never pressure
        // altitude, never compared with Mode C.
        if (measurement.HasPressureAltitude)
        {
            ApplyPressureAltitude(track, measurement.PressureAltitudeFeet, measurement.TimeUnixMicroseconds);
        }

        if (measurement.HasHeight)
        {
            int sigma = measurement.SigmaHeightMillimetres > 0 ? measurement.SigmaHeightMillimetres : _configuration.RadarHeightSigmaMillimetres;
            ApplyGeometricHeight(track, FeetToMetres(measurement.HeightFeet), VarianceFromSigmaMillimetres(sigma), measurement.TimeUnixMicroseconds);
        }
    }

    /// <summary>
    /// A measured geometric height (3-D radar, I048/110: above mean sea level, taken as above the
    /// ellipsoid, see PlotGeometry) into the filter's height, which is geometric. Never touches
    /// the track's pressure altitude.
    /// </summary>
    private void ApplyGeometricHeight(Track track, long heightMetres, long variance, long time)
    {
        if (!track.Filter.HasVertical)
        {
            track.Filter.InitialiseVertical(heightMetres, variance, 0, VarianceFromSigmaMillimetres(_configuration.InitialVerticalRateSigmaMillimetresPerSecond));
        }
        else if (track.Filter.TimeMicroseconds == time || PrepareFilter(track, time, out _))
        {
            track.Filter.UpdateHeight(heightMetres, variance);
        }
    }
}
