using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using Picket.Gateway.Sources;

namespace Picket.Gateway.Inputs;

/// <summary>
/// One live input, parsed from a single string (grammar in <c>Inputs/README.md</c>):
/// <c>FORMAT:serial:PATH:BAUD[:rtscts][:gps]</c>, <c>FORMAT:tcp:HOST:PORT[:gps]</c> or
/// <c>FORMAT:udp:ADDRESS:PORT[@INTERFACE]</c>, e.g. <c>beast:serial:/dev/ttyUSB0:3000000:rtscts</c>,
/// <c>avr:tcp:127.0.0.1:30002</c>, <c>asterix:udp:239.255.0.1:8600@eth0</c>.
/// </summary>
public sealed record InputSpec
{
    /// <summary>The highest baud rate accepted (above a Beast's 3 Mbaud, within what USB adapters do).</summary>
    public const int MaxBaudRate = 4_000_000;

    /// <summary>The text the spec was parsed from (its name in health).</summary>
    public required string Text { get; init; }

    /// <summary>What the bytes are.</summary>
    public required InputFormat Format { get; init; }

    /// <summary>How they arrive.</summary>
    public required InputTransport Transport { get; init; }

    /// <summary>Serial: the device path; TCP: the host; UDP: the local or multicast group address.</summary>
    public required string Address { get; init; }

    /// <summary>Serial: the baud rate; TCP and UDP: the port.</summary>
    public required int PortOrBaudRate { get; init; }

    /// <summary>Serial: RTS/CTS hardware flow control (a Beast at 3 Mbaud needs it).</summary>
    public bool RtsCts { get; init; }

    /// <summary>UDP multicast: the interface to join the group on (null: the system's choice).</summary>
    public string? InterfaceName { get; init; }

    /// <summary>What a Beast stream's timestamps count (<c>gps</c> option: Radarcape GNSS time).</summary>
    public BeastTimestampFormat TimestampFormat { get; init; }

    /// <summary>True for a UDP multicast group address.</summary>
    public bool IsMulticast => Transport == InputTransport.Udp && IPAddress.TryParse(Address, out var address)
        && (address.IsIPv6Multicast || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && (address.GetAddressBytes()[0] & 0xF0) == 0xE0));

    /// <summary>Parses a spec.</summary>
    /// <param name="text">The spec.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="FormatException">The text is not a valid spec; the message names the problem.</exception>
    public static InputSpec Parse(string text) =>
        TryParse(text, out var spec, out var error) ? spec : throw new FormatException(error);

    /// <summary>Parses a spec.</summary>
    /// <param name="text">The spec.</param>
    /// <param name="spec">The spec, when valid.</param>
    /// <param name="error">What is wrong (quoting the text), when not.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out InputSpec? spec, [NotNullWhen(false)] out string? error)
    {
        spec = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "input spec is empty (expected FORMAT:TRANSPORT:ADDRESS, e.g. beast:tcp:127.0.0.1:30005)";
            return false;
        }

        var parts = text.Split(':', 3);
        if (parts.Length < 3)
        {
            error = $"input '{text}': expected FORMAT:TRANSPORT:ADDRESS (e.g. beast:serial:/dev/ttyUSB0:3000000:rtscts, avr:tcp:127.0.0.1:30002, asterix:udp:0.0.0.0:8600)";
            return false;
        }

        if (!TryParseFormat(parts[0], out var format))
        {
            error = $"input '{text}': format '{parts[0]}' is not one of beast, avr, sbs, asterix, nmea";
            return false;
        }

        var fail = (string reason) => $"input '{text}': {reason}";
        string? problem;
        switch (parts[1])
        {
            case "serial":
                spec = ParseSerial(text, format, parts[2], out problem);
                break;
            case "tcp":
            case "udp":
                spec = ParseNetwork(text, format, parts[1] == "tcp" ? InputTransport.Tcp : InputTransport.Udp, parts[2], out problem);
                break;
            default:
                error = fail($"transport '{parts[1]}' is not one of serial, tcp, udp");
                return false;
        }

        error = problem is null ? null : fail(problem);
        return spec is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static InputSpec? ParseSerial(string text, InputFormat format, string rest, out string? problem)
    {
        var fields = rest.Split(':');
        if (fields.Length < 2 || fields[0].Length == 0)
        {
            problem = "a serial input is FORMAT:serial:PATH:BAUD[:rtscts][:gps], e.g. beast:serial:/dev/ttyUSB0:3000000:rtscts";
            return null;
        }

        if (!fields[0].StartsWith('/'))
        {
            problem = $"serial device '{fields[0]}' is not an absolute path (e.g. /dev/ttyUSB0, /dev/serial/by-id/...)";
            return null;
        }

        if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var baud) || baud <= 0 || baud > MaxBaudRate)
        {
            problem = $"baud rate '{fields[1]}' is not a whole number from 1 to {MaxBaudRate}";
            return null;
        }

        var rtsCts = false;
        var gps = false;
        for (var i = 2; i < fields.Length; i++)
        {
            if (!TryOption(fields[i], format, allowRtsCts: true, ref rtsCts, ref gps, out problem))
            {
                return null;
            }
        }

        problem = null;
        return new InputSpec
        {
            Text = text,
            Format = format,
            Transport = InputTransport.Serial,
            Address = fields[0],
            PortOrBaudRate = baud,
            RtsCts = rtsCts,
            TimestampFormat = gps ? BeastTimestampFormat.GpsSecondsOfDay : BeastTimestampFormat.TwelveMegahertz,
        };
    }

    private static InputSpec? ParseNetwork(string text, InputFormat format, InputTransport transport, string rest, out string? problem)
    {
        var example = transport == InputTransport.Tcp ? "beast:tcp:127.0.0.1:30005" : "asterix:udp:239.255.0.1:8600@eth0";
        string host;
        string afterHost;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= rest.Length || rest[close + 1] != ':')
            {
                problem = $"an IPv6 address is written [ADDRESS]:PORT, e.g. [::1]:30005";
                return null;
            }

            host = rest[1..close];
            afterHost = rest[(close + 2)..];
        }
        else
        {
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                problem = $"expected HOST:PORT after '{(transport == InputTransport.Tcp ? "tcp" : "udp")}:', e.g. {example}";
                return null;
            }

            host = rest[..colon];
            afterHost = rest[(colon + 1)..];
        }

        var fields = afterHost.Split(':');
        var portText = fields[0];
        string? interfaceName = null;
        var at = portText.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            interfaceName = portText[(at + 1)..];
            portText = portText[..at];
            if (transport != InputTransport.Udp || interfaceName.Length == 0)
            {
                problem = transport != InputTransport.Udp
                    ? "@INTERFACE is for UDP multicast only"
                    : "an empty interface name after '@'";
                return null;
            }
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port < 1 || port > 65535)
        {
            problem = $"port '{portText}' is not a number from 1 to 65535";
            return null;
        }

        if (transport == InputTransport.Udp && !IPAddress.TryParse(host, out _))
        {
            problem = $"UDP address '{host}' is not an IP address (0.0.0.0 to listen on every interface, or a multicast group such as 239.255.0.1)";
            return null;
        }

        var rtsCts = false;
        var gps = false;
        for (var i = 1; i < fields.Length; i++)
        {
            if (!TryOption(fields[i], format, allowRtsCts: false, ref rtsCts, ref gps, out problem))
            {
                return null;
            }
        }

        var spec = new InputSpec
        {
            Text = text,
            Format = format,
            Transport = transport,
            Address = host,
            PortOrBaudRate = port,
            InterfaceName = interfaceName,
            TimestampFormat = gps ? BeastTimestampFormat.GpsSecondsOfDay : BeastTimestampFormat.TwelveMegahertz,
        };
        if (interfaceName is not null && !spec.IsMulticast)
        {
            problem = $"@{interfaceName}: an interface is given only with a multicast group address (224.0.0.0 to 239.255.255.255), not '{host}'";
            return null;
        }

        problem = null;
        return spec;
    }

    private static bool TryOption(string option, InputFormat format, bool allowRtsCts, ref bool rtsCts, ref bool gps, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        switch (option)
        {
            case "rtscts" when allowRtsCts:
                rtsCts = true;
                return true;
            case "gps" when format == InputFormat.Beast:
                gps = true;
                return true;
            case "gps":
                problem = "option 'gps' (GNSS timestamps) is for Beast inputs only";
                return false;
            default:
                problem = $"unknown option '{option}' (options: {(allowRtsCts ? "rtscts, " : string.Empty)}gps)";
                return false;
        }
    }

    private static bool TryParseFormat(string text, out InputFormat format)
    {
        format = text switch
        {
            "beast" => InputFormat.Beast,
            "avr" => InputFormat.Avr,
            "sbs" => InputFormat.Sbs,
            "asterix" => InputFormat.Asterix,
            "nmea" => InputFormat.Nmea,
            _ => (InputFormat)(-1),
        };
        return format >= 0;
    }
}
