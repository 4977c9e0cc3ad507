using System;
using Picket.Protobuf;

namespace Picket.Publishing;

/// <summary>
/// Writes a <see cref="GatewayHealthReport"/> as a <c>picket.v1.GatewayHealth</c> message. Field
/// numbers are those of <c>proto/picket/v1/health.proto</c>; proto3 rules apply as in
/// <see cref="TrackUpdateEncoder"/>. Fields are written in field-number order, so the bytes equal
/// those of any canonical protobuf serializer.
/// </summary>
public static class GatewayHealthEncoder
{
    // picket.v1.GatewayHealth
    private const int GatewayIdField = 1;
    private const int SoftwareVersionField = 2;
    private const int UptimeField = 3;
    private const int TimeField = 4;
    private const int FixTypeField = 5;
    private const int PositionField = 6;
    private const int TimeSyncField = 7;
    private const int SourcesField = 8;
    private const int OutboxDepthField = 9;
    private const int OutboxDroppedField = 10;
    private const int CpuTemperatureField = 11;
    private const int OutboxOldestAgeField = 12;
    private const int OutboxBytesField = 13;
    private const int ClockOffsetField = 14;
    private const int TrackerField = 15;

    /// <summary>Writes <paramref name="report"/> as the body of a GatewayHealth (no tag, no length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="GatewayHealthReport.SourceCount"/> is outside 0 to the source array's length.</exception>
    public static void WriteBody(ProtoWriter writer, GatewayHealthReport report)
    {
        if (report.SourceCount < 0 || report.SourceCount > report.Sources.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(report), "GatewayHealthReport.SourceCount is outside its source array.");
        }

        WriteStringIfNotEmpty(writer, GatewayIdField, report.GatewayId);
        WriteStringIfNotEmpty(writer, SoftwareVersionField, report.SoftwareVersion);
        WriteUInt64IfNotZero(writer, UptimeField, report.UptimeSeconds);
        if (report.TimeUnixMicroseconds != 0)
        {
            writer.WriteInt64(TimeField, report.TimeUnixMicroseconds);
        }

        if (report.FixType != GatewayFixType.Unspecified)
        {
            writer.WriteEnum(FixTypeField, (int)report.FixType);
        }

        if (report.HasPosition)
        {
            TrackUpdateEncoder.WriteGeoPoint(writer, PositionField, report.LatitudeE7, report.LongitudeE7, report.HasHeight, report.HeightMillimetres);
        }

        if (report.TimeSync != ClockSyncState.Unspecified)
        {
            writer.WriteEnum(TimeSyncField, (int)report.TimeSync);
        }

        for (int i = 0; i < report.SourceCount; i++)
        {
            writer.BeginMessage(SourcesField);
            WriteSource(writer, ref report.Sources[i]);
            writer.EndMessage();
        }

        if (report.OutboxDepth != 0)
        {
            writer.WriteUInt32(OutboxDepthField, report.OutboxDepth);
        }

        WriteUInt64IfNotZero(writer, OutboxDroppedField, report.OutboxDroppedTotal);
        if (report.HasCpuTemperature)
        {
            writer.WriteSInt32(CpuTemperatureField, report.CpuTemperatureMilliCelsius);
        }

        if (report.OutboxOldestAgeSeconds != 0)
        {
            writer.WriteUInt32(OutboxOldestAgeField, report.OutboxOldestAgeSeconds);
        }

        WriteUInt64IfNotZero(writer, OutboxBytesField, report.OutboxBytes);
        if (report.HasClockOffset)
        {
            writer.WriteSInt64(ClockOffsetField, report.ClockOffsetMicroseconds);
        }

        // Every gateway runs a tracker: its message is always present, even when all zero.
        writer.BeginMessage(TrackerField);
        WriteTracker(writer, ref report.Tracker);
        writer.EndMessage();
    }

    /// <summary>Writes <paramref name="report"/> as embedded message field <paramref name="fieldNumber"/> of an enclosing message.</summary>
    public static void WriteField(ProtoWriter writer, int fieldNumber, GatewayHealthReport report)
    {
        writer.BeginMessage(fieldNumber);
        WriteBody(writer, report);
        writer.EndMessage();
    }

    /// <summary>
    /// Serializes <paramref name="report"/> as a whole GatewayHealth message into
    /// <paramref name="buffer"/> from <paramref name="offset"/>, reusing <paramref name="writer"/>.
    /// </summary>
    /// <returns>The number of bytes written, or 0 when the buffer was too small.</returns>
    public static int Encode(ProtoWriter writer, GatewayHealthReport report, byte[] buffer, int offset)
    {
        writer.Reset(buffer, offset, buffer.Length - offset);
        WriteBody(writer, report);
        return writer.HasOverflowed ? 0 : writer.Length;
    }

    private static void WriteSource(ProtoWriter writer, ref SourceHealthReport source)
    {
        // picket.v1.SourceHealth
        WriteStringIfNotEmpty(writer, 1, source.Name);
        WriteStringIfNotEmpty(writer, 2, source.Kind);
        if (source.Connected)
        {
            writer.WriteBool(3, true);
        }

        if (source.MessageRateMilliHertz != 0)
        {
            writer.WriteUInt32(4, source.MessageRateMilliHertz);
        }

        WriteUInt64IfNotZero(writer, 5, source.MessagesTotal);
        WriteUInt64IfNotZero(writer, 6, source.ErrorsTotal);
        if (source.HasLastMessage)
        {
            writer.WriteInt64(7, source.LastMessageUnixMicroseconds);
        }

        WriteUInt64IfNotZero(writer, 8, source.ReconnectsTotal);
        WriteUInt64IfNotZero(writer, 9, source.DroppedTotal);
        WriteUInt64IfNotZero(writer, 10, source.DisconnectedMicrosecondsTotal);
    }

    private static void WriteTracker(ProtoWriter writer, ref TrackerHealthReport tracker)
    {
        // picket.v1.TrackerHealth
        if (tracker.LiveTracks != 0)
        {
            writer.WriteUInt32(1, tracker.LiveTracks);
        }

        if (tracker.ConfirmedTracks != 0)
        {
            writer.WriteUInt32(2, tracker.ConfirmedTracks);
        }

        WriteUInt64IfNotZero(writer, 3, tracker.TracksStarted);
        WriteUInt64IfNotZero(writer, 4, tracker.TracksDropped);
        WriteUInt64IfNotZero(writer, 5, tracker.RadarPlots);
        WriteUInt64IfNotZero(writer, 6, tracker.ModeSObservations);
        WriteUInt64IfNotZero(writer, 7, tracker.LateMeasurements);
        WriteUInt64IfNotZero(writer, 8, tracker.Saturations);
        WriteUInt64IfNotZero(writer, 9, tracker.Alerts);
    }

    // Counters are never negative; a long keeps them in the core's one integer type for totals.
    private static void WriteUInt64IfNotZero(ProtoWriter writer, int fieldNumber, long value)
    {
        if (value != 0)
        {
            writer.WriteUInt64(fieldNumber, (ulong)value);
        }
    }

    private static void WriteStringIfNotEmpty(ProtoWriter writer, int fieldNumber, string value)
    {
        if (value != null && value.Length != 0)
        {
            writer.WriteString(fieldNumber, value);
        }
    }
}
