using System.Diagnostics;
using Picket.Testing;

namespace Picket.Server.Configuration;

/// <summary>
/// Issue 12 probe 10 with the real <c>picket-server</c> process: <c>--help</c> prints usage and
/// exits 0 without serving; an unknown key on the command line or in appsettings.json stops it
/// with exit code 2 naming the key.
/// </summary>
public sealed class ServerProcessTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_PrintsUsageAndExitsZeroWithoutServing(string option)
    {
        // A port only a started server would take: --help must leave it free.
        var port = FreePorts.Tcp();

        var (exitCode, output, _) = await RunAsync(option, "--Listen:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, exitCode);
        Assert.StartsWith("usage: picket-server", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("certs", "--help")]
    [InlineData("certs", "issue", "--help")]
    public async Task CertsHelp_PrintsUsageAndExitsZero(params string[] args)
    {
        var (exitCode, output, _) = await RunAsync(args);

        Assert.Equal(0, exitCode);
        Assert.Contains("usage: picket-server certs ca", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownKeyOnCommandLine_ExitTwoNamingKeyAndHint()
    {
        var (exitCode, _, error) = await RunAsync("--Listen:Port", "0", "--Limits:MaxBatchByte", "1000");

        Assert.Equal(2, exitCode);
        Assert.Contains("configuration error: Limits:MaxBatchByte: is not a setting. Did you mean Limits:MaxBatchBytes?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownKeyInAppsettings_ExitTwoNamingKey()
    {
        await File.WriteAllTextAsync(_directory.File("appsettings.json"), """{ "Listen": { "Port": 0 }, "Limits": { "MaxBatchByte": 1000 } }""");

        var (exitCode, _, error) = await RunAsync(_directory.Path, ["--Management:Port", "0"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Limits:MaxBatchByte", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSectionInAppsettings_ExitTwoNamingKey()
    {
        await File.WriteAllTextAsync(_directory.File("appsettings.json"), """{ "Limit": { "MaxBatchBytes": 1000 } }""");

        var (exitCode, _, error) = await RunAsync(_directory.Path, ["--Listen:Port", "0"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("configuration error: Limit: is not a setting", error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(_directory.Path, args);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "picket-server.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            // A server that started instead of exiting: killed here so nothing is left running.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return (process.ExitCode, await output, await error);
    }
}
