using Microsoft.Extensions.Time.Testing;
using Picket.Contract.V1;

namespace Picket.Server.Ingest;

/// <summary>Content checks against the ranges of common.proto and the clock-skew allowance.</summary>
public sealed class BatchValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly long NowUs = Now.ToUnixTimeMilliseconds() * 1000;
    private readonly BatchValidator _validator = new(new FakeTimeProvider(Now), TimeSpan.FromMinutes(5));

    [Theory]
    [InlineData(900_000_000, 0, true)]        // the North Pole
    [InlineData(-900_000_000, 1_800_000_000, true)] // the South Pole on the antimeridian
    [InlineData(900_000_001, 0, false)]       // 1e-7° past the pole
    [InlineData(0, -1_800_000_001, false)]    // 1e-7° past the antimeridian
    [InlineData(int.MaxValue, 0, false)]
    public void Validate_TrackLatitudeLongitude_AcceptedOnlyInsideRange(int latitudeE7, int longitudeE7, bool accepted)
    {
        var batch = Batch(new TrackUpdate { TrackId = 1, TimeUnixUs = NowUs, Position = new GeoPoint { LatitudeE7 = latitudeE7, LongitudeE7 = longitudeE7 } });

        Assert.Equal(accepted, _validator.Validate(batch) is null);
    }

    [Theory]
    [InlineData(-400_000, true)]      // Dead Sea shore
    [InlineData(20_000_000, true)]    // FL650
    [InlineData(70_000_000, false)]   // 70 km: no target a mast sees
    [InlineData(-2_000_000, false)]
    public void Validate_TrackHeight_AcceptedOnlyPlausible(int heightMm, bool accepted)
    {
        var batch = Batch(new TrackUpdate { TrackId = 1, TimeUnixUs = NowUs, Position = new GeoPoint { LatitudeE7 = 1, LongitudeE7 = 1, HeightMm = heightMm } });

        Assert.Equal(accepted, _validator.Validate(batch) is null);
    }

    [Theory]
    [InlineData(4 * 60, true)]    // inside the 5-minute skew allowance
    [InlineData(6 * 60, false)]
    [InlineData(-86_400, true)]   // a day old: an outbox being drained after an outage
    public void Validate_TrackTimeRelativeToServerClock_FutureBeyondSkewRefused(int secondsFromNow, bool accepted)
    {
        var batch = Batch(new TrackUpdate { TrackId = 1, TimeUnixUs = NowUs + (secondsFromNow * 1_000_000L) });

        Assert.Equal(accepted, _validator.Validate(batch) is null);
    }

    [Fact]
    public void Validate_NegativeAlertTime_NamesTheAlert()
    {
        var batch = Batch();
        batch.Alerts.Add(new Alert { ZoneName = "z", TimeUnixUs = -1 });

        Assert.Equal("alerts[0]: time_unix_us -1 is before 1970", _validator.Validate(batch));
    }

    [Fact]
    public void Validate_SequenceZero_Refused() => Assert.NotNull(_validator.Validate(new UplinkBatch { GatewayId = "gw", Sequence = 0 }));

    [Fact]
    public void Validate_TrackWithoutPositionOrTime_Accepted() => Assert.Null(_validator.Validate(Batch(new TrackUpdate { TrackId = 1 })));

    [Theory]
    [InlineData("gw-1", true)]
    [InlineData("mast_07.north", true)]
    [InlineData("", false)]
    [InlineData("gw 1", false)]
    [InlineData("gw.*", false)]      // a NATS wildcard
    [InlineData("gw..1", false)]     // an empty NATS subject token
    [InlineData(".gw", false)]
    public void IsValidGatewayId_SubjectSafeNamesOnly(string gatewayId, bool valid) => Assert.Equal(valid, BatchValidator.IsValidGatewayId(gatewayId));

    [Fact]
    public void IsValidGatewayId_65Characters_Refused() => Assert.False(BatchValidator.IsValidGatewayId(new string('g', 65)));

    [Theory]
    [InlineData("SAS1234 ", true)]
    [InlineData("", true)]
    [InlineData("ABCDEFGH", true)]      // 8 characters: what the identification message carries
    [InlineData("ABCDEFGHI", false)]    // 9
    [InlineData("sas123", false)]       // lower case is not in the 6-bit set
    [InlineData("SAS\u0000", false)]    // NUL
    [InlineData("\u202EKLM", false)]    // right-to-left override
    [InlineData("DLH-12", false)]
    [InlineData("AB#12", true)]         // '#': the core's rendering of a 6-bit code outside the set
    public void Validate_Callsign_OnlyEightCharactersOfIcaoSet(string escaped, bool accepted)
    {
        var callsign = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var batch = Batch(new TrackUpdate { TrackId = 1, TimeUnixUs = NowUs, Identity = new Identity { Callsign = callsign } });

        var reason = _validator.Validate(batch);

        Assert.Equal(accepted, reason is null);
        if (!accepted)
        {
            Assert.StartsWith("tracks[0] (track 1): identity.callsign ", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_HundredThousandCharacterCallsign_RefusedWithoutEchoingIt()
    {
        var callsign = new string('A', 100_000);
        var batch = Batch(new TrackUpdate { TrackId = 3, Identity = new Identity { Callsign = callsign } });

        Assert.Equal("tracks[0] (track 3): identity.callsign is 100000 characters; the air interface carries at most 8", _validator.Validate(batch));
    }

    [Theory]
    [InlineData(0x000001u, true)]
    [InlineData(0xFFFFFFu, true)]
    [InlineData(0x1000000u, false)]   // 25 bits
    [InlineData(0u, false)]           // not an assigned address
    public void Validate_IcaoAddress_24BitsOnly(uint address, bool accepted)
    {
        var batch = Batch(new TrackUpdate { TrackId = 1, Identity = new Identity { IcaoAddress = address } });

        var reason = _validator.Validate(batch);

        Assert.Equal(accepted, reason is null);
        Assert.True(accepted || reason!.Contains("identity.icao_address", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(4032u, true)]   // 7700 octal: 7*512 + 7*64 = 4032
    [InlineData(4095u, true)]   // 7777 octal
    [InlineData(4096u, false)]  // 10000 octal: five digits
    public void Validate_Mode3ACode_FourOctalDigitsOnly(uint code, bool accepted)
    {
        var batch = Batch();
        batch.Alerts.Add(new Alert { ZoneName = "z", TimeUnixUs = NowUs, Identity = new Identity { Mode3ACode = code } });

        var reason = _validator.Validate(batch);

        Assert.Equal(accepted, reason is null);
        Assert.True(accepted || reason == "alerts[0]: identity.mode3a_code 4096 is not four octal digits (0 to 4095)");
    }

    [Theory]
    [InlineData("A3", true)]
    [InlineData("D7", true)]
    [InlineData("E1", false)]
    [InlineData("A8", false)]
    [InlineData("A", false)]
    public void Validate_EmitterCategory_SetLetterAndNumber(string category, bool accepted)
    {
        var batch = Batch(new TrackUpdate { TrackId = 1, Identity = new Identity { EmitterCategory = category } });

        Assert.Equal(accepted, _validator.Validate(batch) is null);
    }

    [Fact]
    public void Validate_ZoneNameWithBidiOverride_NamesTheField()
    {
        var batch = Batch();
        batch.Alerts.Add(new Alert { ZoneName = "North\u202E", TimeUnixUs = NowUs });
        batch.Alerts[0].ZoneName = System.Text.RegularExpressions.Regex.Unescape(batch.Alerts[0].ZoneName);

        Assert.Equal("alerts[0]: zone_name holds the control or format character U+202E at 5", _validator.Validate(batch));
    }

    [Fact]
    public void Validate_HealthSourceNameTooLong_NamesTheField()
    {
        var batch = Batch();
        batch.Health = new GatewayHealth { TimeUnixUs = NowUs, Sources = { new SourceHealth { Name = new string('x', 129), Kind = "beast-serial" } } };

        Assert.Equal("health.sources[0]: name is 129 characters; at most 128", _validator.Validate(batch));
    }

    [Fact]
    public void Validate_CreatedLongMinValue_Refused()
    {
        var batch = Batch();
        batch.CreatedUnixUs = long.MinValue;

        Assert.Equal("created_unix_us -9223372036854775808 is before 1970", _validator.Validate(batch));
    }

    private static UplinkBatch Batch(params TrackUpdate[] tracks)
    {
        var batch = new UplinkBatch { GatewayId = "gw", Sequence = 1, CreatedUnixUs = NowUs };
        batch.Tracks.Add(tracks);
        return batch;
    }
}
