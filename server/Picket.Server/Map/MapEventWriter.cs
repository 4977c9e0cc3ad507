using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Picket.Contract.V1;

namespace Picket.Server.Map;

/// <summary>
/// Formats feed events as Server-Sent Events (HTML Living Standard §9.2) for the map page: one
/// <c>event:</c> line naming the type and one <c>data:</c> line of compact JSON, in the units the
/// page shows (degrees, feet, knots). Events accumulate in <see cref="Pending"/> until the caller
/// sends them and calls <see cref="Clear"/>.
/// </summary>
internal sealed class MapEventWriter : IDisposable
{
    private const double MetresPerSecondToKnots = 3600.0 / 1852.0;
    private const double MillimetresPerFoot = 304.8;
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _json;

    public MapEventWriter() => _json = new Utf8JsonWriter(_buffer);

    /// <summary>The formatted events not yet sent.</summary>
    public ReadOnlyMemory<byte> Pending => _buffer.WrittenMemory;

    public void Clear() => _buffer.ResetWrittenCount();

    /// <summary>A comment line: keeps idle connections (and proxies) from timing out, and finds dead ones.</summary>
    public void KeepAlive() => _buffer.Write(": keepalive\n\n"u8);

    public void Config(MapSettings map)
    {
        Begin("config"u8);
        if (map.RadarRangeKm is { } range)
        {
            _json.WriteNumber("radarRangeKm", range);
        }
        else
        {
            _json.WriteNull("radarRangeKm");
        }

        _json.WritePropertyName("zones");
        if (map.ZonesGeoJson is { } zones)
        {
            _json.WriteRawValue(zones, skipInputValidation: true);
        }
        else
        {
            _json.WriteNullValue();
        }

        End();
    }

    public void Site(MastSite site)
    {
        Begin("site"u8);
        _json.WriteString("gateway", site.GatewayId);
        _json.WriteString("name", site.SiteName);
        _json.WriteNumber("lat", site.LatitudeDegrees);
        _json.WriteNumber("lon", site.LongitudeDegrees);
        if (site.HeightMetres is { } height)
        {
            _json.WriteNumber("heightM", height);
        }

        End();
    }

    public void Ready(int trackCount)
    {
        Begin("ready"u8);
        _json.WriteNumber("trackCount", trackCount);
        End();
    }

    /// <summary>Writes a track or alert event; other events (health) are not drawn and write nothing.</summary>
    public bool Write(FeedEvent feedEvent)
    {
        switch (feedEvent.EventCase)
        {
            case FeedEvent.EventOneofCase.Track:
                Track(feedEvent.GatewayId, feedEvent.Track, feedEvent.Snapshot);
                return true;
            case FeedEvent.EventOneofCase.Alert:
                Alert(feedEvent.GatewayId, feedEvent.Alert);
                return true;
            default:
                return false;
        }
    }

    public void Dispose() => _json.Dispose();

    private void Track(string gatewayId, TrackUpdate track, bool snapshot)
    {
        Begin("track"u8);
        _json.WriteString("gateway", gatewayId);
        // uint64 as a decimal string, as proto3's JSON mapping writes it: a gateway's track ids
        // (start second << 24) are beyond JavaScript's 2^53, where numbers lose their last digits.
        _json.WriteString("id", track.TrackId.ToString(CultureInfo.InvariantCulture));
        _json.WriteString("status", track.Status switch
        {
            TrackStatus.Tentative => "tentative",
            TrackStatus.Confirmed => "confirmed",
            TrackStatus.Coasting => "coasting",
            TrackStatus.Dropped => "dropped",
            _ => "unknown",
        });
        _json.WriteNumber("time", track.TimeUnixUs / 1000);
        Position(track.Position);
        if (track.HasBarometricAltitudeMm)
        {
            _json.WriteNumber("altitudeFt", Math.Round(track.BarometricAltitudeMm / MillimetresPerFoot));
        }
        else if (track.Position is { HasHeightMm: true } position)
        {
            _json.WriteNumber("altitudeFt", Math.Round(position.HeightMm / MillimetresPerFoot));
        }
        else
        {
            _json.WriteNull("altitudeFt");
        }

        // ENU velocity (track.proto): speed over ground and true track, clockwise from north.
        var east = track.VelocityEastMmS / 1000.0;
        var north = track.VelocityNorthMmS / 1000.0;
        _json.WriteNumber("speedKt", Math.Round(Math.Sqrt((east * east) + (north * north)) * MetresPerSecondToKnots, 1));
        _json.WriteNumber("headingDeg", Math.Round((Math.Atan2(east, north) * 180 / Math.PI + 360) % 360, 1));
        _json.WriteBoolean("cooperative", track.Cooperative);
        Identity(track.Identity);
        _json.WriteBoolean("snapshot", snapshot);
        End();
    }

    private void Alert(string gatewayId, Alert alert)
    {
        Begin("alert"u8);
        _json.WriteString("gateway", gatewayId);
        _json.WriteString("trackId", alert.TrackId.ToString(CultureInfo.InvariantCulture));
        _json.WriteString("zone", alert.ZoneName);
        _json.WriteString("event", alert.Event switch
        {
            ZoneEvent.Enter => "enter",
            ZoneEvent.Exit => "exit",
            ZoneEvent.Lost => "lost",
            _ => "unknown",
        });
        _json.WriteNumber("time", alert.TimeUnixUs / 1000);
        _json.WriteBoolean("cooperative", alert.Cooperative);
        Identity(alert.Identity);
        Position(alert.Position);
        if (alert.HasDurationUs)
        {
            _json.WriteNumber("durationS", alert.DurationUs / 1e6);
        }
        else
        {
            _json.WriteNull("durationS");
        }

        End();
    }

    private void Position(GeoPoint? position)
    {
        if (position is null)
        {
            _json.WriteNull("lat");
            _json.WriteNull("lon");
            return;
        }

        _json.WriteNumber("lat", position.LatitudeE7 / 1e7);
        _json.WriteNumber("lon", position.LongitudeE7 / 1e7);
    }

    private void Identity(Identity? identity)
    {
        var callsign = identity?.Callsign.Trim();
        if (string.IsNullOrEmpty(callsign))
        {
            _json.WriteNull("callsign");
        }
        else
        {
            _json.WriteString("callsign", callsign);
        }

        if (identity is { HasIcaoAddress: true })
        {
            _json.WriteString("icao", identity.IcaoAddress.ToString("X6", CultureInfo.InvariantCulture));
        }
        else
        {
            _json.WriteNull("icao");
        }
    }

    private void Begin(ReadOnlySpan<byte> type)
    {
        _buffer.Write("event: "u8);
        _buffer.Write(type);
        _buffer.Write("\ndata: "u8);
        _json.Reset(_buffer);
        _json.WriteStartObject();
    }

    private void End()
    {
        _json.WriteEndObject();
        _json.Flush();
        _buffer.Write("\n\n"u8);
    }
}
