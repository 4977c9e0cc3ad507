using Picket.Geodesy;
using Picket.Numerics;
using Picket.Publishing;

namespace Picket.Tracking;

/// <summary>
/// The reporter: a <see cref="TrackReport"/> from a track's filter and identity (plane → WGS84,
/// covariance → sigmas and correlations, counters → quality), handed to the output. A report
/// predicted past the estimate (a periodic report at data time) is predicted in a copy: the
/// track's own filter stays at its last measurement, so a plot that arrives after the data time
/// passed it (a radar's sector batch behind the Mode S clock, or the tracker's own batch) still
/// meets the track at the plot's time. A track's reports never go back in time. One report
/// struct and one scratch filter, reused: no allocation per report.
/// </summary>
public sealed class TrackReporter
{
    private readonly MastPlane _plane;
    private readonly ITrackerOutput _output;
    private readonly Filter.TrackFilter _predicted = new Filter.TrackFilter();
    private TrackReport _report;

    /// <summary>Creates the reporter.</summary>
    /// <param name="plane">The mast plane the tracks live in.</param>
    /// <param name="output">Receives the reports.</param>
    public TrackReporter(MastPlane plane, ITrackerOutput output)
    {
        if (plane == null || output == null)
        {
            throw new System.ArgumentNullException(nameof(plane), "Plane and output are required.");
        }

        _plane = plane;
        _output = output;
    }

    /// <summary>Reports a track with a status at its estimate's time (or its last report's, if later) and marks it reported.</summary>
    /// <param name="track">The track.</param>
    /// <param name="status">The status to report (a dropped track is reported <c>Dropped</c>).</param>
    /// <param name="nowMicroseconds">Data time, UTC µs (the track's age counts to it).</param>
    public void Report(Track track, TrackStatus status, long nowMicroseconds) => Report(track, status, nowMicroseconds, track.Filter.TimeMicroseconds);

    /// <summary>
    /// Reports a track with a status predicted to a time, and marks it reported. The report's time
    /// is the latest of that time, the estimate's and the track's last report's; the track's
    /// filter is not changed.
    /// </summary>
    /// <param name="track">The track.</param>
    /// <param name="status">The status to report.</param>
    /// <param name="nowMicroseconds">Data time, UTC µs (the track's age counts to it).</param>
    /// <param name="atMicroseconds">The time to report the track at, UTC µs.</param>
    public void Report(Track track, TrackStatus status, long nowMicroseconds, long atMicroseconds)
    {
        int saturations = 0;
        Filter.TrackFilter filter = track.Filter;
        long at = atMicroseconds > track.LastReportMicroseconds ? atMicroseconds : track.LastReportMicroseconds;
        if (at > filter.TimeMicroseconds)
        {
            _predicted.CopyFrom(filter);
            _predicted.Predict(at);
            filter = _predicted;
        }

        long[] mean = filter.Horizontal.Mean;
        _report = default(TrackReport);
        _report.TrackId = track.TrackId;
        _report.Status = status;
        _report.TimeUnixMicroseconds = filter.TimeMicroseconds;
        _plane.ToGeodetic(mean[0], mean[1], out long latitude, out long longitude, ref saturations);
        _report.LatitudeE7 = (int)Q2x61.ToDegreesE7(latitude, ref saturations);
        _report.LongitudeE7 = (int)Q2x61.ToDegreesE7(longitude, ref saturations);
        _plane.VelocityToGeodetic(latitude, longitude, filter.HeightOrZero, mean[2], mean[3], out long velocityEast, out long velocityNorth, ref saturations);
        _report.VelocityEastMillimetresPerSecond = (int)Q31x32.ToScaledInteger(velocityEast, 1000, ref saturations);
        _report.VelocityNorthMillimetresPerSecond = (int)Q31x32.ToScaledInteger(velocityNorth, 1000, ref saturations);
        _report.PositionSigmaEastMillimetres = SigmaMillimetres(filter.Horizontal.CovarianceAt(0, 0));
        _report.PositionSigmaNorthMillimetres = SigmaMillimetres(filter.Horizontal.CovarianceAt(1, 1));
        _report.PositionCorrelationPpm = CorrelationPpm(filter.Horizontal.CovarianceAt(0, 0), filter.Horizontal.CovarianceAt(1, 1), filter.Horizontal.CovarianceAt(0, 1));
        _report.VelocitySigmaEastMillimetresPerSecond = SigmaMillimetres(filter.Horizontal.CovarianceAt(2, 2));
        _report.VelocitySigmaNorthMillimetresPerSecond = SigmaMillimetres(filter.Horizontal.CovarianceAt(3, 3));
        _report.VelocityCorrelationPpm = CorrelationPpm(filter.Horizontal.CovarianceAt(2, 2), filter.Horizontal.CovarianceAt(3, 3), filter.Horizontal.CovarianceAt(2, 3));
        if (filter.HasVertical)
        {
            // The vertical channel carries geometric height (converted from Mode C / ADS-B
            // barometric pressure altitude) or a 3-D radar's height; published as the height, the
            // last pressure altitude alongside.
            _report.HasHeight = true;
            _report.HeightMillimetres = (int)Q31x32.ToScaledInteger(filter.Vertical.Mean[0], 1000, ref saturations);
            _report.VelocityUpMillimetresPerSecond = (int)Q31x32.ToScaledInteger(filter.Vertical.Mean[1], 1000, ref saturations);
            _report.PositionSigmaUpMillimetres = SigmaMillimetres(filter.Vertical.CovarianceAt(0, 0));
            _report.VelocitySigmaUpMillimetresPerSecond = SigmaMillimetres(filter.Vertical.CovarianceAt(1, 1));
        }

        if (track.HasPressureAltitude)
        {
            _report.HasBarometricAltitude = true;
            _report.BarometricAltitudeMillimetres = (int)(track.PressureAltitudeFeet * 3048L / 10);
        }

        _report.Sources = track.Sources;
        _report.HasIcaoAddress = track.HasIcaoAddress;
        _report.IcaoAddress = track.IcaoAddress;
        _report.Callsign = track.Callsign;
        _report.HasMode3ACode = track.HasMode3A;
        _report.Mode3ACode = track.Mode3A;
        _report.EmitterCategory = track.EmitterCategory;
        _report.Cooperative = track.Cooperative;
        _report.UpdateCount = track.UpdateCount;
        _report.MissedCount = (uint)track.Misses;
        _report.AdsbUpdateCount = track.AdsbUpdateCount;
        _report.RadarUpdateCount = track.RadarUpdateCount;
        _report.AgeMilliseconds = (nowMicroseconds - track.BornMicroseconds) / 1000;
        _report.AdsbRadarDisagreementCount = track.AdsbRadarDisagreementCount;
        _report.PossibleMaskingCount = track.PossibleMaskingCount;
        long milli = Q31x32.ToScaledInteger(track.LastNis, 1000, ref saturations);
        _report.LastInnovationMilli = milli < 0 ? 0 : milli > uint.MaxValue ? uint.MaxValue : (uint)milli;
        track.LastReportMicroseconds = filter.TimeMicroseconds;
        track.LastReportPeriodic = false;
        track.ReportedStatus = status;
        _output.OnTrackReport(ref _report);
    }

    // One-sigma in mm (or mm/s) from a Q39.24 variance.
    private static uint SigmaMillimetres(long variance)
    {
        int saturations = 0;
        long sigma = FixedPoint.SquareRoot(variance, Q39x24.FractionBits, ref saturations);
        long millimetres = FixedPoint.MultiplyShift(sigma, 1000, Q39x24.FractionBits, ref saturations);
        return millimetres > uint.MaxValue ? uint.MaxValue : (uint)millimetres;
    }

    private static int CorrelationPpm(long first, long second, long cross)
    {
        int saturations = 0;
        long sigmaFirst = FixedPoint.SquareRoot(first, Q39x24.FractionBits, ref saturations);
        long sigmaSecond = FixedPoint.SquareRoot(second, Q39x24.FractionBits, ref saturations);
        long product = FixedPoint.MultiplyShift(sigmaFirst, sigmaSecond, Q39x24.FractionBits, ref saturations);
        if (product <= 0)
        {
            return 0;
        }

        long ratio = FixedPoint.DivideShift(cross, product, 30, ref saturations);
        return (int)FixedPoint.MultiplyShift(ratio, 1_000_000, 30, ref saturations);
    }
}
