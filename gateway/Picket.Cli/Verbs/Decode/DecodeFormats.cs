namespace Picket.Cli.Verbs.Decode;

/// <summary>The formats <c>picket decode --format</c> accepts. Each format registers here.</summary>
internal static class DecodeFormats
{
    public static IDecodeFormat[] All { get; } =
    [
        new ModeS.BeastDecodeFormat(), new ModeS.AvrDecodeFormat(), new ModeS.SbsDecodeFormat(),
        new Asterix.AsterixDecodeFormat(),
        new Nmea.NmeaDecodeFormat(),
    ];
}
