using System.Globalization;
using Microsoft.Extensions.Configuration;
using Picket.Gateway.Inputs;
using Picket.Gateway.Tracking;

namespace Picket.Gateway.Configuration;

/// <summary>
/// Reads and validates <see cref="GatewaySettings"/> from configuration (appsettings.json, then
/// <c>PICKET_</c> environment variables, then the command line). Every error names the key and
/// the reason; a key the gateway does not know is an error too (a typo such as
/// <c>Outbox:MaxMegabyte</c> must not silently leave the default in force). <c>Logging</c> is
/// passed to the host unchecked.
/// </summary>
public static class GatewaySettingsReader
{
    /// <summary>Prefix of environment variables that override configuration (<c>PICKET_Uplink__Token</c>).</summary>
    public const string EnvironmentPrefix = "PICKET_";

    /// <summary>The default status file.</summary>
    public const string DefaultStatusPath = "/run/picket/status.json";

    private static readonly string[] KnownKeys =
    [
        "Gateway:Id", "Gateway:SiteName",
        "Site:Latitude", "Site:Longitude", "Site:HeightMetres",
        "Radar:Latitude", "Radar:Longitude", "Radar:HeightMetres",
        "Gnss:Input", "Gnss:Require3dFix", "Gnss:MaxHorizontalErrorMetres", "Gnss:MaxSiteDisagreementMetres",
        "Clock:TrustSystemClock",
        "Zones:Path",
        "Publishing:TrackIntervalMilliseconds", "Publishing:BatchMilliseconds", "Publishing:MaxBatchBytes", "Publishing:Tentative",
        "Outbox:Path", "Outbox:MaxMegabytes", "Outbox:MaxAgeHours", "Outbox:CommitMilliseconds",
        "Uplink:Address", "Uplink:Token", "Uplink:TokenFile", "Uplink:CertificatePath", "Uplink:KeyPath", "Uplink:CaPath",
        "Uplink:KeepAliveSeconds", "Uplink:AckTimeoutSeconds",
        "Health:IntervalSeconds", "Health:TextfileDirectory", "Health:StatusPath",
        "Gpio:Chip", "Gpio:StatusLedPin", "Gpio:ServiceButtonPin", "Gpio:LongPressMilliseconds",
    ];

    /// <summary>Sections whose content belongs to others and is not checked here.</summary>
    private static readonly string[] PassThroughSections = ["Logging"];

    /// <summary>Sections holding a list (<c>Inputs:0</c>, <c>Inputs:1</c>, ...).</summary>
    private const string InputsSection = "Inputs";

    /// <summary>Builds the configuration the gateway reads: the JSON file (when given), environment, command line.</summary>
    /// <param name="configPath">appsettings.json, or null.</param>
    /// <param name="overrides">Command-line overrides in configuration syntax (<c>--Uplink:Address URL</c>).</param>
    /// <exception cref="GatewayConfigurationException">The file is missing or not valid JSON.</exception>
    public static IConfigurationRoot Build(string? configPath, IReadOnlyList<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var builder = new ConfigurationBuilder();
        if (configPath is not null)
        {
            var full = Path.GetFullPath(configPath);
            if (Directory.Exists(full))
            {
                throw new GatewayConfigurationException($"--config {configPath}: is a directory, not a file");
            }

            if (!File.Exists(full))
            {
                throw new GatewayConfigurationException($"--config {configPath}: no such file");
            }

            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        builder.AddCommandLine([.. overrides]);
        try
        {
            return builder.Build();
        }
        catch (InvalidDataException e)
        {
            throw new GatewayConfigurationException($"--config {configPath}: not valid JSON: {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new GatewayConfigurationException($"configuration: {e.Message}", e);
        }
    }

    /// <summary>Reads and validates the settings.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <exception cref="GatewayConfigurationException">A setting is missing, malformed or unknown.</exception>
    public static GatewaySettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        RejectUnknownKeys(configuration);

        var gatewayId = configuration["Gateway:Id"];
        if (string.IsNullOrWhiteSpace(gatewayId))
        {
            throw new GatewayConfigurationException("Gateway:Id is required (the identity the gateway authenticates with)");
        }

        if (gatewayId.Length > 64 || !gatewayId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new GatewayConfigurationException($"Gateway:Id '{gatewayId}': 1-64 characters of A-Z, a-z, 0-9, '-', '_', '.'");
        }

        var inputs = configuration.GetSection(InputsSection).GetChildren()
            .OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
            .Select(c => CheckInput($"Inputs:{c.Key}", c.Value ?? throw new GatewayConfigurationException($"Inputs:{c.Key}: an input specification is a string, e.g. beast:tcp:127.0.0.1:30005")))
            .ToArray();
        var gnss = Optional(configuration, "Gnss:Input") is { } gnssText ? CheckGnssInput("Gnss:Input", gnssText) : null;
        if (gnss is null && configuration.GetSection("Gnss").GetChildren().FirstOrDefault(c => c.Value is not null && c.Value.Trim().Length > 0) is { } orphan)
        {
            throw new GatewayConfigurationException($"Gnss:{orphan.Key}: has no effect without Gnss:Input (the GNSS source, e.g. gpsd:127.0.0.1:2947 or nmea:serial:/dev/ttyAMA0:9600)");
        }

        if (inputs.Length == 0)
        {
            throw new GatewayConfigurationException("Inputs: at least one input is required, e.g. Inputs:0 = beast:serial:/dev/ttyUSB0:3000000:rtscts");
        }

        var site = ReadSite(configuration, "Site");
        if (site is null && gnss is null)
        {
            throw new GatewayConfigurationException("Site: the mast's position is required (Site:Latitude, Site:Longitude, Site:HeightMetres) unless Gnss:Input gives it");
        }

        var token = Optional(configuration, "Uplink:Token");
        var tokenFile = Optional(configuration, "Uplink:TokenFile");
        if (token is not null && tokenFile is not null)
        {
            throw new GatewayConfigurationException("Uplink:Token and Uplink:TokenFile: give one, not both");
        }

        if (tokenFile is not null)
        {
            token = ReadTokenFile(tokenFile);
        }

        var certificate = ExistingFile(configuration, "Uplink:CertificatePath");
        var key = ExistingFile(configuration, "Uplink:KeyPath");
        if ((certificate is null) != (key is null))
        {
            throw new GatewayConfigurationException("Uplink:CertificatePath and Uplink:KeyPath: give both (the gateway's certificate and its key) or neither");
        }

        var address = ReadAddress(configuration, "Uplink:Address");
        if (address is not null && token is null && certificate is null)
        {
            throw new GatewayConfigurationException("Uplink: the server needs credentials: Uplink:Token (or Uplink:TokenFile), or Uplink:CertificatePath with Uplink:KeyPath");
        }

        if (address is not null && certificate is not null && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new GatewayConfigurationException($"Uplink:Address {address}: a client certificate needs https");
        }

        return new GatewaySettings
        {
            GatewayId = gatewayId,
            SiteName = Optional(configuration, "Gateway:SiteName") ?? "",
            Site = site,
            RadarSite = ReadSite(configuration, "Radar"),
            Inputs = inputs,
            GnssInput = gnss,
            GnssFixRequirement = new GnssFixRequirement(
                ReadBool(configuration, "Gnss:Require3dFix", true),
                ReadInt(configuration, "Gnss:MaxHorizontalErrorMetres", 1, 10_000, 50) * 1000),
            MaxSiteDisagreementMetres = ReadInt(configuration, "Gnss:MaxSiteDisagreementMetres", 1, 100_000, 100),
            TrustSystemClock = ReadBool(configuration, "Clock:TrustSystemClock", false),
            ZonesPath = ExistingFile(configuration, "Zones:Path"),
            TrackInterval = TimeSpan.FromMilliseconds(ReadInt(configuration, "Publishing:TrackIntervalMilliseconds", 0, 3_600_000, 1000)),
            BatchInterval = TimeSpan.FromMilliseconds(ReadInt(configuration, "Publishing:BatchMilliseconds", 50, 60_000, 1000)),
            MaxBatchBytes = ReadInt(configuration, "Publishing:MaxBatchBytes", 1024, 4 * 1024 * 1024, 64 * 1024),
            PublishTentative = ReadBool(configuration, "Publishing:Tentative", false),
            OutboxPath = Optional(configuration, "Outbox:Path") ?? throw new GatewayConfigurationException("Outbox:Path is required (the outbox's SQLite file, e.g. /var/lib/picket/outbox.db)"),
            OutboxMaxBytes = ReadInt(configuration, "Outbox:MaxMegabytes", 1, 1024 * 1024, 256) * 1024L * 1024,
            OutboxMaxAge = TimeSpan.FromHours(ReadInt(configuration, "Outbox:MaxAgeHours", 1, 24 * 365, 72)),
            OutboxCommitInterval = TimeSpan.FromMilliseconds(ReadInt(configuration, "Outbox:CommitMilliseconds", 10, 60_000, 1000)),
            UplinkAddress = address,
            UplinkToken = token,
            UplinkCertificatePath = certificate,
            UplinkKeyPath = key,
            UplinkCaPath = ExistingFile(configuration, "Uplink:CaPath"),
            UplinkKeepAlive = TimeSpan.FromSeconds(ReadInt(configuration, "Uplink:KeepAliveSeconds", 5, 3600, 20)),
            UplinkAckTimeout = TimeSpan.FromSeconds(ReadInt(configuration, "Uplink:AckTimeoutSeconds", 1, 3600, 30)),
            HealthInterval = TimeSpan.FromSeconds(ReadInt(configuration, "Health:IntervalSeconds", 1, 3600, 10)),
            PrometheusTextfileDirectory = ExistingDirectory(configuration, "Health:TextfileDirectory"),
            StatusPath = Optional(configuration, "Health:StatusPath") ?? DefaultStatusPath,
            Gpio = ReadGpio(configuration),
        };
    }

    private static void RejectUnknownKeys(IConfiguration configuration)
    {
        var known = new HashSet<string>(KnownKeys, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in configuration.AsEnumerable())
        {
            var key = pair.Key;
            if (pair.Value is null)
            {
                continue; // A section, not a value.
            }

            var section = key.Split(':')[0];
            if (PassThroughSections.Contains(section, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (section.Equals(InputsSection, StringComparison.OrdinalIgnoreCase))
            {
                var parts = key.Split(':');
                if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    continue;
                }

                throw new GatewayConfigurationException($"{key}: Inputs is a list of input specifications (Inputs:0, Inputs:1, ...)");
            }

            if (!known.Contains(key))
            {
                var suggestion = KnownKeys.Where(k => k.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase)).ToArray();
                throw new GatewayConfigurationException(suggestion.Length > 0
                    ? $"{key}: unknown setting; {section} knows {string.Join(", ", suggestion)}"
                    : $"{key}: unknown setting (sections: Gateway, Site, Radar, Inputs, Gnss, Clock, Zones, Publishing, Outbox, Uplink, Health, Gpio, Logging)");
            }
        }
    }

    private static string CheckInput(string key, string text)
    {
        if (!InputSpec.TryParse(text, out _, out var error))
        {
            throw new GatewayConfigurationException($"{key} '{text}': {error}");
        }

        return text;
    }

    private static string CheckGnssInput(string key, string text)
    {
        if (!GnssSources.TryValidate(text, out var error))
        {
            throw new GatewayConfigurationException($"{key} '{text}': {error}");
        }

        return text;
    }

    private static GeoSite? ReadSite(IConfiguration configuration, string section)
    {
        var latitude = Optional(configuration, section + ":Latitude");
        var longitude = Optional(configuration, section + ":Longitude");
        var height = Optional(configuration, section + ":HeightMetres");
        if (latitude is null && longitude is null && height is null)
        {
            return null;
        }

        var lat = ReadDouble(configuration, section + ":Latitude", -90, 90);
        var lon = ReadDouble(configuration, section + ":Longitude", -180, 180);
        var alt = height is null ? 0 : ReadDouble(configuration, section + ":HeightMetres", -500, 9000);
        return new GeoSite(lat, lon, alt);
    }

    private static GpioSettings? ReadGpio(IConfiguration configuration)
    {
        if (!configuration.GetSection("Gpio").GetChildren().Any())
        {
            return null;
        }

        var led = ReadInt(configuration, "Gpio:StatusLedPin", 0, 511, -1);
        var button = ReadInt(configuration, "Gpio:ServiceButtonPin", 0, 511, -1);
        if (led >= 0 && led == button)
        {
            throw new GatewayConfigurationException($"Gpio:ServiceButtonPin {button}: the same pin as Gpio:StatusLedPin");
        }

        return new GpioSettings
        {
            Chip = ReadInt(configuration, "Gpio:Chip", 0, 63, 0),
            StatusLedPin = led,
            ServiceButtonPin = button,
            LongPress = TimeSpan.FromMilliseconds(ReadInt(configuration, "Gpio:LongPressMilliseconds", 200, 60_000, 3000)),
        };
    }

    private static string ReadTokenFile(string path)
    {
        try
        {
            var token = File.ReadAllText(path).Trim();
            return token.Length > 0 ? token : throw new GatewayConfigurationException($"Uplink:TokenFile {path}: the file is empty");
        }
        catch (IOException e)
        {
            throw new GatewayConfigurationException($"Uplink:TokenFile {path}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new GatewayConfigurationException($"Uplink:TokenFile {path}: not readable ({e.Message})", e);
        }
    }

    private static Uri? ReadAddress(IConfiguration configuration, string key)
    {
        var text = Optional(configuration, key);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new GatewayConfigurationException($"{key} '{text}': an http:// or https:// address, e.g. https://picket.example:5171");
    }

    private static string? ExistingFile(IConfiguration configuration, string key)
    {
        var path = Optional(configuration, key);
        if (path is null)
        {
            return null;
        }

        if (Directory.Exists(path))
        {
            throw new GatewayConfigurationException($"{key} {path}: is a directory, not a file");
        }

        return File.Exists(path) ? path : throw new GatewayConfigurationException($"{key} {path}: no such file");
    }

    private static string? ExistingDirectory(IConfiguration configuration, string key)
    {
        var path = Optional(configuration, key);
        if (path is null)
        {
            return null;
        }

        return Directory.Exists(path) ? path : throw new GatewayConfigurationException($"{key} {path}: no such directory");
    }

    private static string? Optional(IConfiguration configuration, string key) =>
        configuration[key] is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    private static int ReadInt(IConfiguration configuration, string key, int min, int max, int fallback)
    {
        var text = Optional(configuration, key);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new GatewayConfigurationException($"{key} '{text}': a whole number from {min} to {max}");
    }

    private static double ReadDouble(IConfiguration configuration, string key, double min, double max)
    {
        var text = Optional(configuration, key) ?? throw new GatewayConfigurationException($"{key} is required");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new GatewayConfigurationException($"{key} '{text}': a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
    }

    private static bool ReadBool(IConfiguration configuration, string key, bool fallback)
    {
        var text = Optional(configuration, key);
        if (text is null)
        {
            return fallback;
        }

        return bool.TryParse(text, out var value) ? value : throw new GatewayConfigurationException($"{key} '{text}': true or false");
    }
}
