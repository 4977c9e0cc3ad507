namespace Picket.Cli.Verbs.Decode;

/// <summary>The formats <c>picket decode --format</c> accepts. Each format registers here.</summary>
internal static class DecodeFormats
{
    public static IDecodeFormat[] All { get; } =
    [
        new Asterix.AsterixDecodeFormat(),
        new Nmea.NmeaDecodeFormat(),
    ];
}
