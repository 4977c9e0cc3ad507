using Picket.Geodesy;
using Picket.Radar;

namespace Picket.Tracking;

/// <summary>
/// Heights from radar plots: Mode C as pressure altitude, a 3-D radar's measured height as
/// geometric height, and for a track with no height at all one assumed height (a slowly varying
/// ground-range bias, not fresh noise every plot): <see cref="AssumeHeight"/>,
/// <see cref="HeightAtGroundRange"/> and <see cref="ApplyPlotHeights"/>.
/// </summary>
internal sealed class RadarPlotHeights
{
    private readonly TrackerConfiguration _configuration;
    private readonly MastPlane _plane;
    private readonly MeasurementTiming _timing;
    private readonly AdsbUpdater _adsb;
    private readonly TrackerCounters _counters;

    /// <summary>Creates the role.</summary>
    /// <param name="configuration">Whether the assumed height is held; the 3-D radar's default sigmas.</param>
    /// <param name="plane">The mast plane (ground range at a height).</param>
    /// <param name="timing">Prediction and lateness.</param>
    /// <param name="adsb">Owns the pressure altitude's conversion.</param>
    /// <param name="counters">Counts saturations.</param>
    public RadarPlotHeights(TrackerConfiguration configuration, MastPlane plane, MeasurementTiming timing, AdsbUpdater adsb, TrackerCounters counters)
    {
        _configuration = configuration;
        _plane = plane;
        _timing = timing;
        _adsb = adsb;
        _counters = counters;
    }

    // A track with no height at all keeps one assumed height: the one that puts its first
    // height-less plot where the band's middle ground range is (so the track starts where it
    // always did), lowered to any later plot's band top (the elevation cap) so it stays reachable.
    public void AssumeHeight(Track track, PlotGeometry plot)
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
    public long HeightAtGroundRange(PlotGeometry plot)
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

        _counters.Saturations += saturations;
        return low + ((high - low) / 2);
    }

    public void ApplyPlotHeights(Track track, ref RadarMeasurement measurement)
    {
        // Mode C is pressure altitude (ApplyPressureAltitude owns its conversion); a 3-D radar's
        // I048/110 is a measured geometric height with the radar's own sigma, never pressure
        // altitude, never compared with Mode C.
        if (measurement.HasPressureAltitude)
        {
            _adsb.ApplyPressureAltitude(track, measurement.PressureAltitudeFeet, measurement.TimeUnixMicroseconds);
        }

        if (measurement.HasHeight)
        {
            int sigma = measurement.SigmaHeightMillimetres > 0 ? measurement.SigmaHeightMillimetres : _configuration.RadarHeightSigmaMillimetres;
            ApplyGeometricHeight(track, TrackerUnits.FeetToMetres(measurement.HeightFeet), TrackerUnits.VarianceFromSigmaMillimetres(sigma), measurement.TimeUnixMicroseconds);
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
            track.Filter.InitialiseVertical(heightMetres, variance, 0, TrackerUnits.VarianceFromSigmaMillimetres(_configuration.InitialVerticalRateSigmaMillimetresPerSecond));
        }
        else if (track.Filter.TimeMicroseconds == time || _timing.PrepareFilter(track, time, out _))
        {
            track.Filter.UpdateHeight(heightMetres, variance);
        }
    }
}
