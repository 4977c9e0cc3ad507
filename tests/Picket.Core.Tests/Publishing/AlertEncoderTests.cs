using Google.Protobuf;
using Picket.Contract.V1;
using Picket.Protobuf;
using Picket.Tracking;

namespace Picket.Publishing;

/// <summary>
/// The core's Alert encoder checked field by field with the Google.Protobuf-generated
/// <see cref="Alert"/> parser, and byte for byte against Google's own serialization.
/// </summary>
public class AlertEncoderTests
{
    [Fact]
    public void Encode_ExitWithFullIdentity_ParsesBackFieldByField()
    {
        var alert = new ZoneAlert
        {
            TimeUnixMicroseconds = 1_764_064_800_123_456,
            TrackId = 9_007_199_254_740_993, // above 2^53: must not pass through a double
            ZoneIndex = 3,
            ZoneName = "Gulf band",
            Event = ZoneAlertEvent.Exit,
            Cooperative = true,
            HasIcaoAddress = true,
            IcaoAddress = 0xFFFFFF,
            Callsign = "FIN7LU  ",
            HasMode3A = true,
            Mode3A = 4032, // 7700 octal
            DurationMicroseconds = 720_000_000,
        };

        var parsed = Alert.Parser.ParseFrom(EncodeToArray(ref alert));

        Assert.Equal("Gulf band", parsed.ZoneName);
        Assert.Equal(ZoneEvent.Exit, parsed.Event);
        Assert.Equal(1_764_064_800_123_456L, parsed.TimeUnixUs);
        Assert.Equal(9_007_199_254_740_993UL, parsed.TrackId);
        Assert.True(parsed.Cooperative);
        Assert.Equal(0xFFFFFFu, parsed.Identity.IcaoAddress);
        Assert.Equal("FIN7LU", parsed.Identity.Callsign);
        Assert.Equal(4032u, parsed.Identity.Mode3ACode);
        Assert.Equal(string.Empty, parsed.Identity.EmitterCategory);
        Assert.True(parsed.HasDurationUs);
        Assert.Equal(720_000_000UL, parsed.DurationUs);
        Assert.Null(parsed.Position);
    }

    [Fact]
    public void Encode_NonCooperativeEntry_HasNoIdentityAndNoDuration()
    {
        var alert = new ZoneAlert
        {
            TimeUnixMicroseconds = 1_764_064_800_000_000,
            TrackId = 12,
            ZoneName = "Band",
            Event = ZoneAlertEvent.Enter,
            Callsign = null,
            DurationMicroseconds = 0,
        };

        var parsed = Alert.Parser.ParseFrom(EncodeToArray(ref alert));

        Assert.Equal(ZoneEvent.Enter, parsed.Event);
        Assert.False(parsed.Cooperative);
        Assert.Null(parsed.Identity);
        Assert.False(parsed.HasDurationUs);
    }

    [Fact]
    public void Encode_CallsignOfSpacesOnly_IsNoIdentity()
    {
        var alert = new ZoneAlert { TrackId = 1, Event = ZoneAlertEvent.Enter, Callsign = "        " };

        var parsed = Alert.Parser.ParseFrom(EncodeToArray(ref alert));

        Assert.Null(parsed.Identity);
    }

    [Fact]
    public void Encode_LostAfterZeroTime_DurationPresentAndZero()
    {
        // A loss at the instant of entry is a real duration of 0, not "unknown".
        var alert = new ZoneAlert { TrackId = 5, ZoneName = "Z", Event = ZoneAlertEvent.Lost, DurationMicroseconds = 0 };

        var parsed = Alert.Parser.ParseFrom(EncodeToArray(ref alert));

        Assert.Equal(ZoneEvent.Lost, parsed.Event);
        Assert.True(parsed.HasDurationUs);
        Assert.Equal(0UL, parsed.DurationUs);
    }

    [Fact]
    public void Encode_NegativeDuration_WrittenAsZero()
    {
        var alert = new ZoneAlert { TrackId = 5, Event = ZoneAlertEvent.Exit, DurationMicroseconds = -3 };

        var parsed = Alert.Parser.ParseFrom(EncodeToArray(ref alert));

        Assert.Equal(0UL, parsed.DurationUs);
    }

    [Fact]
    public void Encode_ExtremeValues_ParseBack()
    {
        var alert = new ZoneAlert
        {
            TimeUnixMicroseconds = long.MinValue,
            TrackId = long.MaxValue,
            Event = ZoneAlertEvent.Lost,
            HasIcaoAddress = true,
            IcaoAddress = 0,
            HasMode3A = true,
            Mode3A = 0,
            DurationMicroseconds = long.MaxValue,
        };

        var parsed = Alert.Parser.ParseFrom(EncodeToArray(ref alert));

        Assert.Equal(long.MinValue, parsed.TimeUnixUs);
        Assert.Equal((ulong)long.MaxValue, parsed.TrackId);
        Assert.True(parsed.Identity.HasIcaoAddress);
        Assert.Equal(0u, parsed.Identity.IcaoAddress);
        Assert.True(parsed.Identity.HasMode3ACode);
        Assert.Equal(0u, parsed.Identity.Mode3ACode);
        Assert.Equal((ulong)long.MaxValue, parsed.DurationUs);
    }

    [Fact]
    public void Encode_SameMessage_IsByteIdenticalToGoogleSerialization()
    {
        var alert = new ZoneAlert
        {
            TimeUnixMicroseconds = 1_764_065_000_000_000,
            TrackId = 77,
            ZoneName = "Gulf of Finland band",
            Event = ZoneAlertEvent.Exit,
            Cooperative = true,
            HasIcaoAddress = true,
            IcaoAddress = 0x461F2A,
            Callsign = "FIN7LU",
            DurationMicroseconds = 301_000_000,
        };
        var expected = new Alert
        {
            ZoneName = "Gulf of Finland band",
            Event = ZoneEvent.Exit,
            TimeUnixUs = 1_764_065_000_000_000,
            TrackId = 77,
            Cooperative = true,
            Identity = new Identity { IcaoAddress = 0x461F2A, Callsign = "FIN7LU" },
            DurationUs = 301_000_000,
        };

        Assert.Equal(expected.ToByteArray(), EncodeToArray(ref alert));
    }

    [Fact]
    public void Encode_BufferTooSmall_ReturnsZero()
    {
        var alert = new ZoneAlert { TrackId = 1, ZoneName = "A long zone name", Event = ZoneAlertEvent.Enter };

        Assert.Equal(0, AlertEncoder.Encode(new ProtoWriter(new byte[8]), ref alert, new byte[8], 0));
    }

    private static byte[] EncodeToArray(ref ZoneAlert alert)
    {
        var buffer = new byte[512];
        var length = AlertEncoder.Encode(new ProtoWriter(buffer), ref alert, buffer, 0);
        Assert.True(length > 0);
        return buffer[..length];
    }
}
