using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Picket.Tools;

/// <summary>Runs Wireshark's <c>text2pcap</c> and <c>tshark</c> (Debian package <c>tshark</c>), the independent ASTERIX decoder.</summary>
internal static class Tshark
{
    public const string MissingMessage = "tshark/text2pcap not installed (Debian: apt-get install -y tshark); the encoder cannot be checked against Wireshark here";

    public static bool IsAvailable { get; } = Find("tshark") is not null && Find("text2pcap") is not null;

    /// <summary>Writes each payload as one UDP datagram to port 8600 (tshark's ASTERIX port) and returns tshark's JSON decode.</summary>
    public static string DecodeUdpPayloads(IReadOnlyList<byte[]> payloads)
    {
        var directory = Directory.CreateTempSubdirectory("picket-tshark-");
        try
        {
            var text = new StringBuilder();
            foreach (var payload in payloads)
            {
                // text2pcap's hex dump format: an offset that restarts at 0 begins a new packet.
                for (var offset = 0; offset < payload.Length; offset += 16)
                {
                    text.Append(offset.ToString("x6", CultureInfo.InvariantCulture));
                    for (var i = offset; i < Math.Min(offset + 16, payload.Length); i++)
                    {
                        text.Append(' ').Append(payload[i].ToString("x2", CultureInfo.InvariantCulture));
                    }

                    text.Append('\n');
                }
            }

            var dump = Path.Combine(directory.FullName, "blocks.txt");
            var pcap = Path.Combine(directory.FullName, "blocks.pcap");
            File.WriteAllText(dump, text.ToString());
            Run("text2pcap", ["-q", "-u", "8600,8600", dump, pcap]);
            return Run("tshark", ["-r", pcap, "-T", "json"]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Run(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(Find(tool)!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {error.Result}");
        return output;
    }

    private static string? Find(string tool)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var path = Path.Combine(directory, tool);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
