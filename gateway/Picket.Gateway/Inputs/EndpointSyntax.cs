using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Picket.Gateway.Inputs;

/// <summary>
/// The address part of a byte-stream spec, one grammar for <c>picket run</c>'s inputs
/// (<see cref="InputSpec"/>) and <c>picket sim</c>'s outputs: after <c>FORMAT:TRANSPORT:</c>,
/// a serial device <c>PATH[:BAUD]</c> or a network endpoint <c>HOST:PORT</c> /
/// <c>[IPv6]:PORT</c> with an optional <c>@INTERFACE</c> after the port (a UDP multicast group),
/// then <c>:OPTION</c> fields (<c>rtscts</c>, <c>gps</c>), which each caller checks against its
/// own rules. Problems are returned as phrases the caller prefixes with the spec.
/// </summary>
public static class EndpointSyntax
{
    /// <summary>True when <paramref name="address"/> is an IPv4 (224.0.0.0/4) or IPv6 multicast group.</summary>
    /// <param name="address">An IP address.</param>
    /// <returns>True for a multicast group.</returns>
    public static bool IsMulticast(string address) =>
        IPAddress.TryParse(address, out var ip)
        && (ip.IsIPv6Multicast || (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && (ip.GetAddressBytes()[0] & 0xF0) == 0xE0));

    /// <summary>Splits <c>FORMAT:TRANSPORT:REST</c>.</summary>
    /// <param name="text">The whole spec.</param>
    /// <param name="format">The format word, as written.</param>
    /// <param name="transport">The transport word, as written.</param>
    /// <param name="rest">Everything after the second colon (not empty).</param>
    /// <returns>False when there are fewer than three parts or the rest is empty.</returns>
    public static bool TrySplitKind(string text, out string format, out string transport, out string rest)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':', 3);
        format = parts[0];
        transport = parts.Length > 1 ? parts[1] : "";
        rest = parts.Length > 2 ? parts[2] : "";
        return parts.Length == 3 && rest.Length > 0;
    }

    /// <summary>Splits a serial endpoint: <c>PATH:BAUD[:OPTION...]</c>, or <c>PATH[:BAUD][:OPTION...]</c> when the baud rate is optional.</summary>
    /// <param name="rest">The text after <c>FORMAT:serial:</c>.</param>
    /// <param name="baudRequired">Whether the baud rate must be written.</param>
    /// <param name="maxBaudRate">The highest baud rate accepted.</param>
    /// <param name="path">The device path (absolute).</param>
    /// <param name="baudRate">The baud rate, or 0 when none is written.</param>
    /// <param name="options">The option fields after the path and baud rate.</param>
    /// <param name="problem">What is wrong, when the text is not a serial endpoint.</param>
    /// <returns>True when valid.</returns>
    public static bool TrySplitSerial(string rest, bool baudRequired, int maxBaudRate, out string path, out int baudRate, out string[] options, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(rest);
        var fields = rest.Split(':');
        path = fields[0];
        baudRate = 0;
        options = [];
        if (path.Length == 0 || !path.StartsWith('/'))
        {
            problem = path.Length == 0 ? "the serial device path is empty" : $"serial device '{path}' is not an absolute path (e.g. /dev/ttyUSB0, /dev/serial/by-id/...)";
            return false;
        }

        if (baudRequired && fields.Length < 2)
        {
            problem = "a serial input is FORMAT:serial:PATH:BAUD[:rtscts][:gps], e.g. beast:serial:/dev/ttyUSB0:3000000:rtscts";
            return false;
        }

        var next = 1;
        if (fields.Length > 1 && (baudRequired || (fields[1].Length > 0 && fields[1].All(char.IsAsciiDigit))))
        {
            if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out baudRate) || baudRate <= 0 || baudRate > maxBaudRate)
            {
                problem = $"baud rate '{fields[1]}' is not a whole number from 1 to {maxBaudRate}";
                return false;
            }

            next = 2;
        }

        options = fields[next..];
        problem = null;
        return true;
    }

    /// <summary>Splits a network endpoint: <c>HOST:PORT[@INTERFACE][:OPTION...]</c> or <c>[IPv6]:PORT...</c>; the host may be left out (<c>PORT[:OPTION...]</c>) when <paramref name="hostOptional"/>.</summary>
    /// <param name="rest">The text after <c>FORMAT:TRANSPORT:</c>.</param>
    /// <param name="hostOptional">Whether a bare port is accepted (the host is then null).</param>
    /// <param name="host">The host as written (brackets removed), or null when left out.</param>
    /// <param name="port">The port, 1 to 65535.</param>
    /// <param name="interfaceName">The interface after '@', or null.</param>
    /// <param name="options">The option fields after the port.</param>
    /// <param name="problem">What is wrong, when the text is not an endpoint.</param>
    /// <returns>True when valid.</returns>
    public static bool TrySplitNetwork(string rest, bool hostOptional, out string? host, out int port, out string? interfaceName, out string[] options, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(rest);
        host = null;
        port = 0;
        interfaceName = null;
        options = [];
        string afterHost;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= rest.Length || rest[close + 1] != ':')
            {
                problem = "an IPv6 address is written [ADDRESS]:PORT, e.g. [::1]:30005";
                return false;
            }

            host = rest[1..close];
            afterHost = rest[(close + 2)..];
        }
        else
        {
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var first = colon < 0 ? rest : rest[..colon];
            if (hostOptional && first.Length > 0 && first.All(char.IsAsciiDigit))
            {
                afterHost = rest;
            }
            else if (colon <= 0)
            {
                problem = "expected HOST:PORT";
                return false;
            }
            else
            {
                host = first;
                afterHost = rest[(colon + 1)..];
            }
        }

        var fields = afterHost.Split(':');
        var portText = fields[0];
        var at = portText.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            interfaceName = portText[(at + 1)..];
            portText = portText[..at];
            if (interfaceName.Length == 0)
            {
                problem = "an empty interface name after '@'";
                return false;
            }
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535)
        {
            problem = $"port '{portText}' is not a number from 1 to 65535";
            return false;
        }

        options = fields[1..];
        problem = null;
        return true;
    }
}
