using System.Text;
using System.Text.Json;
using Picket.Cli.Verbs;

namespace Picket.Gateway.Cli.Verbs;

public class SurveillanceJsonTests
{
    [Theory]
    [InlineData(0x4840D6u, "4840D6")] // the DF17 example address of the AVR usage text
    [InlineData(0x000ABCu, "000ABC")] // leading zeros kept: always six hex digits
    public void WriteIcao_Address_SixUpperCaseHexDigits(uint address, string expected)
    {
        Assert.Equal($"{{\"icao\":\"{expected}\"}}", Write(json => SurveillanceJson.WriteIcao(json, "icao", address)));
    }

    [Theory]
    [InlineData(4032, "7700")] // 7700 octal = 7*512 + 7*64: the emergency code
    [InlineData(15, "0017")]   // 17 octal, padded to four digits
    [InlineData(0, "0000")]
    public void WriteSquawk_Code_FourOctalDigits(int code, string expected)
    {
        Assert.Equal($"{{\"squawk\":\"{expected}\"}}", Write(json => SurveillanceJson.WriteSquawk(json, "squawk", code)));
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
