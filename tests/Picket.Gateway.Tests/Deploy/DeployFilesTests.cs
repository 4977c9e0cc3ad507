using System.Diagnostics;
using Picket.Gateway.Configuration;
using Picket.Testing;

namespace Picket.Gateway.Deploy;

/// <summary>The files a technician installs from gateway/deploy are valid as shipped.</summary>
public sealed class DeployFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("picket-deploy-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Deploy => Path.Combine(RepositoryPaths.RepositoryRoot, "gateway", "deploy");

    [Fact]
    public void TheExampleSettingsAreValid()
    {
        // The files it names exist on a mast, not here: point those keys at stand-ins.
        var zones = Path.Combine(_directory, "zones.geojson");
        File.WriteAllText(zones, "{ \"type\": \"FeatureCollection\", \"features\": [] }");
        var pem = Path.Combine(_directory, "x.pem");
        File.WriteAllText(pem, "x");
        var configuration = GatewaySettingsReader.Build(Path.Combine(Deploy, "appsettings.json"),
        [
            "--Zones:Path", zones, "--Uplink:CertificatePath", pem, "--Uplink:KeyPath", pem, "--Uplink:CaPath", pem,
            "--Health:TextfileDirectory", _directory,
        ]);
        var settings = GatewaySettingsReader.Read(configuration);
        Assert.Equal("mast-17", settings.GatewayId);
        Assert.Equal(["beast:serial:/dev/picket-adsb:3000000:rtscts", "asterix:serial:/dev/picket-radar:115200"], settings.Inputs);
        Assert.Equal(26, settings.Gpio!.StatusLedPin);
    }

    [Fact]
    public async Task SystemdAcceptsTheUnit()
    {
        const string Analyze = "/usr/bin/systemd-analyze";
        Assert.True(File.Exists(Analyze), "systemd-analyze is missing (Debian's systemd package)");
        // The binary is not installed here: verify the unit with a command that exists.
        var unit = Path.Combine(_directory, "picket.service");
        File.WriteAllText(unit, File.ReadAllText(Path.Combine(Deploy, "picket.service")).Replace("/opt/picket/picket run", "/bin/true run", StringComparison.Ordinal));
        var start = new ProcessStartInfo(Analyze) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("verify");
        start.ArgumentList.Add(unit);
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // Unknown keys or sections, bad values: systemd-analyze prints them; a clean unit prints nothing.
        Assert.Equal("", (errors + output).Trim());
        Assert.Contains("Type=notify", File.ReadAllText(unit), StringComparison.Ordinal);
        Assert.Contains("WatchdogSec=", File.ReadAllText(unit), StringComparison.Ordinal);
    }
}
