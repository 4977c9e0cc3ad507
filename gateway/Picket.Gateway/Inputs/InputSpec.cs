using System.Diagnostics.CodeAnalysis;
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
    public bool IsMulticast => Transport == InputTransport.Udp && EndpointSyntax.IsMulticast(Address);

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

        if (!EndpointSyntax.TrySplitKind(text, out var formatWord, out var transportWord, out var rest))
        {
            error = $"input '{text}': expected FORMAT:TRANSPORT:ADDRESS (e.g. beast:serial:/dev/ttyUSB0:3000000:rtscts, avr:tcp:127.0.0.1:30002, asterix:udp:0.0.0.0:8600)";
            return false;
        }

        if (!TryParseFormat(formatWord, out var format))
        {
            error = $"input '{text}': format '{formatWord}' is not one of beast, avr, sbs, asterix, nmea";
            return false;
        }

        var fail = (string reason) => $"input '{text}': {reason}";
        string? problem;
        switch (transportWord)
        {
            case "serial":
                spec = ParseSerial(text, format, rest, out problem);
                break;
            case "tcp":
            case "udp":
                spec = ParseNetwork(text, format, transportWord == "tcp" ? InputTransport.Tcp : InputTransport.Udp, rest, out problem);
                break;
            default:
                error = fail($"transport '{transportWord}' is not one of serial, tcp, udp");
                return false;
        }

        error = problem is null ? null : fail(problem);
        return spec is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static InputSpec? ParseSerial(string text, InputFormat format, string rest, out string? problem)
    {
        if (!EndpointSyntax.TrySplitSerial(rest, baudRequired: true, MaxBaudRate, out var path, out var baud, out var options, out problem))
        {
            return null;
        }

        var rtsCts = false;
        var gps = false;
        foreach (var option in options)
        {
            if (!TryOption(option, format, allowRtsCts: true, ref rtsCts, ref gps, out problem))
            {
                return null;
            }
        }

        return new InputSpec
        {
            Text = text,
            Format = format,
            Transport = InputTransport.Serial,
            Address = path,
            PortOrBaudRate = baud,
            RtsCts = rtsCts,
            TimestampFormat = gps ? BeastTimestampFormat.GpsSecondsOfDay : BeastTimestampFormat.TwelveMegahertz,
        };
    }

    private static InputSpec? ParseNetwork(string text, InputFormat format, InputTransport transport, string rest, out string? problem)
    {
        var example = transport == InputTransport.Tcp ? "beast:tcp:127.0.0.1:30005" : "asterix:udp:239.255.0.1:8600@eth0";
        if (!EndpointSyntax.TrySplitNetwork(rest, hostOptional: false, out var host, out var port, out var interfaceName, out var options, out problem))
        {
            problem = $"{problem}, e.g. {example}";
            return null;
        }

        if (interfaceName is not null && transport != InputTransport.Udp)
        {
            problem = "@INTERFACE is for UDP multicast only";
            return null;
        }

        if (transport == InputTransport.Udp && !IPAddress.TryParse(host, out _))
        {
            problem = $"UDP address '{host}' is not an IP address (0.0.0.0 to listen on every interface, or a multicast group such as 239.255.0.1)";
            return null;
        }

        var rtsCts = false;
        var gps = false;
        foreach (var option in options)
        {
            if (!TryOption(option, format, allowRtsCts: false, ref rtsCts, ref gps, out problem))
            {
                return null;
            }
        }

        if (interfaceName is not null && !EndpointSyntax.IsMulticast(host!))
        {
            problem = $"@{interfaceName}: an interface is given only with a multicast group address (224.0.0.0 to 239.255.255.255), not '{host}'";
            return null;
        }

        return new InputSpec
        {
            Text = text,
            Format = format,
            Transport = transport,
            Address = host!,
            PortOrBaudRate = port,
            InterfaceName = interfaceName,
            TimestampFormat = gps ? BeastTimestampFormat.GpsSecondsOfDay : BeastTimestampFormat.TwelveMegahertz,
        };
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
