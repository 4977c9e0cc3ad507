using System.Diagnostics.CodeAnalysis;
using System.Net;
using Picket.Gateway.Inputs;

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

    /// <summary>The lowest serial baud rate accepted.</summary>
    public const int MinBaudRate = 50;

    /// <summary>The highest serial baud rate accepted.</summary>
    public const int MaxBaudRate = 4_000_000;

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

        if (!EndpointSyntax.TrySplitKind(text, out var formatWord, out var transportWord, out var rest))
        {
            error = $"output '{text}': expected FORMAT:TRANSPORT:ADDRESS ({Examples})";
            return false;
        }

        PlaybackFormat format;
        switch (formatWord.ToLowerInvariant())
        {
            case "beast": format = PlaybackFormat.Beast; break;
            case "avr": format = PlaybackFormat.Avr; break;
            case "asterix": format = PlaybackFormat.Asterix; break;
            case "nmea": format = PlaybackFormat.Nmea; break;
            default:
                error = $"output '{text}': format '{formatWord}' is not one of beast, avr, asterix, nmea";
                return false;
        }

        string address;
        int number;
        string[] options;
        string? interfaceName = null;
        PlaybackTransport transport;
        string? problem;
        switch (transportWord.ToLowerInvariant())
        {
            case "serial":
                transport = PlaybackTransport.Serial;
                if (!EndpointSyntax.TrySplitSerial(rest, baudRequired: false, MaxBaudRate, out address, out number, out options, out problem))
                {
                    error = $"output '{text}': {problem}";
                    return false;
                }

                if (number == 0)
                {
                    number = DefaultBaudRate;
                }
                else if (number < MinBaudRate)
                {
                    error = $"output '{text}': baud rate '{number}' is not between {MinBaudRate} and {MaxBaudRate}";
                    return false;
                }

                break;
            case "tcp-listen":
            case "udp":
                transport = transportWord.Equals("udp", StringComparison.OrdinalIgnoreCase) ? PlaybackTransport.Udp : PlaybackTransport.TcpListen;
                if (!EndpointSyntax.TrySplitNetwork(rest, hostOptional: transport == PlaybackTransport.TcpListen, out var host, out number, out interfaceName, out options, out problem))
                {
                    error = $"output '{text}': {problem}";
                    return false;
                }

                address = host ?? "0.0.0.0";
                if (!IPAddress.TryParse(address, out _))
                {
                    error = $"output '{text}': '{address}' is not an IP address";
                    return false;
                }

                if (interfaceName is not null && (transport != PlaybackTransport.Udp || !EndpointSyntax.IsMulticast(address)))
                {
                    error = $"output '{text}': @INTERFACE is for a multicast group only";
                    return false;
                }

                break;
            default:
                error = $"output '{text}': transport '{transportWord}' is not one of serial, tcp-listen, udp";
                return false;
        }

        // Options, in any order: rtscts (serial), gps (beast, avr).
        var rtsCts = false;
        var gps = false;
        foreach (var option in options)
        {
            switch (option.ToLowerInvariant())
            {
                case "rtscts" when transport == PlaybackTransport.Serial:
                    rtsCts = true;
                    break;
                case "rtscts":
                    error = $"output '{text}': rtscts is for serial outputs only";
                    return false;
                case "gps" when format is PlaybackFormat.Beast or PlaybackFormat.Avr:
                    gps = true;
                    break;
                case "gps":
                    error = $"output '{text}': the gps option is for beast and avr timestamps only";
                    return false;
                default:
                    error = $"output '{text}': unknown option '{option}' (options: rtscts, gps)";
                    return false;
            }
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
}
