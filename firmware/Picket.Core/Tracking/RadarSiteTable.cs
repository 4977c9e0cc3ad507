namespace Picket.Tracking;

/// <summary>
/// The radar-site table: for each radar (by sensor id, SAC × 256 + SIC for ASTERIX) its position in
/// the mast plane and its own scan period. Each radar turns at its own rate (CAT034 I034/041), so
/// a track's detection opportunities are counted with the period of the radar that feeds it, never
/// with another radar's. A radar not in the table sits at the mast and scans at the configured
/// default period. Arrays are allocated once, for <c>capacity</c> radars.
/// </summary>
public sealed class RadarSiteTable
{
    private readonly int[] _ids;
    private readonly long[] _east;
    private readonly long[] _north;
    private readonly long[] _height;
    private readonly bool[] _hasSite;
    private readonly long[] _scanPeriod;
    private int _count;

    /// <summary>Allocates the table.</summary>
    /// <param name="capacity">Radars kept, 1 to 64.</param>
    public RadarSiteTable(int capacity)
    {
        _ids = new int[capacity];
        _east = new long[capacity];
        _north = new long[capacity];
        _height = new long[capacity];
        _hasSite = new bool[capacity];
        _scanPeriod = new long[capacity];
    }

    /// <summary>Radars in the table.</summary>
    public int Count => _count;

    /// <summary>Sets (or moves) a radar's site.</summary>
    /// <param name="sensorId">The sensor id.</param>
    /// <param name="east">Plane east, Q31.32 m.</param>
    /// <param name="north">Plane north, Q31.32 m.</param>
    /// <param name="height">Height above the ellipsoid, Q31.32 m.</param>
    /// <returns>False when the table is full.</returns>
    public bool SetSite(int sensorId, long east, long north, long height)
    {
        int index = IndexOrAdd(sensorId);
        if (index < 0)
        {
            return false;
        }

        _east[index] = east;
        _north[index] = north;
        _height[index] = height;
        _hasSite[index] = true;
        return true;
    }

    /// <summary>Sets a radar's scan period (e.g. from its CAT034 I034/041 antenna rotation period).</summary>
    /// <param name="sensorId">The sensor id.</param>
    /// <param name="scanPeriodMicroseconds">The period, µs, above 0 (0 or less is ignored).</param>
    /// <returns>False when the period is not positive or the table is full.</returns>
    public bool SetScanPeriod(int sensorId, long scanPeriodMicroseconds)
    {
        if (scanPeriodMicroseconds <= 0)
        {
            return false;
        }

        int index = IndexOrAdd(sensorId);
        if (index < 0)
        {
            return false;
        }

        _scanPeriod[index] = scanPeriodMicroseconds;
        return true;
    }

    /// <summary>The radar's scan period, or <paramref name="defaultMicroseconds"/> when it never announced one.</summary>
    /// <param name="sensorId">The sensor id.</param>
    /// <param name="defaultMicroseconds">The configured default.</param>
    /// <returns>The scan period, µs.</returns>
    public long ScanPeriodOf(int sensorId, long defaultMicroseconds)
    {
        int index = IndexOf(sensorId);
        return index >= 0 && _scanPeriod[index] > 0 ? _scanPeriod[index] : defaultMicroseconds;
    }

    /// <summary>The scan period of the radar that last fed a track (the default without one).</summary>
    /// <param name="track">The track.</param>
    /// <param name="defaultMicroseconds">The configured default.</param>
    /// <returns>The scan period, µs.</returns>
    public long ScanPeriodOf(Track track, long defaultMicroseconds) =>
        track.HasRadarSensor ? ScanPeriodOf(track.RadarSensorId, defaultMicroseconds) : defaultMicroseconds;

    /// <summary>The radar's site, when known.</summary>
    /// <param name="sensorId">The sensor id.</param>
    /// <param name="east">Plane east, Q31.32 m.</param>
    /// <param name="north">Plane north, Q31.32 m.</param>
    /// <param name="height">Height above the ellipsoid, Q31.32 m.</param>
    /// <returns>False (outputs 0) when the site was never set.</returns>
    public bool TryGetSite(int sensorId, out long east, out long north, out long height)
    {
        int index = IndexOf(sensorId);
        if (index < 0 || !_hasSite[index])
        {
            east = 0;
            north = 0;
            height = 0;
            return false;
        }

        east = _east[index];
        north = _north[index];
        height = _height[index];
        return true;
    }

    /// <summary>The sensor's slot (0 … capacity - 1), added when new; -1 when the table is full.</summary>
    /// <param name="sensorId">Sensor id (SAC/SIC).</param>
    /// <returns>The slot or -1.</returns>
    public int SlotOf(int sensorId) => IndexOrAdd(sensorId);

    private int IndexOf(int sensorId)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_ids[i] == sensorId)
            {
                return i;
            }
        }

        return -1;
    }

    private int IndexOrAdd(int sensorId)
    {
        int index = IndexOf(sensorId);
        if (index >= 0)
        {
            return index;
        }

        if (_count == _ids.Length)
        {
            return -1;
        }

        index = _count++;
        _ids[index] = sensorId;
        _hasSite[index] = false;
        _scanPeriod[index] = 0;
        return index;
    }
}
