using System.Globalization;
using Picket.Gateway.Configuration;
using Picket.Gateway.Selftest;

namespace Picket.Cli.Verbs.Selftest;

/// <summary>
/// <c>picket selftest</c>: checks what <c>picket run</c> needs with the same settings (inputs,
/// GNSS, GPIO, clock, server and credentials, outbox) and prints a pass/fail table, one line per
/// check; exits 0 only when none fails. Publishes nothing and stores no batch.
/// </summary>
public sealed class SelftestVerb : IVerb
{
    /// <inheritdoc />
    public string Name => "selftest";

    /// <inheritdoc />
    public string Summary => "check inputs, GNSS, GPIO, clock, server credentials and outbox; pass/fail table";

    /// <inheritdoc />
    public string Usage => "usage: picket selftest --config PATH (appsettings.json) [--timeout SECONDS (per input and for the server; default 10)] [--Section:Key VALUE ...]";

    /// <inheritdoc />
    public IReadOnlyList<VerbOption> Options { get; } =
    [
        new("config", "PATH", "appsettings.json", VerbOptionKind.Value),
        new("timeout", "SECONDS", "Per input and for the server (default 10)", VerbOptionKind.Value),
    ];

    /// <inheritdoc />
    public bool TakesSettings => true;

    /// <inheritdoc />
    public async Task<int> RunAsync(ArgumentList options, VerbConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var configPath = options.GetRequired("config");
        var timeoutText = options.Get("timeout");
        var overrides = options.SettingsOverrides();

        var timeout = TimeSpan.FromSeconds(10);
        if (timeoutText is not null)
        {
            timeout = double.TryParse(timeoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 3600
                ? TimeSpan.FromSeconds(seconds)
                : throw new UsageException($"--timeout '{timeoutText}' is not a number of seconds from 0 to 3600");
        }

        GatewaySettings settings;
        try
        {
            settings = GatewaySettingsReader.Read(GatewaySettingsReader.Build(configPath, overrides));
        }
        catch (GatewayConfigurationException e)
        {
            await console.Error.WriteLineAsync($"picket selftest: configuration error: {e.Message}").ConfigureAwait(false);
            return CommandLine.UsageError;
        }

        var selftest = new GatewaySelftest(settings, VersionInfo.Text) { InputTimeout = timeout, ServerTimeout = timeout };
        var results = await selftest.RunAsync().ConfigureAwait(false);
        var width = results.Max(r => r.Check.Length);
        foreach (var result in results)
        {
            var status = result.Status switch
            {
                SelftestStatus.Pass => "PASS",
                SelftestStatus.Fail => "FAIL",
                _ => "SKIP",
            };
            await console.Out.WriteLineAsync($"{status}  {result.Check.PadRight(width)}  {result.Detail}").ConfigureAwait(false);
        }

        var failed = results.Count(r => r.Status == SelftestStatus.Fail);
        await console.Out.WriteLineAsync(failed == 0
            ? string.Create(CultureInfo.InvariantCulture, $"selftest passed ({results.Count} checks)")
            : string.Create(CultureInfo.InvariantCulture, $"selftest FAILED: {failed} of {results.Count} checks")).ConfigureAwait(false);
        return failed == 0 ? CommandLine.Success : CommandLine.InputError;
    }
}
