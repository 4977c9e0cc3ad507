using Microsoft.Extensions.Hosting;
using Picket.Gateway.Configuration;
using Picket.Gateway.Hosting;
using Picket.Gateway.Zones;

namespace Picket.Cli.Verbs.Run;

/// <summary>
/// <c>picket run</c>: the gateway daemon a mast runs under systemd. Reads its settings (an
/// appsettings.json, <c>PICKET_</c> environment variables, then <c>--Section:Key value</c>
/// overrides on the command line), validates all of them before starting, and runs until SIGTERM
/// or Ctrl+C.
/// </summary>
public sealed class RunVerb : IVerb
{
    /// <inheritdoc />
    public string Name => "run";

    /// <inheritdoc />
    public string Summary => "run the gateway: live inputs, tracker, outbox and uplink (the systemd service)";

    /// <inheritdoc />
    public string Usage => "usage: picket run [--config PATH (appsettings.json)] [--Section:Key VALUE ...] (e.g. --Uplink:Address https://server:5171; see gateway/deploy/appsettings.json)";

    /// <inheritdoc />
    public IReadOnlyList<VerbOption> Options { get; } =
    [
        new("config", "PATH", "appsettings.json", VerbOptionKind.Value),
    ];

    /// <inheritdoc />
    public bool TakesSettings => true;

    /// <inheritdoc />
    public async Task<int> RunAsync(ArgumentList options, VerbConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var configPath = options.Get("config");
        var overrides = options.SettingsOverrides();

        IHost host;
        try
        {
            host = GatewayHost.Build(configPath, overrides, VersionInfo.Text);
        }
        catch (GatewayConfigurationException e)
        {
            await console.Error.WriteLineAsync($"picket run: configuration error: {e.Message}").ConfigureAwait(false);
            return CommandLine.UsageError;
        }

        using (host)
        {
            try
            {
                await host.RunAsync().ConfigureAwait(false);
            }
            catch (GatewayConfigurationException e)
            {
                await console.Error.WriteLineAsync($"picket run: configuration error: {e.Message}").ConfigureAwait(false);
                return CommandLine.UsageError;
            }
            catch (ZoneFileException e)
            {
                await console.Error.WriteLineAsync($"picket run: {e.Message}").ConfigureAwait(false);
                return CommandLine.InputError;
            }
        }

        return CommandLine.Success;
    }
}
