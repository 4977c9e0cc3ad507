namespace Picket.ModeS;

/// <summary>Hex strings of the test data to bytes.</summary>
internal static class Hex
{
    public static byte[] ToBytes(string hex) => Convert.FromHexString(hex);
}
