using Picket.Protobuf;

namespace Picket.Publishing;

/// <summary>
/// Writes a <see cref="TrackReport"/> as a <c>picket.v1.TrackUpdate</c> message. Field numbers
/// are those of <c>proto/picket/v1/track.proto</c> and <c>common.proto</c>; proto3 rules apply:
/// a scalar equal to zero is left out, an <c>optional</c> one is written when present, zero
/// included.
/// </summary>
public static class TrackUpdateEncoder
{
    // picket.v1.TrackUpdate
    private const int TrackIdField = 1;
    private const int StatusField = 2;
    private const int TimeField = 3;
    private const int PositionField = 4;
    private const int BarometricAltitudeField = 5;
    private const int VelocityEastField = 6;
    private const int VelocityNorthField = 7;
    private const int VelocityUpField = 8;
    private const int PositionUncertaintyField = 9;
    private const int VelocityUncertaintyField = 10;
    private const int SourcesField = 11;
    private const int IdentityField = 12;
    private const int CooperativeField = 13;
    private const int QualityField = 14;

    // picket.v1.GeoPoint
    private const int LatitudeField = 1;
    private const int LongitudeField = 2;
    private const int HeightField = 3;

    // picket.v1.Identity
    private const int IcaoAddressField = 1;
    private const int CallsignField = 2;
    private const int Mode3AField = 3;
    private const int EmitterCategoryField = 4;

    // The highest picket.v1.Source value; bit n of TrackSources is enum value n.
    private const int HighestSource = 5;

    /// <summary>
    /// Writes <paramref name="report"/> as the body of a TrackUpdate (no tag, no length), e.g. a
    /// whole serialized message.
    /// </summary>
    public static void WriteBody(ProtoWriter writer, ref TrackReport report)
    {
        if (report.TrackId != 0)
        {
            writer.WriteUInt64(TrackIdField, (ulong)report.TrackId);
        }

        if (report.Status != TrackStatus.Unspecified)
        {
            writer.WriteEnum(StatusField, (int)report.Status);
        }

        if (report.TimeUnixMicroseconds != 0)
        {
            writer.WriteInt64(TimeField, report.TimeUnixMicroseconds);
        }

        WriteGeoPoint(writer, PositionField, report.LatitudeE7, report.LongitudeE7, report.HasHeight, report.HeightMillimetres);

        if (report.HasBarometricAltitude)
        {
            writer.WriteSInt32(BarometricAltitudeField, report.BarometricAltitudeMillimetres);
        }

        WriteSInt32IfNotZero(writer, VelocityEastField, report.VelocityEastMillimetresPerSecond);
        WriteSInt32IfNotZero(writer, VelocityNorthField, report.VelocityNorthMillimetresPerSecond);
        WriteSInt32IfNotZero(writer, VelocityUpField, report.VelocityUpMillimetresPerSecond);

        WriteUncertainty(
            writer,
            PositionUncertaintyField,
            report.PositionSigmaEastMillimetres,
            report.PositionSigmaNorthMillimetres,
            report.PositionSigmaUpMillimetres,
            report.PositionCorrelationPpm);
        WriteUncertainty(
            writer,
            VelocityUncertaintyField,
            report.VelocitySigmaEastMillimetresPerSecond,
            report.VelocitySigmaNorthMillimetresPerSecond,
            report.VelocitySigmaUpMillimetresPerSecond,
            report.VelocityCorrelationPpm);

        if (report.Sources != TrackSources.None)
        {
            // Packed repeated enum (proto3 default for repeated scalars).
            writer.BeginMessage(SourcesField);
            for (var source = 1; source <= HighestSource; source++)
            {
                if (((int)report.Sources & (1 << source)) != 0)
                {
                    writer.WriteVarint32((uint)source);
                }
            }

            writer.EndMessage();
        }

        if (report.HasIcaoAddress || report.HasMode3ACode || !IsNullOrEmpty(report.Callsign) || !IsNullOrEmpty(report.EmitterCategory))
        {
            writer.BeginMessage(IdentityField);
            if (report.HasIcaoAddress)
            {
                writer.WriteUInt32(IcaoAddressField, (uint)report.IcaoAddress);
            }

            if (!IsNullOrEmpty(report.Callsign))
            {
                writer.WriteString(CallsignField, report.Callsign);
            }

            if (report.HasMode3ACode)
            {
                writer.WriteUInt32(Mode3AField, (uint)report.Mode3ACode);
            }

            if (!IsNullOrEmpty(report.EmitterCategory))
            {
                writer.WriteString(EmitterCategoryField, report.EmitterCategory);
            }

            writer.EndMessage();
        }

        if (report.Cooperative)
        {
            writer.WriteBool(CooperativeField, true);
        }

        WriteQuality(writer, ref report);
    }

    /// <summary>Writes <paramref name="report"/> as embedded message field <paramref name="fieldNumber"/> of an enclosing message.</summary>
    public static void WriteField(ProtoWriter writer, int fieldNumber, ref TrackReport report)
    {
        writer.BeginMessage(fieldNumber);
        WriteBody(writer, ref report);
        writer.EndMessage();
    }

    /// <summary>
    /// Serializes <paramref name="report"/> as a whole TrackUpdate message into
    /// <paramref name="buffer"/> from <paramref name="offset"/>.
    /// </summary>
    /// <remarks>Allocates a writer; a per-message path reuses one with <see cref="Encode(ProtoWriter, ref TrackReport, byte[], int)"/>.</remarks>
    /// <returns>The number of bytes written, or 0 when the buffer was too small (nothing usable was written).</returns>
    public static int Encode(ref TrackReport report, byte[] buffer, int offset)
    {
        return Encode(new ProtoWriter(buffer), ref report, buffer, offset);
    }

    /// <summary>As <see cref="Encode(ref TrackReport, byte[], int)"/>, reusing <paramref name="writer"/> (no allocation).</summary>
    /// <returns>The number of bytes written, or 0 when the buffer was too small.</returns>
    public static int Encode(ProtoWriter writer, ref TrackReport report, byte[] buffer, int offset)
    {
        writer.Reset(buffer, offset, buffer.Length - offset);
        WriteBody(writer, ref report);
        return writer.HasOverflowed ? 0 : writer.Length;
    }

    /// <summary>Writes a picket.v1.GeoPoint as field <paramref name="fieldNumber"/>.</summary>
    public static void WriteGeoPoint(ProtoWriter writer, int fieldNumber, int latitudeE7, int longitudeE7, bool hasHeight, int heightMillimetres)
    {
        writer.BeginMessage(fieldNumber);
        WriteSInt32IfNotZero(writer, LatitudeField, latitudeE7);
        WriteSInt32IfNotZero(writer, LongitudeField, longitudeE7);
        if (hasHeight)
        {
            writer.WriteSInt32(HeightField, heightMillimetres);
        }

        writer.EndMessage();
    }

    private static void WriteUncertainty(ProtoWriter writer, int fieldNumber, uint sigmaEast, uint sigmaNorth, uint sigmaUp, int correlationPpm)
    {
        writer.BeginMessage(fieldNumber);
        WriteUInt32IfNotZero(writer, 1, sigmaEast);
        WriteUInt32IfNotZero(writer, 2, sigmaNorth);
        WriteUInt32IfNotZero(writer, 3, sigmaUp);
        WriteSInt32IfNotZero(writer, 4, correlationPpm);
        writer.EndMessage();
    }

    private static void WriteQuality(ProtoWriter writer, ref TrackReport report)
    {
        writer.BeginMessage(QualityField);
        WriteUInt32IfNotZero(writer, 1, report.UpdateCount);
        WriteUInt32IfNotZero(writer, 2, report.MissedCount);
        WriteUInt32IfNotZero(writer, 3, report.AdsbUpdateCount);
        WriteUInt32IfNotZero(writer, 4, report.RadarUpdateCount);
        if (report.AgeMilliseconds != 0)
        {
            writer.WriteUInt64(5, (ulong)report.AgeMilliseconds);
        }

        WriteUInt32IfNotZero(writer, 6, report.AdsbRadarDisagreementCount);
        WriteUInt32IfNotZero(writer, 7, report.LastInnovationMilli);
        WriteUInt32IfNotZero(writer, 8, report.PossibleMaskingCount);
        writer.EndMessage();
    }

    private static void WriteSInt32IfNotZero(ProtoWriter writer, int fieldNumber, int value)
    {
        if (value != 0)
        {
            writer.WriteSInt32(fieldNumber, value);
        }
    }

    private static void WriteUInt32IfNotZero(ProtoWriter writer, int fieldNumber, uint value)
    {
        if (value != 0)
        {
            writer.WriteUInt32(fieldNumber, value);
        }
    }

    private static bool IsNullOrEmpty(string value) => value == null || value.Length == 0;
}
