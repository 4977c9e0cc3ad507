using Picket.Geodesy;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;
using Picket.Tracking.Height;

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
    // Above this manoeuvre probability (Q2.61) a track's plots say nothing of its height.
    private readonly long _frozenManoeuvreProbability;

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
        int saturations = 0;
        _frozenManoeuvreProbability = FixedPoint.DivideShift(configuration.HeightFrozenManoeuvreProbabilityPerMille, 1000, Q2x61.FractionBits, ref saturations);
        _counters.Saturations += saturations;
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
        else if (track.AssumedHeight > HeightCapOf(track, plot))
        {
            track.AssumedHeight = HeightCapOf(track, plot);
        }
    }

    // The highest height a height-less plot may be placed with: the elevation cap of the band
    // (an assumption), or, once the plots have chosen the track's height, the geometric one (the
    // slant range above the radar, less a metre): a target may fly above the assumed band.
    public static long HeightCapOf(Track track, PlotGeometry plot) =>
        track.Heights.Chosen ? plot.RadarHeight + plot.SlantRange - Q31x32.One : plot.BandTop;

    // A height-less plot nearer the radar than a track's chosen height allows (its slant range
    // shorter than that height above the radar by more than BelowChosenHeightSpacings candidate
    // spacings) cannot be that target.
    public bool BelowChosenHeight(Track track, PlotGeometry plot) =>
        _configuration.BelowChosenHeightSpacings > 0 && !plot.HasOwnHeight && !track.Filter.HasVertical && track.HasAssumedHeight && track.Heights.Chosen
        && plot.SlantRange + (_configuration.BelowChosenHeightSpacings * track.Heights.Spacing) < track.AssumedHeight - plot.RadarHeight;

    // The held height of a track with no height follows its plot sequence (HeightHypotheses):
    // when the likelihood-ratio test moves it, the track moves by the ground-range difference
    // along the plot's ray (and the velocity difference of the two candidates' trajectories), and
    // its covariance widens by the ground-range spread of one candidate spacing.
    public void EstimateHeight(Track track, PlotGeometry plot, long timeMicroseconds)
    {
        if (!_configuration.EstimateAssumedHeight || !track.HasAssumedHeight || plot.HasOwnHeight || track.Filter.HasVertical)
        {
            return;
        }

        HeightHypotheses heights = track.Heights;
        if (heights.Count == 0)
        {
            heights.Start(Q31x32.FromInteger(_configuration.AssumedLowestHeightMetres), Q31x32.FromInteger(_configuration.AssumedHighestHeightMetres), _configuration.HeightCandidateCount);
        }

        bool observed = heights.Observe(_plane, _configuration, timeMicroseconds, plot.RadarEast, plot.RadarNorth, plot.RadarHeight, plot.SlantRange, plot.Sine, plot.Cosine, plot.BaseRangeVariance, plot.CrossRangeVariance, plot.GroundRange);
        _counters.Saturations += heights.TakeSaturations();
        // A tentative track's plots may be clutter: it only gathers evidence. A manoeuvre bends
        // every candidate's trajectory alike (HeightFrozenManoeuvreProbabilityPerMille: by
        // default the height moves through it all the same).
        if (!observed || track.Status == TrackStatus.Tentative || track.Filter.ManoeuvreProbability > _frozenManoeuvreProbability || !heights.TryChoose(_configuration, track.AssumedHeight, out long height, out int held, out int best))
        {
            return;
        }

        int saturations = 0;
        long cap = plot.RadarHeight + plot.SlantRange - Q31x32.One;
        long from = track.AssumedHeight < cap ? track.AssumedHeight : cap;
        long to = height < cap ? height : cap;
        long half = heights.Spacing / 2;
        long shift = 0;
        long spread = 0;
        if (_plane.TryGroundRange(plot.SlantRange, plot.RadarHeight, from, plot.Sine, plot.Cosine, out long before, ref saturations)
            && _plane.TryGroundRange(plot.SlantRange, plot.RadarHeight, to, plot.Sine, plot.Cosine, out long after, ref saturations))
        {
            shift = after - before;
            long upper = to + half < cap ? to + half : cap;
            if (_plane.TryGroundRange(plot.SlantRange, plot.RadarHeight, to - half, plot.Sine, plot.Cosine, out long lowEdge, ref saturations)
                && _plane.TryGroundRange(plot.SlantRange, plot.RadarHeight, upper, plot.Sine, plot.Cosine, out long highEdge, ref saturations))
            {
                spread = lowEdge - highEdge;
            }
        }

        long east = FixedPoint.MultiplyShift(shift, plot.Sine, Q2x61.FractionBits, ref saturations);
        long north = FixedPoint.MultiplyShift(shift, plot.Cosine, Q2x61.FractionBits, ref saturations);
        // A uniform height within one spacing: the ground-range spread²/12 (Q31.32² >> 40 is Q39.24).
        long variance = FixedPoint.MultiplyShift(spread, spread, 40, ref saturations) / 12;
        track.Filter.Shift(east, north, heights.VelocityEastOf(best) - heights.VelocityEastOf(held), heights.VelocityNorthOf(best) - heights.VelocityNorthOf(held), plot.Sine, plot.Cosine, variance);
        track.AssumedHeight = height;
        _counters.Saturations += saturations;
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
