using System.Globalization;
using System.Text.Json;
using Picket.ModeS;
using Picket.ModeS.Cpr;

namespace Picket.Cli.Verbs.Decode.ModeS;

/// <summary>
/// Writes one decoded Mode S frame as a JSON object with the field names of
/// <c>adsb/messages.jsonl</c> (snake_case, units in names); a field is absent when unknown.
/// </summary>
internal static class ModeSJsonWriter
{
    private const double DegreesPerUnit = 360.0 / 4294967296.0;

    private static readonly (CommBRegisters Flag, string Name)[] Registers =
    [
        (CommBRegisters.Bds10, "1,0"), (CommBRegisters.Bds17, "1,7"), (CommBRegisters.Bds20, "2,0"), (CommBRegisters.Bds30, "3,0"),
        (CommBRegisters.Bds40, "4,0"), (CommBRegisters.Bds44, "4,4"), (CommBRegisters.Bds45, "4,5"), (CommBRegisters.Bds50, "5,0"), (CommBRegisters.Bds60, "6,0"),
    ];

    public static void Write(Utf8JsonWriter json, ModeSFrame frame, ref ModeSMessage m, double? timeSeconds, PositionStatus position, int latitude, int longitude)
    {
        json.WriteStartObject();
        json.WriteString("hex", Convert.ToHexString(frame.Data, 0, frame.LengthBytes));
        json.WriteString("type", "modes");
        if (timeSeconds is { } time)
        {
            json.WriteNumber("time", Math.Round(time, 7));
        }

        json.WriteBoolean("crc_ok", ModeSDecoder.IsTrusted(ref m));
        if (m.CrcStatus == ModeSCrcStatus.AddressUnconfirmed)
        {
            // Only written under --all-replies: the address is the parity remainder of a reply
            // from an aircraft not heard in DF11/17/18, which noise would also produce.
            json.WriteBoolean("address_unverified", true);
        }

        json.WriteNumber("corrected_bits", m.CorrectedBits);
        if (frame.HasSignal && BeastSignal.TryToHundredthsDbfs(frame.SignalLevel, out var dbfs))
        {
            json.WriteNumber("signal_dbfs", dbfs / 100.0);
        }

        json.WriteNumber("df", m.DownlinkFormat);
        json.WriteNumber("crc_remainder", m.CrcRemainder);
        if (m.HasAddress)
        {
            SurveillanceJson.WriteIcao(json, "icao", m.Address);
        }

        WriteHeader(json, ref m);
        WriteExtendedSquitter(json, ref m);
        // An aircraft's first global pair gives a position at once (issue 10); the tracker still
        // waits for a second decode to agree, which the JSON says.
        if (position == PositionStatus.Confirmed || position == PositionStatus.Unconfirmed)
        {
            json.WriteNumber("lat", Math.Round(latitude * DegreesPerUnit, 7));
            json.WriteNumber("lon", Math.Round(longitude * DegreesPerUnit, 7));
            if (position == PositionStatus.Unconfirmed)
            {
                json.WriteBoolean("position_unconfirmed", true);
            }
        }

        WriteIntegrity(json, ref m);
        ModeSCommBJson.Write(json, ref m, Registers);
        json.WriteEndObject();
    }

    private static void WriteHeader(Utf8JsonWriter json, ref ModeSMessage m)
    {
        if (m.HasCapability)
        {
            json.WriteNumber("capability", m.Capability);
        }

        if (m.HasControlField)
        {
            json.WriteNumber("cf", m.ControlField);
        }

        if (m.HasFlightStatus)
        {
            json.WriteNumber("flight_status", m.FlightStatus);
            json.WriteNumber("downlink_request", m.DownlinkRequest);
            json.WriteNumber("utility_message", m.UtilityMessage);
        }

        if (m.HasSensitivityLevel)
        {
            json.WriteString("vertical_status", m.OnGround ? "ground" : "airborne");
            json.WriteNumber("sensitivity_level", m.SensitivityLevel);
            json.WriteNumber("reply_information", m.ReplyInformation);
        }

        if (m.HasAltitude)
        {
            json.WriteNumber(m.AltitudeSource == AltitudeSource.Gnss ? "alt_geom_ft" : "altitude_ft", m.AltitudeFeet);
        }

        if (m.HasSquawk)
        {
            SurveillanceJson.WriteSquawk(json, "squawk", m.Squawk);
        }
    }

    private static void WriteExtendedSquitter(Utf8JsonWriter json, ref ModeSMessage m)
    {
        if (m.HasTypeCode)
        {
            json.WriteNumber("tc", m.TypeCode);
        }

        if (m.HasSubtype)
        {
            json.WriteNumber("subtype", m.Subtype);
        }

        if (m.HasCallsign)
        {
            var chars = new char[CallsignAlphabet.Length];
            json.WriteString("callsign", chars.AsSpan(0, CallsignAlphabet.Write(m.CallsignCharacters, chars, 0)));
        }

        if (m.HasEmitterCategory)
        {
            json.WriteNumber("category", m.EmitterCategory);
            json.WriteString("emitter_category", string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + m.EmitterCategorySet - 1)}{m.EmitterCategory}"));
        }

        if (m.HasCpr)
        {
            json.WriteNumber("cpr_format", m.CprFormat);
            json.WriteNumber("cpr_lat", m.CprLatitude);
            json.WriteNumber("cpr_lon", m.CprLongitude);
        }

        if (m.HasNucP)
        {
            json.WriteNumber("nuc_p", m.NucP);
        }

        if (m.HasGroundSpeed)
        {
            json.WriteNumber("groundspeed_kt", Math.Round(m.GroundSpeedKnotsQ10 / 1024.0, 4));
        }

        if (m.HasTrack)
        {
            json.WriteNumber("track_deg", Math.Round(m.Track * DegreesPerUnit, 5));
        }

        if (m.HasHeading)
        {
            json.WriteNumber("heading_deg", Math.Round(m.Heading * DegreesPerUnit, 5));
        }

        if (m.HasAirspeed)
        {
            json.WriteNumber("airspeed_kt", m.AirspeedKnots);
            json.WriteString("airspeed_type", m.AirspeedType == AirspeedType.True ? "TAS" : "IAS");
        }

        if (m.HasVerticalRate)
        {
            json.WriteNumber("vertical_rate_fpm", m.VerticalRateFeetPerMinute);
            json.WriteString("vr_source", m.VerticalRateSource == VerticalRateSource.Gnss ? "GNSS" : "BARO");
        }

        if (m.HasGeometricMinusBarometric)
        {
            json.WriteNumber("geo_minus_baro_ft", m.GeometricMinusBarometricFeet);
        }

        if (m.HasEmergencyState)
        {
            json.WriteNumber("emergency_state", m.EmergencyState);
        }

        ModeSTargetStateJson.Write(json, ref m);
    }

    private static void WriteIntegrity(Utf8JsonWriter json, ref ModeSMessage m)
    {
        if (m.HasNacV)
        {
            json.WriteNumber("nac_v", m.NacV);
        }

        if (m.HasNacP)
        {
            json.WriteNumber("nac_p", m.NacP);
        }

        if (m.HasNicBaro)
        {
            json.WriteNumber("nic_baro", m.NicBaro);
        }

        if (m.HasSil)
        {
            json.WriteNumber("sil", m.Sil);
        }

        if (m.HasOperationalStatus)
        {
            json.WriteNumber("version", m.Version);
            if (m.Version > 0)
            {
                json.WriteNumber("nic_a", m.NicA);
            }
        }

        if (m.HasGva)
        {
            json.WriteNumber("gva", m.Gva);
        }

        if (m.HasSda)
        {
            json.WriteNumber("sda", m.Sda);
        }
    }
}
