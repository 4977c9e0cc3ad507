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

    private static UplinkBatch Batch(params TrackUpdate[] tracks)
    {
        var batch = new UplinkBatch { GatewayId = "gw", Sequence = 1, CreatedUnixUs = NowUs };
        batch.Tracks.Add(tracks);
        return batch;
    }
}
