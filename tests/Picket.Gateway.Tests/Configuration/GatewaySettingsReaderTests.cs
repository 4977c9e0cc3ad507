namespace Picket.Gateway.Configuration;

public sealed class GatewaySettingsReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("picket-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void AValidFileIsReadWithItsDefaults()
    {
        var settings = Read(Minimal);
        Assert.Equal("mast-17", settings.GatewayId);
        Assert.Equal(["beast:tcp:127.0.0.1:30005", "asterix:udp:0.0.0.0:8600"], settings.Inputs);
        Assert.Equal(59.5, settings.Site!.LatitudeDegrees);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.TrackInterval);
        Assert.Equal(256L * 1024 * 1024, settings.OutboxMaxBytes);
        Assert.Null(settings.UplinkAddress);
        Assert.Null(settings.Gpio);
        Assert.Equal(GatewaySettingsReader.DefaultStatusPath, settings.StatusPath);
    }

    [Theory]
    [InlineData("\"Outbox\": { \"Path\": \"/tmp/o.db\", \"MaxMegabyte\": 10 }", "Outbox:MaxMegabyte: unknown setting; Outbox knows Outbox:Path, Outbox:MaxMegabytes")]
    [InlineData("\"Outbox\": { \"Path\": \"/tmp/o.db\" }, \"Uplnk\": { \"Address\": \"https://x\" }", "Uplnk:Address: unknown setting (sections:")]
    [InlineData("\"Outbox\": { \"Path\": \"/tmp/o.db\" }, \"Inputs\": { \"first\": \"beast:tcp:h:1\" }", "Inputs:first: Inputs is a list")]
    public void AnUnknownKeyInTheFileIsAnErrorNamingIt(string outbox, string expected)
    {
        var json = Minimal.Replace("\"Outbox\": { \"Path\": \"/tmp/o.db\" }", outbox, StringComparison.Ordinal);
        var e = Assert.Throws<GatewayConfigurationException>(() => Read(json));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownKeyOnTheCommandLineIsAnError()
    {
        var e = Assert.Throws<GatewayConfigurationException>(() => Read(Minimal, "--Publishing:TrackInterval", "500"));
        Assert.StartsWith("Publishing:TrackInterval: unknown setting", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Publishing:TrackIntervalMilliseconds", "-5", "Publishing:TrackIntervalMilliseconds '-5': a whole number from 0 to 3600000")]
    [InlineData("--Site:Latitude", "91", "Site:Latitude '91': a number from -90 to 90")]
    [InlineData("--Gateway:Id", "mast 17", "Gateway:Id 'mast 17': 1-64 characters")]
    [InlineData("--Uplink:Address", "ftp://server", "Uplink:Address 'ftp://server': an http:// or https:// address")]
    [InlineData("--Uplink:Address", "https://server:5171", "Uplink: the server needs credentials")]
    [InlineData("--Zones:Path", "/nonexistent/zones.geojson", "Zones:Path /nonexistent/zones.geojson: no such file")]
    [InlineData("--Publishing:Tentative", "yes", "Publishing:Tentative 'yes': true or false")]
    [InlineData("--Inputs:1", "beast:tcp:127.0.0.1", "Inputs:1 'beast:tcp:127.0.0.1': ")]
    [InlineData("--Gnss:Input", "gps:serial:/dev/ttyS0:9600", "Gnss:Input 'gps:serial:/dev/ttyS0:9600': ")]
    [InlineData("--Gnss:Input", "beast:tcp:127.0.0.1:30005", "Gnss:Input 'beast:tcp:127.0.0.1:30005': a GNSS source is gpsd[:HOST[:PORT]] or an nmea input")]
    [InlineData("--Gnss:Input", "gpsd:localhost:99999", "Gnss:Input 'gpsd:localhost:99999': 'gpsd:localhost:99999': port '99999' is not a whole number from 1 to 65535")]
    [InlineData("--Gnss:Require3dFix", "true", "Gnss:Require3dFix: has no effect without Gnss:Input")]
    public void ABadValueNamesTheKeyAndTheReason(string key, string value, string expected)
    {
        var e = Assert.Throws<GatewayConfigurationException>(() => Read(Minimal, key, value));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Gnss:MaxHorizontalErrorMetres", "0", "Gnss:MaxHorizontalErrorMetres '0': a whole number from 1 to 10000")]
    [InlineData("--Gnss:MaxSiteDisagreementMetres", "far", "Gnss:MaxSiteDisagreementMetres 'far': a whole number from 1 to 100000")]
    [InlineData("--Gnss:Require3dFix", "maybe", "Gnss:Require3dFix 'maybe': true or false")]
    public void ABadGnssValueNamesTheKeyAndTheReason(string key, string value, string expected)
    {
        var e = Assert.Throws<GatewayConfigurationException>(() => Read(Minimal, "--Gnss:Input", "gpsd", key, value));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GnssKeysAreReadWithTheirDefaults()
    {
        var defaults = Read(Minimal, "--Gnss:Input", "gpsd");
        Assert.Equal("gpsd", defaults.GnssInput);
        Assert.Equal(new Inputs.GnssFixRequirement(true, 50_000), defaults.GnssFixRequirement);
        Assert.Equal(100, defaults.MaxSiteDisagreementMetres);

        var set = Read(Minimal, "--Gnss:Input", "gpsd:[::1]:2948", "--Gnss:Require3dFix", "false", "--Gnss:MaxHorizontalErrorMetres", "10", "--Gnss:MaxSiteDisagreementMetres", "250");
        Assert.Equal(new Inputs.GnssFixRequirement(false, 10_000), set.GnssFixRequirement);
        Assert.Equal(250, set.MaxSiteDisagreementMetres);
    }

    [Fact]
    public void MissingRequiredSettingsAreNamed()
    {
        Assert.StartsWith("Gateway:Id is required", Assert.Throws<GatewayConfigurationException>(() => Read("{ }")).Message, StringComparison.Ordinal);
        Assert.StartsWith("Inputs: at least one input", Assert.Throws<GatewayConfigurationException>(() => Read("{ \"Gateway\": { \"Id\": \"m\" } }")).Message, StringComparison.Ordinal);
        Assert.StartsWith("Site: the mast's position is required", Assert.Throws<GatewayConfigurationException>(() => Read("{ \"Gateway\": { \"Id\": \"m\" }, \"Inputs\": [\"beast:tcp:h:1\"] }")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTokenComesFromItsFileAndOnlyOneSourceIsAllowed()
    {
        var tokenFile = Path.Combine(_directory, "token");
        File.WriteAllText(tokenFile, "s3cret\n");
        var settings = Read(Minimal, "--Uplink:Address", "https://server:5171", "--Uplink:TokenFile", tokenFile);
        Assert.Equal("s3cret", settings.UplinkToken);
        var e = Assert.Throws<GatewayConfigurationException>(() => Read(Minimal, "--Uplink:Token", "a", "--Uplink:TokenFile", tokenFile));
        Assert.StartsWith("Uplink:Token and Uplink:TokenFile: give one", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACertificateNeedsItsKeyAndHttps()
    {
        var certificate = Path.Combine(_directory, "gw.pem");
        File.WriteAllText(certificate, "x");
        Assert.StartsWith("Uplink:CertificatePath and Uplink:KeyPath: give both", Assert.Throws<GatewayConfigurationException>(() => Read(Minimal, "--Uplink:CertificatePath", certificate)).Message, StringComparison.Ordinal);
        Assert.StartsWith("Uplink:Address http://server:5170/: a client certificate needs https", Assert.Throws<GatewayConfigurationException>(() => Read(Minimal, "--Uplink:CertificatePath", certificate, "--Uplink:KeyPath", certificate, "--Uplink:Address", "http://server:5170")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheConfigPathMustBeAFileOfJson()
    {
        Assert.EndsWith("is a directory, not a file", Assert.Throws<GatewayConfigurationException>(() => GatewaySettingsReader.Build(_directory, [])).Message, StringComparison.Ordinal);
        Assert.EndsWith("no such file", Assert.Throws<GatewayConfigurationException>(() => GatewaySettingsReader.Build(Path.Combine(_directory, "none.json"), [])).Message, StringComparison.Ordinal);
        var broken = Path.Combine(_directory, "broken.json");
        File.WriteAllText(broken, "{ \"Gateway\": ");
        Assert.Contains("not valid JSON", Assert.Throws<GatewayConfigurationException>(() => GatewaySettingsReader.Build(broken, [])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GpioPinsAreValidated()
    {
        var settings = Read(Minimal, "--Gpio:StatusLedPin", "17", "--Gpio:ServiceButtonPin", "27");
        Assert.Equal(17, settings.Gpio!.StatusLedPin);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.Gpio.LongPress);
        Assert.StartsWith("Gpio:ServiceButtonPin 17: the same pin", Assert.Throws<GatewayConfigurationException>(() => Read(Minimal, "--Gpio:StatusLedPin", "17", "--Gpio:ServiceButtonPin", "17")).Message, StringComparison.Ordinal);
    }

    private const string Minimal = """
        {
          "Gateway": { "Id": "mast-17", "SiteName": "Narva 1" },
          "Site": { "Latitude": 59.5, "Longitude": 24.8, "HeightMetres": 30 },
          "Inputs": [ "beast:tcp:127.0.0.1:30005", "asterix:udp:0.0.0.0:8600" ],
          "Outbox": { "Path": "/tmp/o.db" },
          "Logging": { "LogLevel": { "Default": "Warning" } }
        }
        """;

    private GatewaySettings Read(string json, params string[] overrides)
    {
        var path = Path.Combine(_directory, "appsettings.json");
        File.WriteAllText(path, json);
        return GatewaySettingsReader.Read(GatewaySettingsReader.Build(path, overrides));
    }
}
