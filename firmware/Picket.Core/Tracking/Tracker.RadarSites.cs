using Picket.Numerics;
using Picket.Radar;

namespace Picket.Tracking;

// The radar site table: each radar's position in the mast plane, by sensor id.
public sealed partial class Tracker
{
    private int[] _radarIds;
    private long[] _radarEast;
    private long[] _radarNorth;
    private long[] _radarHeight;
    private int _radarCount;

    /// <summary>Sets (or moves) a radar's site; plots of unknown sensors are taken as from the mast.</summary>
    /// <param name="sensorId">The measurement's <see cref="RadarMeasurement.SensorId"/>.</param>
    /// <param name="latitudeE7">Site latitude, 1e-7 degree.</param>
    /// <param name="longitudeE7">Site longitude, 1e-7 degree.</param>
    /// <param name="heightMillimetres">Site height above the ellipsoid, mm.</param>
    /// <returns>False when the radar table is full.</returns>
    public bool SetRadarSite(int sensorId, int latitudeE7, int longitudeE7, int heightMillimetres)
    {
        int index = RadarIndex(sensorId);
        if (index < 0)
        {
            if (_radarCount == _radarIds.Length)
            {
                return false;
            }

            index = _radarCount++;
            _radarIds[index] = sensorId;
        }

        int saturations = 0;
        long latitude = Q2x61.FromDegreesE7(latitudeE7, ref saturations);
        long longitude = Q2x61.FromDegreesE7(longitudeE7, ref saturations);
        _plane.ToPlane(latitude, longitude, out _radarEast[index], out _radarNorth[index], ref saturations);
        _radarHeight[index] = FromMillimetres(heightMillimetres);
        return true;
    }

    private int RadarIndex(int sensorId)
    {
        for (int i = 0; i < _radarCount; i++)
        {
            if (_radarIds[i] == sensorId)
            {
                return i;
            }
        }

        return -1;
    }

    // The radar's plane position and height (the mast when the sensor's site is unknown).
    internal void RadarSite(int sensorId, out long east, out long north, out long height)
    {
        int index = RadarIndex(sensorId);
        if (index < 0)
        {
            east = 0;
            north = 0;
            height = FromMillimetres(_mastHeightMillimetres);
            return;
        }

        east = _radarEast[index];
        north = _radarNorth[index];
        height = _radarHeight[index];
    }
}
