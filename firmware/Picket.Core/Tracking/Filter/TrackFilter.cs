using Picket.Numerics;

namespace Picket.Tracking.Filter;

/// <summary>
/// The fixed-point Kalman filter of one track: a horizontal nearly-constant-velocity channel
/// (east, north, v_east, v_north) in the mast plane and a separate vertical channel (height,
/// v_up). Time is integer microseconds; every value is an integer (see <see cref="Q31x32"/>,
/// <see cref="Q39x24"/>, <see cref="Q2x61"/>), so every host computes the same bits. All arrays
/// are allocated by the constructor; predict and update allocate nothing.
/// <para>
/// Updates return the normalised innovation squared (NIS, ν²/s, Q31.32) for gating. To gate
/// without committing, <see cref="CopyFrom"/> into a scratch filter and update that.
/// </para>
/// </summary>
public sealed class TrackFilter
{
    /// <summary>Default horizontal position variance floor, Q39.24 m² (0.01 m², a 10 cm sigma).</summary>
    public const long DefaultPositionVarianceFloor = Q39x24.One / 100;

    /// <summary>Default velocity variance floor, Q39.24 m²/s² (1e-4, a 1 cm/s sigma).</summary>
    public const long DefaultVelocityVarianceFloor = Q39x24.One / 10_000;

    private readonly long[] _scratchMatrix = new long[16];
    private readonly long[] _covarianceColumn = new long[4];
    private readonly long[] _gain = new long[4];
    private readonly long[] _horizontalFloors = new long[4];
    private readonly long[] _verticalFloors = new long[2];
    private readonly InteractingMultipleModelFilter _modes = new InteractingMultipleModelFilter(0, 0, 0, 0);
    private bool _manoeuvring;
    private int _saturations;

    /// <summary>Creates an uninitialised filter (call <see cref="Initialise"/>).</summary>
    public TrackFilter()
    {
        Horizontal = new GaussianEstimate(2);
        Vertical = new GaussianEstimate(1);
        SetVarianceFloors(DefaultPositionVarianceFloor, DefaultVelocityVarianceFloor);
    }

    /// <summary>Horizontal channel: (east, north, v_east, v_north) in the mast plane.</summary>
    public GaussianEstimate Horizontal { get; }

    /// <summary>Vertical channel: (height, v_up); meaningful when <see cref="HasVertical"/>.</summary>
    public GaussianEstimate Vertical { get; }

    /// <summary>True once the vertical channel has been initialised.</summary>
    public bool HasVertical { get; private set; }

    /// <summary>
    /// The vertical channel's geometric height, Q31.32 m, or 0 before it has one: the height a
    /// velocity is converted at between the aircraft and the mast plane's ground.
    /// </summary>
    public long HeightOrZero => HasVertical ? Vertical.Mean[0] : 0;

    /// <summary>Time of the estimate, microseconds (any epoch the caller keeps consistent).</summary>
    public long TimeMicroseconds { get; private set; }

    /// <summary>Process noise class.</summary>
    public TargetClass TargetClass { get; set; }

    /// <summary>
    /// Number of saturated operations and refused updates since initialisation. Zero in normal
    /// operation; non-zero means some value hit the edge of its format and was clamped.
    /// </summary>
    public int SaturationCount => _manoeuvring ? _saturations + _modes.SaturationCount : _saturations;

    /// <summary>
    /// Rate at which a quiet target starts a manoeuvre, per second (Q2.61; default 0.004: one
    /// manoeuvre every four minutes or so). The switch probability over an interval dt is
    /// rate × dt, at most one half, so ADS-B at 2 Hz and a 4 s radar see the same target
    /// behaviour. The likelihoods, not this prior, switch the modes in a turn; the prior sets how
    /// much of the manoeuvre mode a straight flight carries: at 0.05 (the earlier value, 20 s) it
    /// held a quarter of the probability between turns, the prediction's cross-range sigma on a
    /// 4 s radar at 60 km was as large as the plot's, and a track followed the plot noise. 0.001
    /// lost bandits in the gulf's final turns.
    /// </summary>
    public long ManoeuvreOnsetPerSecond { get; set; } = Q2x61.One / 250;

    /// <summary>
    /// Rate at which a manoeuvre ends, per second (Q2.61; default 1/160: the mode, once entered,
    /// is left on the plots' evidence rather than on the clock). With the onset as rare as it is,
    /// both rates small make the IMM weigh its two models on many scans of evidence instead of
    /// mixing them back every scan: a turn of 2°/s at 130 km, 109 m per 5 s scan against 300-440 m
    /// of cross-range noise, is followed once its evidence has built up, where at 0.1 (manoeuvres
    /// of about 10 s, the earlier value) the IMM fell back to the quiet model every scan and the
    /// track coasted on straight (gulf: a bandit lost in its final turn in 12 of 50 runs). Over
    /// the tuning seeds and 40 further seeds of each scene (`TuningSweepTests`), 1/20, 1/40, 1/80,
    /// 1/160 and 1/320 each did better than 0.1 on gulf, jet-formation, midnight-crossings,
    /// transponder-masking and crossing-targets; manoeuvres' median moved +1 to +4 m and the
    /// drone scenes did not move.
    /// </summary>
    public long ManoeuvreEndPerSecond { get; set; } = Q2x61.One / 160;

    /// <summary>
    /// Turn rate of the IMM's first pair of coordinated-turn modes (left and right), Q2.61 rad/s;
    /// 0 (the default) runs the quiet and manoeuvre modes alone. Used while
    /// <see cref="Manoeuvring"/>; <see cref="TargetClassifier"/> sets it from
    /// <see cref="TrackerConfiguration.TurnRateMillidegreesPerSecond"/>. Held by the IMM itself.
    /// </summary>
    public long TurnRate
    {
        get => _modes.TurnRate;
        set => _modes.TurnRate = value;
    }

    /// <summary>Turn rate of the second pair of turn modes, Q2.61 rad/s; 0 for none.</summary>
    public long WideTurnRate
    {
        get => _modes.WideTurnRate;
        set => _modes.WideTurnRate = value;
    }

    /// <summary>
    /// Rate at which a quiet target enters each turn mode, per second (Q2.61; default 3·10⁻⁵).
    /// So rare that the turn modes carry almost nothing in straight flight and are raised by the
    /// plots' likelihood alone: at 10⁻⁴ crossing-targets' straight flights lost 1.9 m of mean
    /// GOSPA and gulf 1.2 m (0.6 and 0.3 at 3·10⁻⁵); at 10⁻⁵ jet-formation gained 9.2 m instead
    /// of 10.8 (`TuningSweepTests`, 454 runs).
    /// </summary>
    public long TurnOnsetPerSecond { get; set; } = Q2x61.One / 100_000 * 3;

    /// <summary>Rate at which a turn ends (back to the quiet mode), per second (Q2.61; default 0.05: turns of about 20 s).</summary>
    public long TurnEndPerSecond { get; set; } = Q2x61.One / 20;

    /// <summary>
    /// True when the horizontal state is estimated by an interacting multiple model (Blom and
    /// Bar-Shalom 1988; Bar-Shalom, Li, Kirubarajan §11.6.6): a quiet and a manoeuvre
    /// nearly-constant-velocity mode with the class's <see cref="ProcessNoiseDensity"/> quiet and
    /// manoeuvre densities, and the coordinated-turn modes when <see cref="TurnRate"/> is set,
    /// mixed before every prediction, each updated by every measurement,
    /// weighted by their likelihoods. <see cref="Horizontal"/> is then the moment-matched
    /// combination, and the NIS every update returns is that of the combination's prediction (the
    /// one gating uses, or the smaller of the modes' NIS when that is smaller). Turning it on starts both modes at the current estimate; it stays on
    /// through <see cref="Initialise"/>.
    /// </summary>
    public bool Manoeuvring
    {
        get => _manoeuvring;
        set
        {
            if (value && !_manoeuvring)
            {
                SeedModes();
            }

            _manoeuvring = value;
        }
    }

    /// <summary>Probability of the manoeuvre mode (Q2.61); 0 while <see cref="Manoeuvring"/> is off.</summary>
    public long ManoeuvreProbability => _manoeuvring ? _modes.ManoeuvreProbability : 0;

    /// <summary>Sets the variance floors applied after every update (Q39.24).</summary>
    /// <param name="positionVariance">Floor for positions and height, m².</param>
    /// <param name="velocityVariance">Floor for velocities, m²/s².</param>
    public void SetVarianceFloors(long positionVariance, long velocityVariance)
    {
        _horizontalFloors[0] = positionVariance;
        _horizontalFloors[1] = positionVariance;
        _horizontalFloors[2] = velocityVariance;
        _horizontalFloors[3] = velocityVariance;
        _verticalFloors[0] = positionVariance;
        _verticalFloors[1] = velocityVariance;
        _modes.SetVarianceFloors(positionVariance, velocityVariance);
    }

    /// <summary>Starts the horizontal channel with the same variance on both axes; the vertical channel is cleared.</summary>
    /// <param name="timeMicroseconds">Time of the first measurement.</param>
    /// <param name="eastMetres">East, Q31.32 m.</param>
    /// <param name="northMetres">North, Q31.32 m.</param>
    /// <param name="positionVariance">Variance of each position, Q39.24 m².</param>
    /// <param name="velocityEast">Velocity east, Q31.32 m/s (0 if unknown).</param>
    /// <param name="velocityNorth">Velocity north, Q31.32 m/s.</param>
    /// <param name="velocityVariance">Variance of each velocity, Q39.24 m²/s² (large if unknown).</param>
    public void Initialise(long timeMicroseconds, long eastMetres, long northMetres, long positionVariance, long velocityEast, long velocityNorth, long velocityVariance) =>
        InitialiseWithCovariance(timeMicroseconds, eastMetres, northMetres, positionVariance, 0, positionVariance, velocityEast, velocityNorth, velocityVariance);

    /// <summary>
    /// Starts the horizontal channel with a full position covariance (a radar plot's: tight across
    /// the ray, loose along it, or the reverse); the vertical channel is cleared.
    /// </summary>
    /// <param name="timeMicroseconds">Time of the first measurement.</param>
    /// <param name="eastMetres">East, Q31.32 m.</param>
    /// <param name="northMetres">North, Q31.32 m.</param>
    /// <param name="varianceEast">East variance, Q39.24 m².</param>
    /// <param name="covarianceEastNorth">East-north covariance, Q39.24 m².</param>
    /// <param name="varianceNorth">North variance, Q39.24 m².</param>
    /// <param name="velocityEast">Velocity east, Q31.32 m/s (0 if unknown).</param>
    /// <param name="velocityNorth">Velocity north, Q31.32 m/s.</param>
    /// <param name="velocityVariance">Variance of each velocity, Q39.24 m²/s² (large if unknown).</param>
    public void InitialiseWithCovariance(long timeMicroseconds, long eastMetres, long northMetres, long varianceEast, long covarianceEastNorth, long varianceNorth, long velocityEast, long velocityNorth, long velocityVariance)
    {
        TimeMicroseconds = timeMicroseconds;
        _saturations = 0;
        Horizontal.Clear();
        Horizontal.SetAxis(0, eastMetres, velocityEast, varianceEast, velocityVariance);
        Horizontal.SetAxis(1, northMetres, velocityNorth, varianceNorth, velocityVariance);
        Horizontal.Covariance[1] = covarianceEastNorth;
        Horizontal.Covariance[Horizontal.Dimension] = covarianceEastNorth;
        Vertical.Clear();
        HasVertical = false;
        if (_manoeuvring)
        {
            SeedModes();
        }
    }

    /// <summary>Starts (or restarts) the vertical channel at the current time.</summary>
    /// <param name="heightMetres">Height, Q31.32 m.</param>
    /// <param name="heightVariance">Q39.24 m².</param>
    /// <param name="verticalRate">Vertical rate, Q31.32 m/s.</param>
    /// <param name="verticalRateVariance">Q39.24 m²/s².</param>
    public void InitialiseVertical(long heightMetres, long heightVariance, long verticalRate, long verticalRateVariance)
    {
        Vertical.SetAxis(0, heightMetres, verticalRate, heightVariance, verticalRateVariance);
        HasVertical = true;
    }

    /// <summary>Predicts both channels to a later time.</summary>
    /// <param name="timeMicroseconds">Target time, ≥ <see cref="TimeMicroseconds"/>.</param>
    /// <returns>False (and nothing changes) when the time is earlier than the estimate's.</returns>
    public bool Predict(long timeMicroseconds)
    {
        long elapsed = timeMicroseconds - TimeMicroseconds;
        if (elapsed < 0)
        {
            return false;
        }

        if (elapsed == 0)
        {
            return true;
        }

        long seconds = Q31x32.FromMicroseconds(elapsed, ref _saturations);
        ProcessNoiseDensity density = ProcessNoiseDensity.For(TargetClass);
        if (_manoeuvring)
        {
            PredictModes(timeMicroseconds, seconds, density);
        }
        else
        {
            ConstantVelocityPrediction.Predict(Horizontal, _scratchMatrix, seconds, density.HorizontalSquareMetresPerCubicSecond, ref _saturations);
        }

        if (HasVertical)
        {
            ConstantVelocityPrediction.Predict(Vertical, _scratchMatrix, seconds, density.VerticalSquareMetresPerCubicSecond, ref _saturations);
        }

        TimeMicroseconds = timeMicroseconds;
        return true;
    }

    /// <summary>Updates with a measured east position (e.g. ADS-B projected onto the plane).</summary>
    /// <param name="eastMetres">Q31.32 m.</param>
    /// <param name="variance">Q39.24 m².</param>
    /// <returns>NIS, Q31.32.</returns>
    public long UpdateEast(long eastMetres, long variance) => UpdateHorizontal(0, eastMetres, variance);

    /// <summary>Updates with a measured north position.</summary>
    /// <param name="northMetres">Q31.32 m.</param>
    /// <param name="variance">Q39.24 m².</param>
    /// <returns>NIS, Q31.32.</returns>
    public long UpdateNorth(long northMetres, long variance) => UpdateHorizontal(1, northMetres, variance);

    /// <summary>Updates with a measured east velocity (ADS-B airborne velocity).</summary>
    /// <param name="metresPerSecond">Q31.32 m/s.</param>
    /// <param name="variance">Q39.24 m²/s².</param>
    /// <returns>NIS, Q31.32.</returns>
    public long UpdateVelocityEast(long metresPerSecond, long variance) => UpdateHorizontal(2, metresPerSecond, variance);

    /// <summary>Updates with a measured north velocity.</summary>
    /// <param name="metresPerSecond">Q31.32 m/s.</param>
    /// <param name="variance">Q39.24 m²/s².</param>
    /// <returns>NIS, Q31.32.</returns>
    public long UpdateVelocityNorth(long metresPerSecond, long variance) => UpdateHorizontal(3, metresPerSecond, variance);

    /// <summary>
    /// Updates with a radar plot as two scalar measurements in the frame of the measured azimuth:
    /// along the ray, the ground range (see <see cref="Geodesy.MastPlane.TryGroundRange"/>);
    /// across it, zero offset from the ray, with variance (range × σ_azimuth)².
    /// </summary>
    /// <param name="radarEastMetres">Radar position in the plane, Q31.32 m (0 at the mast).</param>
    /// <param name="radarNorthMetres">Q31.32 m.</param>
    /// <param name="groundRangeMetres">Q31.32 m.</param>
    /// <param name="sineAzimuth">Q2.61 sine of the azimuth (clockwise from north).</param>
    /// <param name="cosineAzimuth">Q2.61 cosine of the azimuth.</param>
    /// <param name="rangeVariance">Q39.24 m².</param>
    /// <param name="crossRangeVariance">Q39.24 m².</param>
    /// <returns>Sum of the two NIS values, Q31.32 (χ² with 2 degrees of freedom).</returns>
    public long UpdateRadar(long radarEastMetres, long radarNorthMetres, long groundRangeMetres, long sineAzimuth, long cosineAzimuth, long rangeVariance, long crossRangeVariance)
    {
        // Range axis (sin θ, cos θ), cross axis (cos θ, -sin θ); offsets make the radar the origin.
        DirectionFrame.Project(radarEastMetres, radarNorthMetres, sineAzimuth, cosineAzimuth, out long rangeOffset, out long crossOffset, ref _saturations);
        long nis = ApplyInFrame(FixedPoint.Add(groundRangeMetres, rangeOffset, ref _saturations), crossOffset, sineAzimuth, cosineAzimuth, rangeVariance, crossRangeVariance, out long rangeInnovationVariance, out long crossInnovationVariance);
        LastRangeInnovationVariance = rangeInnovationVariance;
        LastCrossInnovationVariance = crossInnovationVariance;
        return nis;
    }

    /// <summary>
    /// Updates with a measured position as two scalar measurements in a frame of its own: along a
    /// direction (an ADS-B position's lateness lies along the track) and across it.
    /// </summary>
    /// <param name="eastMetres">Q31.32 m.</param>
    /// <param name="northMetres">Q31.32 m.</param>
    /// <param name="sine">Q2.61 east component of the unit direction.</param>
    /// <param name="cosine">Q2.61 north component of the unit direction.</param>
    /// <param name="alongVariance">Variance along the direction, Q39.24 m².</param>
    /// <param name="crossVariance">Variance across it, Q39.24 m².</param>
    /// <returns>Sum of the two NIS values, Q31.32 (χ² with 2 degrees of freedom).</returns>
    public long UpdatePositionInFrame(long eastMetres, long northMetres, long sine, long cosine, long alongVariance, long crossVariance)
    {
        DirectionFrame.Project(eastMetres, northMetres, sine, cosine, out long along, out long cross, ref _saturations);
        return ApplyInFrame(along, cross, sine, cosine, alongVariance, crossVariance, out _, out _);
    }

    // Two scalar measurements, along (sin, cos) and then across it; the sum of their NIS.
    private long ApplyInFrame(long along, long cross, long sine, long cosine, long alongVariance, long crossVariance, out long alongInnovationVariance, out long crossInnovationVariance)
    {
        long alongNis = ApplyHorizontal(0, sine, 1, cosine, along, alongVariance, out alongInnovationVariance);
        long crossNis = ApplyHorizontal(0, cosine, 1, -sine, cross, crossVariance, out crossInnovationVariance);
        int clamps = 0;
        return FixedPoint.Add(alongNis, crossNis, ref clamps);
    }

    /// <summary>Innovation variance along the ray of the last <see cref="UpdateRadar"/>, Q39.24 m² (for the track score's |S|).</summary>
    public long LastRangeInnovationVariance { get; private set; }

    /// <summary>Innovation variance across the ray of the last <see cref="UpdateRadar"/> (after its range update), Q39.24 m²; times <see cref="LastRangeInnovationVariance"/> it is |S|.</summary>
    public long LastCrossInnovationVariance { get; private set; }

    /// <summary>Updates the vertical channel with a measured height.</summary>
    /// <param name="heightMetres">Q31.32 m.</param>
    /// <param name="variance">Q39.24 m².</param>
    /// <returns>NIS, Q31.32.</returns>
    public long UpdateHeight(long heightMetres, long variance) =>
        ScalarUpdate.Apply(Vertical, _covarianceColumn, _gain, 0, Q2x61.One, -1, 0, heightMetres, variance, _verticalFloors, ref _saturations, out _);

    /// <summary>Updates the vertical channel with a measured vertical rate.</summary>
    /// <param name="metresPerSecond">Q31.32 m/s.</param>
    /// <param name="variance">Q39.24 m²/s².</param>
    /// <returns>NIS, Q31.32.</returns>
    public long UpdateVerticalRate(long metresPerSecond, long variance) =>
        ScalarUpdate.Apply(Vertical, _covarianceColumn, _gain, 1, Q2x61.One, -1, 0, metresPerSecond, variance, _verticalFloors, ref _saturations, out _);

    /// <summary>
    /// Moves the horizontal state by a known offset and widens its position covariance along one
    /// direction (a height-less track whose estimated height changed: the ground-range difference
    /// along the plot's ray, and the remaining height uncertainty). With the manoeuvre model on,
    /// both modes restart from the moved estimate.
    /// </summary>
    /// <param name="eastMetres">East offset, Q31.32 m.</param>
    /// <param name="northMetres">North offset, Q31.32 m.</param>
    /// <param name="velocityEast">Velocity east offset, Q31.32 m/s.</param>
    /// <param name="velocityNorth">Velocity north offset, Q31.32 m/s.</param>
    /// <param name="sineAzimuth">Q2.61 sine of the direction to widen (clockwise from north).</param>
    /// <param name="cosineAzimuth">Q2.61 cosine of that direction.</param>
    /// <param name="variance">Variance added along it, Q39.24 m².</param>
    public void Shift(long eastMetres, long northMetres, long velocityEast, long velocityNorth, long sineAzimuth, long cosineAzimuth, long variance)
    {
        long[] mean = Horizontal.Mean;
        mean[0] = FixedPoint.Add(mean[0], eastMetres, ref _saturations);
        mean[1] = FixedPoint.Add(mean[1], northMetres, ref _saturations);
        mean[2] = FixedPoint.Add(mean[2], velocityEast, ref _saturations);
        mean[3] = FixedPoint.Add(mean[3], velocityNorth, ref _saturations);
        long eastVariance = FixedPoint.MultiplyShift(variance, FixedPoint.MultiplyShift(sineAzimuth, sineAzimuth, Q2x61.FractionBits, ref _saturations), Q2x61.FractionBits, ref _saturations);
        long northVariance = FixedPoint.MultiplyShift(variance, FixedPoint.MultiplyShift(cosineAzimuth, cosineAzimuth, Q2x61.FractionBits, ref _saturations), Q2x61.FractionBits, ref _saturations);
        long crossVariance = FixedPoint.MultiplyShift(variance, FixedPoint.MultiplyShift(sineAzimuth, cosineAzimuth, Q2x61.FractionBits, ref _saturations), Q2x61.FractionBits, ref _saturations);
        int dimension = Horizontal.Dimension;
        long[] covariance = Horizontal.Covariance;
        covariance[0] = FixedPoint.Add(covariance[0], eastVariance, ref _saturations);
        covariance[dimension + 1] = FixedPoint.Add(covariance[dimension + 1], northVariance, ref _saturations);
        covariance[1] = FixedPoint.Add(covariance[1], crossVariance, ref _saturations);
        covariance[dimension] = FixedPoint.Add(covariance[dimension], crossVariance, ref _saturations);
        if (_manoeuvring)
        {
            SeedModes();
        }
    }

    /// <summary>
    /// Moves the horizontal position by a known offset, covariance and (with the manoeuvre model
    /// on) mode probabilities unchanged: the estimate is the same belief about a target that is
    /// known to be elsewhere by exactly that much (built from ADS-B positions now known to be
    /// staler than they were taken for).
    /// </summary>
    /// <param name="eastMetres">East offset, Q31.32 m.</param>
    /// <param name="northMetres">North offset, Q31.32 m.</param>
    public void Translate(long eastMetres, long northMetres)
    {
        long[] mean = Horizontal.Mean;
        mean[0] = FixedPoint.Add(mean[0], eastMetres, ref _saturations);
        mean[1] = FixedPoint.Add(mean[1], northMetres, ref _saturations);
        if (_manoeuvring)
        {
            _modes.Translate(eastMetres, northMetres);
        }
    }

    /// <summary>Copies another filter's complete state into this one.</summary>
    /// <param name="other">The source.</param>
    public void CopyFrom(TrackFilter other)
    {
        Horizontal.CopyFrom(other.Horizontal);
        Vertical.CopyFrom(other.Vertical);
        HasVertical = other.HasVertical;
        TimeMicroseconds = other.TimeMicroseconds;
        TargetClass = other.TargetClass;
        _saturations = other._saturations;
        LastRangeInnovationVariance = other.LastRangeInnovationVariance;
        LastCrossInnovationVariance = other.LastCrossInnovationVariance;
        System.Array.Copy(other._horizontalFloors, _horizontalFloors, 4);
        System.Array.Copy(other._verticalFloors, _verticalFloors, 2);
        ManoeuvreOnsetPerSecond = other.ManoeuvreOnsetPerSecond;
        ManoeuvreEndPerSecond = other.ManoeuvreEndPerSecond;
        TurnRate = other.TurnRate;
        WideTurnRate = other.WideTurnRate;
        TurnOnsetPerSecond = other.TurnOnsetPerSecond;
        TurnEndPerSecond = other.TurnEndPerSecond;
        _manoeuvring = other._manoeuvring;
        if (_manoeuvring)
        {
            _modes.CopyFrom(other._modes);
        }
    }

    private long UpdateHorizontal(int index, long measurement, long variance) =>
        ApplyHorizontal(index, Q2x61.One, -1, 0, measurement, variance, out _);

    // One scalar measurement of the horizontal state; with the manoeuvre model each mode is
    // updated too, the mode probabilities follow the likelihoods, and the combination replaces
    // the single-model result (whose NIS, that of the combined prediction, is returned).
    // innovationVariance: that of the combined prediction, Q39.24 m².
    private long ApplyHorizontal(int firstIndex, long firstCoefficient, int secondIndex, long secondCoefficient, long measurement, long variance, out long innovationVariance)
    {
        long nis = ScalarUpdate.Apply(Horizontal, _covarianceColumn, _gain, firstIndex, firstCoefficient, secondIndex, secondCoefficient, measurement, variance, _horizontalFloors, ref _saturations, out innovationVariance);
        if (_manoeuvring)
        {
            _modes.Update(firstIndex, firstCoefficient, secondIndex, secondCoefficient, measurement, variance);
            Horizontal.CopyFrom(_modes.Combine());

            // Gate over the union of the mode gates: a turn's first plot, which only the
            // manoeuvre mode explains, must not start a new track.
            if (_modes.LastSmallestNis < nis)
            {
                nis = _modes.LastSmallestNis;
            }
        }

        return nis;
    }

    private void SeedModes() => _modes.Seed(Horizontal, TimeMicroseconds);

    private void PredictModes(long timeMicroseconds, long seconds, ProcessNoiseDensity density)
    {
        _modes.QuietDensity = density.QuietHorizontalSquareMetresPerCubicSecond;
        _modes.ManoeuvreDensity = density.ManoeuvreHorizontalSquareMetresPerCubicSecond;
        _modes.QuietToManoeuvre = Transition(ManoeuvreOnsetPerSecond, seconds);
        _modes.ManoeuvreToQuiet = Transition(ManoeuvreEndPerSecond, seconds);
        _modes.TurnDensity = density.TurnHorizontalSquareMetresPerCubicSecond;
        _modes.QuietToTurn = Transition(TurnOnsetPerSecond, seconds);
        _modes.TurnToQuiet = Transition(TurnEndPerSecond, seconds);
        _modes.Predict(timeMicroseconds);
        Horizontal.CopyFrom(_modes.Combine());
    }

    // Switch probability over an interval: rate (Q2.61 per second) × seconds (Q31.32), at most ½.
    private long Transition(long ratePerSecond, long seconds)
    {
        long probability = FixedPoint.MultiplyShift(ratePerSecond, seconds, Q31x32.FractionBits, ref _saturations);
        return probability > Q2x61.One / 2 ? Q2x61.One / 2 : probability;
    }
}
