namespace Picket.Gateway.Inputs;

/// <summary>
/// Where the mast's position and time quality come from: an NMEA receiver read directly
/// (<see cref="GnssReceiver"/>) or gpsd (<see cref="GpsdClient"/>). Either tells the gateway clock
/// whether a fix vouches for the time. Made by <see cref="GnssSources.Create"/> from <c>Gnss:Input</c>.
/// </summary>
public interface IGnssSource : IDisposable
{
    /// <summary>The configured source (<c>Gnss:Input</c>).</summary>
    string Name { get; }

    /// <summary>Whether the device or gpsd is connected now.</summary>
    bool Connected { get; }

    /// <summary>Why the last connection attempt or read failed, or null.</summary>
    string? LastError { get; }

    /// <summary>The position and time quality now (the fix is reported as none once stale).</summary>
    /// <returns>The status.</returns>
    GnssStatus Snapshot();

    /// <summary>Starts reading (on the source's own thread).</summary>
    void StartReading();

    /// <summary>Stops reading.</summary>
    void StopReading();
}
