namespace Picket.ModeS.Encoders;

/// <summary>
/// Property tests with fixed seeds: random field values encoded and decoded by the core's
/// <see cref="ModeSDecoder"/> come back as the spec's quantisation of the input (values the
/// test draws itself, not values the encoder produced).
/// </summary>
public sealed class EncoderDecoderRoundTripTests
{
    private const string Characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";

    [Fact]
    public void EncodeIdentification_RandomCallsigns_DecodeToSameCallsignAndCategory()
    {
        var random = new Random(11);
        var buffer = new byte[14];
        for (var i = 0; i < 5_000; i++)
        {
            var address = (uint)random.Next(1, 1 << 24);
            var text = new string(Enumerable.Range(0, random.Next(0, 9)).Select(_ => Characters[random.Next(Characters.Length)]).ToArray());
            var set = random.Next(1, 5);
            var category = random.Next(0, 8);
            Assert.True(CallsignAlphabet.TryPack(text, out var characters));
            Assert.Equal(14, ExtendedSquitterEncoder.EncodeIdentification(address, 5, set, category, characters, buffer, 0));

            var message = Decode(buffer, 14);
            Assert.Equal(ModeSCrcStatus.Valid, message.CrcStatus);
            Assert.Equal(address, message.Address);
            Assert.Equal(5 - set, message.TypeCode);
            Assert.Equal(set, message.EmitterCategorySet);
            Assert.Equal(category, message.EmitterCategory);
            var decoded = new char[8];
            var length = CallsignAlphabet.Write(message.CallsignCharacters, decoded, 0);
            Assert.Equal(text.TrimEnd(), new string(decoded, 0, length));
        }
    }

    [Fact]
    public void EncodeAirbornePosition_RandomAltitudes_DecodeToNearest25Feet()
    {
        var random = new Random(12);
        var buffer = new byte[14];
        for (var i = 0; i < 5_000; i++)
        {
            var altitude = random.Next(-1000, 50176);
            var typeCode = random.Next(9, 19);
            var latitude = random.Next(-(1 << 30), 1 << 30);
            Assert.Equal(14, ExtendedSquitterEncoder.EncodeAirbornePosition(0x4B1801, 5, typeCode, altitude, latitude, random.Next(), i % 2 == 1, buffer, 0));

            var message = Decode(buffer, 14);
            Assert.Equal(ModeSCrcStatus.Valid, message.CrcStatus);
            Assert.Equal(typeCode, message.TypeCode);
            Assert.True(message.HasAltitude);
            Assert.Equal((int)Math.Round((altitude + 1000) / 25.0, MidpointRounding.AwayFromZero) * 25 - 1000, message.AltitudeFeet);
            Assert.Equal(i % 2, message.CprFormat);
        }
    }

    [Fact]
    public void EncodeVelocity_RandomComponents_DecodeToSameSpeedTrackAndRate()
    {
        var random = new Random(13);
        var buffer = new byte[14];
        for (var i = 0; i < 5_000; i++)
        {
            var velocity = new GroundVelocity
            {
                EastKnots = random.Next(-1021, 1022),
                NorthKnots = random.Next(-1021, 1022),
                HasVerticalRate = true,
                VerticalRateFeetPerMinute = random.Next(-32_600, 32_601),
                BarometricVerticalRate = random.Next(2) == 1,
                NacV = random.Next(0, 8),
            };
            Assert.Equal(14, ExtendedSquitterEncoder.EncodeVelocity(0x4B1802, 5, ref velocity, buffer, 0));

            var message = Decode(buffer, 14);
            Assert.Equal(ModeSCrcStatus.Valid, message.CrcStatus);
            Assert.Equal(1, message.Subtype);
            var speed = Math.Sqrt((velocity.EastKnots * (double)velocity.EastKnots) + (velocity.NorthKnots * (double)velocity.NorthKnots));
            Assert.InRange(message.GroundSpeedKnotsQ10 / 1024.0, speed - 0.001, speed + 0.001);
            if (speed > 0)
            {
                var track = Math.Atan2(velocity.EastKnots, velocity.NorthKnots) * 180 / Math.PI;
                var decodedTrack = message.Track * 360.0 / 4294967296.0;
                Assert.InRange(Math.Abs(Math.IEEERemainder(decodedTrack - track, 360)), 0, 1e-6);
            }

            var rate = (int)Math.Round(Math.Abs(velocity.VerticalRateFeetPerMinute) / 64.0, MidpointRounding.AwayFromZero) * 64;
            Assert.Equal(velocity.VerticalRateFeetPerMinute < 0 ? -rate : rate, message.VerticalRateFeetPerMinute);
            Assert.Equal(velocity.BarometricVerticalRate ? VerticalRateSource.Barometric : VerticalRateSource.Gnss, message.VerticalRateSource);
            Assert.Equal(velocity.NacV, message.NacV);
        }
    }

    [Fact]
    public void EncodeSurveillanceReplies_KnownAddress_DecodeAltitudeAndSquawk()
    {
        var random = new Random(14);
        var known = new KnownAircraftTable(64, long.MaxValue / 2);
        var buffer = new byte[14];
        for (var i = 0; i < 2_000; i++)
        {
            var address = (uint)random.Next(1, 1 << 24);
            known.Mark(address, 0);
            var header = new ReplyHeader { FlightStatus = random.Next(0, 8), DownlinkRequest = random.Next(0, 32), UtilityMessage = random.Next(0, 64) };
            var altitude = random.Next(-1000, 50176);
            var squawk = random.Next(0, 4096);
            Assert.True(AltitudeCode.TryEncode13(altitude, out var code));

            Assert.Equal(7, ReplyEncoder.EncodeAltitudeReply(address, ref header, code, false, 0, buffer, 0));
            var message = Decode(buffer, 7, known);
            Assert.Equal(ModeSCrcStatus.AddressConfirmed, message.CrcStatus);
            Assert.Equal(4, message.DownlinkFormat);
            Assert.Equal(address, message.Address);
            Assert.Equal(header.FlightStatus, message.FlightStatus);
            Assert.Equal((int)Math.Round((altitude + 1000) / 25.0, MidpointRounding.AwayFromZero) * 25 - 1000, message.AltitudeFeet);

            Assert.Equal(7, ReplyEncoder.EncodeIdentityReply(address, ref header, IdentityCode.Encode(squawk), false, 0, buffer, 0));
            message = Decode(buffer, 7, known);
            Assert.Equal(5, message.DownlinkFormat);
            Assert.Equal(address, message.Address);
            Assert.Equal(squawk, message.Squawk);

            Assert.Equal(7, ReplyEncoder.EncodeAllCall(address, 5, 0, buffer, 0));
            message = Decode(buffer, 7);
            Assert.Equal(ModeSCrcStatus.Valid, message.CrcStatus);
            Assert.Equal(11, message.DownlinkFormat);
            Assert.Equal(address, message.Address);
        }
    }

    [Fact]
    public void EncodeAirbornePosition_AltitudeAboveTheQCode_ReturnsZeroAndLeavesBuffer()
    {
        var buffer = new byte[14];
        Assert.Equal(0, ExtendedSquitterEncoder.EncodeAirbornePosition(0x4B1801, 5, 11, 50_200, 0, 0, false, buffer, 0));
        Assert.Equal(0, ExtendedSquitterEncoder.EncodeAirbornePosition(0x4B1801, 5, 11, 10_000, 0, 0, false, buffer, 1)); // 13 bytes of room
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    private static ModeSMessage Decode(byte[] frame, int length, KnownAircraftTable? known = null)
    {
        var message = default(ModeSMessage);
        Assert.True(ModeSDecoder.Decode(frame, 0, length, known!, 0, 0, ref message));
        return message;
    }
}
