using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Picket.Gateway.Configuration;

namespace Picket.Gateway.Hosting;

/// <summary>
/// Builds the gateway's Generic Host: settings validated before anything starts, systemd
/// integration (<c>Type=notify</c>: READY once started, the watchdog fed while the pipeline moves;
/// journald-friendly console logs), the runtime as a hosted service.
/// </summary>
public static class GatewayHost
{
    /// <summary>Builds the host.</summary>
    /// <param name="configPath">appsettings.json, or null.</param>
    /// <param name="overrides">Configuration overrides in command-line syntax.</param>
    /// <param name="softwareVersion">The version reported upstream.</param>
    /// <returns>The host, not started.</returns>
    /// <exception cref="GatewayConfigurationException">A setting is wrong (the message names the key).</exception>
    public static IHost Build(string? configPath, IReadOnlyList<string> overrides, string softwareVersion)
    {
        var configuration = GatewaySettingsReader.Build(configPath, overrides);
        var settings = GatewaySettingsReader.Read(configuration);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = SystemdHelpers.IsSystemdService() ? null : "HH:mm:ss ";
        });
        builder.Services.AddSystemd();
        // AddSystemd registers the notifier only under systemd; the watchdog asks for it regardless (disabled without NOTIFY_SOCKET).
        builder.Services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => GatewayRuntime.Create(settings, softwareVersion, services.GetRequiredService<ILoggerFactory>(), TimeProvider.System));
        builder.Services.AddSingleton(services => services.GetRequiredService<GatewayRuntime>().Progress);
        builder.Services.AddHostedService<GatewayService>();
        builder.Services.AddHostedService(services => new SystemdWatchdog(
            services.GetRequiredService<ISystemdNotifier>(),
            services.GetRequiredService<PipelineProgress>(),
            TimeProvider.System,
            services.GetRequiredService<ILogger<SystemdWatchdog>>()));
        return builder.Build();
    }
}
