using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Picket.Simulation.Playback;

/// <summary>
/// One output of <c>picket sim</c>, parsed from a single string in the spelling of <c>picket
/// run</c>'s input specs (grammar in <c>Playback/README.md</c>):
/// <c>FORMAT:serial:PATH[:BAUD][:rtscts][:gps]</c>, <c>FORMAT:tcp-listen:[HOST:]PORT[:gps]</c> or
/// <c>FORMAT:udp:ADDRESS:PORT[@INTERFACE][:gps]</c>, e.g. <c>beast:tcp-listen:30005</c>,
/// <c>asterix:udp:239.1.2.3:8600</c>, <c>beast:serial:/dev/pts/7</c>, <c>nmea:serial:/dev/pts/9:9600</c>.
/// </summary>
public sealed record PlaybackOutputSpec
{
    /// <summary>The serial baud rate when none is given (a pseudo-terminal ignores it).</summary>
    public const int DefaultBaudRate = 115_200;

    /// <summary>The text the spec was parsed from.</summary>
    public required string Text { get; init; }

    /// <summary>What is written.</summary>
    public required PlaybackFormat Format { get; init; }

    /// <summary>Where it goes.</summary>
    public required PlaybackTransport Transport { get; init; }

    /// <summary>Serial: the device path; TCP: the address to listen on; UDP: the destination address or group.</summary>
    public required string Address { get; init; }

    /// <summary>Serial: the baud rate; TCP and UDP: the port.</summary>
    public required int PortOrBaudRate { get; init; }

    /// <summary>Serial: RTS/CTS hardware flow control.</summary>
    public bool RtsCts { get; init; }

    /// <summary>UDP multicast: the interface to send on (null: the system's choice).</summary>
    public string? InterfaceName { get; init; }

    /// <summary>Beast and AVR: timestamps are GNSS time of day (Radarcape: bits 47-30 seconds of the UTC day, bits 29-0 nanoseconds), not a 12 MHz counter from the scenario's start.</summary>
    public bool GpsTimestamps { get; init; }

    /// <summary>Parses a spec.</summary>
    /// <param name="text">The spec.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="FormatException">The text is not a valid spec; the message names the problem.</exception>
    public static PlaybackOutputSpec Parse(string text) =>
        TryParse(text, out var spec, out var error) ? spec : throw new FormatException(error);

    /// <summary>Parses a spec.</summary>
    /// <param name="text">The spec.</param>
    /// <param name="spec">The spec, when valid.</param>
    /// <param name="error">What is wrong (quoting the text), when not.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PlaybackOutputSpec? spec, [NotNullWhen(false)] out string? error)
    {
        spec = null;
        const string Examples = "e.g. beast:tcp-listen:30005, asterix:udp:239.1.2.3:8600, beast:serial:/dev/pts/7, nmea:serial:/dev/pts/9:9600";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"output spec is empty (expected FORMAT:TRANSPORT:ADDRESS, {Examples})";
            return false;
        }

        var parts = text.Split(':', 3);
        if (parts.Length < 3 || parts[2].Length == 0)
        {
            error = $"output '{text}': expected FORMAT:TRANSPORT:ADDRESS ({Examples})";
            return false;
        }

        PlaybackFormat format;
        switch (parts[0].ToLowerInvariant())
        {
            case "beast": format = PlaybackFormat.Beast; break;
            case "avr": format = PlaybackFormat.Avr; break;
            case "asterix": format = PlaybackFormat.Asterix; break;
            case "nmea": format = PlaybackFormat.Nmea; break;
            default:
                error = $"output '{text}': format '{parts[0]}' is not one of beast, avr, asterix, nmea";
                return false;
        }

        // Trailing options, in any order: rtscts (serial), gps (beast, avr).
        var rest = parts[2];
        var rtsCts = false;
        var gps = false;
        while (true)
        {
            if (rest.EndsWith(":rtscts", StringComparison.OrdinalIgnoreCase))
            {
                rtsCts = true;
                rest = rest[..^":rtscts".Length];
            }
            else if (rest.EndsWith(":gps", StringComparison.OrdinalIgnoreCase))
            {
                gps = true;
                rest = rest[..^":gps".Length];
            }
            else
            {
                break;
            }
        }

        if (gps && format is not (PlaybackFormat.Beast or PlaybackFormat.Avr))
        {
            error = $"output '{text}': the gps option is for beast and avr timestamps only";
            return false;
        }

        string address;
        int number;
        string? interfaceName = null;
        PlaybackTransport transport;
        switch (parts[1].ToLowerInvariant())
        {
            case "serial":
                transport = PlaybackTransport.Serial;
                number = DefaultBaudRate;
                var colon = rest.LastIndexOf(':');
                if (colon > 0 && rest[(colon + 1)..].All(char.IsAsciiDigit) && colon < rest.Length - 1)
                {
                    if (!int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 50 || number > 4_000_000)
                    {
                        error = $"output '{text}': baud rate '{rest[(colon + 1)..]}' is not between 50 and 4000000";
                        return false;
                    }

                    rest = rest[..colon];
                }

                if (rest.Length == 0)
                {
                    error = $"output '{text}': the serial device path is empty";
                    return false;
                }

                address = rest;
                break;
            case "tcp-listen":
                transport = PlaybackTransport.TcpListen;
                if (rtsCts)
                {
                    error = $"output '{text}': rtscts is for serial outputs only";
                    return false;
                }

                if (!TrySplitHostPort(rest, "0.0.0.0", out address, out number, out error, text))
                {
                    return false;
                }

                break;
            case "udp":
                transport = PlaybackTransport.Udp;
                if (rtsCts)
                {
                    error = $"output '{text}': rtscts is for serial outputs only";
                    return false;
                }

                var at = rest.IndexOf('@', StringComparison.Ordinal);
                if (at >= 0)
                {
                    interfaceName = rest[(at + 1)..];
                    rest = rest[..at];
                    if (interfaceName.Length == 0)
                    {
                        error = $"output '{text}': the interface after '@' is empty";
                        return false;
                    }
                }

                if (!TrySplitHostPort(rest, null, out address, out number, out error, text))
                {
                    return false;
                }

                if (interfaceName is not null && !IsMulticast(address))
                {
                    error = $"output '{text}': @INTERFACE is for a multicast group only";
                    return false;
                }

                break;
            default:
                error = $"output '{text}': transport '{parts[1]}' is not one of serial, tcp-listen, udp";
                return false;
        }

        spec = new PlaybackOutputSpec
        {
            Text = text,
            Format = format,
            Transport = transport,
            Address = address,
            PortOrBaudRate = number,
            RtsCts = rtsCts,
            InterfaceName = interfaceName,
            GpsTimestamps = gps,
        };
        error = null;
        return true;
    }

    /// <summary>True when <paramref name="address"/> is an IPv4 or IPv6 multicast group.</summary>
    /// <param name="address">An IP address.</param>
    /// <returns>True for a multicast group.</returns>
    public static bool IsMulticast(string address) =>
        IPAddress.TryParse(address, out var ip)
        && (ip.IsIPv6Multicast || (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && (ip.GetAddressBytes()[0] & 0xF0) == 0xE0));

    private static bool TrySplitHostPort(string rest, string? defaultHost, out string host, out int port, [NotNullWhen(false)] out string? error, string text)
    {
        host = defaultHost ?? "";
        port = 0;
        string portText;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"output '{text}': expected [IPv6]:PORT";
                return false;
            }

            host = rest[1..close];
            portText = rest[(close + 2)..];
        }
        else
        {
            var colon = rest.LastIndexOf(':');
            if (colon < 0)
            {
                if (defaultHost is null)
                {
                    error = $"output '{text}': expected ADDRESS:PORT";
                    return false;
                }

                portText = rest;
            }
            else
            {
                host = rest[..colon];
                portText = rest[(colon + 1)..];
            }
        }

        if (!IPAddress.TryParse(host, out _))
        {
            error = $"output '{text}': '{host}' is not an IP address";
            return false;
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535)
        {
            error = $"output '{text}': port '{portText}' is not a whole number from 1 to 65535";
            return false;
        }

        error = null;
        return true;
    }
}
