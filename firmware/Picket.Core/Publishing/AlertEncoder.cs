using Picket.Protobuf;
using Picket.Tracking;

namespace Picket.Publishing;

/// <summary>
/// Writes a tracker's <see cref="ZoneAlert"/> as a <c>picket.v1.Alert</c> message. Field numbers
/// are those of <c>proto/picket/v1/alert.proto</c>; proto3 rules apply as in
/// <see cref="TrackUpdateEncoder"/>: a scalar equal to zero is left out, an <c>optional</c> one is
/// written when present, zero included.
/// </summary>
/// <remarks>
/// <c>position</c> (field 7) is never written: <see cref="ZoneAlert"/> carries no position (the
/// track's own TrackUpdate of the same time does).
/// </remarks>
public static class AlertEncoder
{
    // picket.v1.Alert
    private const int ZoneNameField = 1;
    private const int EventField = 2;
    private const int TimeField = 3;
    private const int TrackIdField = 4;
    private const int CooperativeField = 5;
    private const int IdentityField = 6;
    private const int DurationField = 8;

    // picket.v1.Identity
    private const int IcaoAddressField = 1;
    private const int CallsignField = 2;
    private const int Mode3AField = 3;

    /// <summary>Writes <paramref name="alert"/> as the body of an Alert (no tag, no length).</summary>
    public static void WriteBody(ProtoWriter writer, ref ZoneAlert alert)
    {
        if (!IsNullOrEmpty(alert.ZoneName))
        {
            writer.WriteString(ZoneNameField, alert.ZoneName);
        }

        if (alert.Event != 0)
        {
            writer.WriteEnum(EventField, (int)alert.Event);
        }

        if (alert.TimeUnixMicroseconds != 0)
        {
            writer.WriteInt64(TimeField, alert.TimeUnixMicroseconds);
        }

        if (alert.TrackId != 0)
        {
            writer.WriteUInt64(TrackIdField, (ulong)alert.TrackId);
        }

        if (alert.Cooperative)
        {
            writer.WriteBool(CooperativeField, true);
        }

        // ICAO pads a callsign with spaces (Annex 10 Vol IV 3.1.2.9); Identity.callsign has none.
        string callsign = TrimSpaces(alert.Callsign);
        if (alert.HasIcaoAddress || alert.HasMode3A || !IsNullOrEmpty(callsign))
        {
            writer.BeginMessage(IdentityField);
            if (alert.HasIcaoAddress)
            {
                writer.WriteUInt32(IcaoAddressField, (uint)alert.IcaoAddress);
            }

            if (!IsNullOrEmpty(callsign))
            {
                writer.WriteString(CallsignField, callsign);
            }

            if (alert.HasMode3A)
            {
                writer.WriteUInt32(Mode3AField, (uint)alert.Mode3A);
            }

            writer.EndMessage();
        }

        // duration_us is present on exits and losses only (alert.proto), 0 included; a negative
        // duration (clock stepped back) is written as 0 rather than as 2^64 - n.
        if (alert.Event == ZoneAlertEvent.Exit || alert.Event == ZoneAlertEvent.Lost)
        {
            writer.WriteUInt64(DurationField, alert.DurationMicroseconds > 0 ? (ulong)alert.DurationMicroseconds : 0);
        }
    }

    /// <summary>Writes <paramref name="alert"/> as embedded message field <paramref name="fieldNumber"/> of an enclosing message.</summary>
    public static void WriteField(ProtoWriter writer, int fieldNumber, ref ZoneAlert alert)
    {
        writer.BeginMessage(fieldNumber);
        WriteBody(writer, ref alert);
        writer.EndMessage();
    }

    /// <summary>
    /// Serializes <paramref name="alert"/> as a whole Alert message into <paramref name="buffer"/>
    /// from <paramref name="offset"/>, reusing <paramref name="writer"/> (no allocation unless the
    /// callsign has spaces to trim).
    /// </summary>
    /// <returns>The number of bytes written, or 0 when the buffer was too small.</returns>
    public static int Encode(ProtoWriter writer, ref ZoneAlert alert, byte[] buffer, int offset)
    {
        writer.Reset(buffer, offset, buffer.Length - offset);
        WriteBody(writer, ref alert);
        return writer.HasOverflowed ? 0 : writer.Length;
    }

    private static string TrimSpaces(string value)
    {
        if (value == null || value.Length == 0)
        {
            return value;
        }

        // The common case (already trimmed) allocates nothing.
        return value[0] == ' ' || value[value.Length - 1] == ' ' ? value.Trim() : value;
    }

    private static bool IsNullOrEmpty(string value) => value == null || value.Length == 0;
}
