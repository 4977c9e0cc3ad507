using System.Globalization;
using Picket.Gateway.Sources;

namespace Picket.Cli;

/// <summary>
/// Dispatches <c>picket &lt;verb&gt; [options]</c> to the verb's handler. Verbs get their own
/// reader and writers so that tests run them in process against real files.
/// </summary>
public static class CommandLine
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the input could not be read or was not valid.</summary>
    public const int InputError = 1;

    /// <summary>Exit code for a wrong command line.</summary>
    public const int UsageError = 2;

    private static readonly IVerb[] Verbs = VerbCatalog.All;

    /// <summary>Runs one command line and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await WriteUsageAsync(args.Length == 0 ? stderr : stdout).ConfigureAwait(false);
            return args.Length == 0 ? UsageError : Success;
        }

        if (args[0] is "--version" or "version")
        {
            await stdout.WriteLineAsync(VersionInfo.Text).ConfigureAwait(false);
            return Success;
        }

        var verb = Array.Find(Verbs, v => v.Name == args[0]);
        if (verb is null)
        {
            await stderr.WriteLineAsync($"picket: unknown verb '{args[0]}'. Run 'picket --help' for the list.").ConfigureAwait(false);
            return UsageError;
        }

        if (Array.Exists(args, a => a is "--help" or "-h"))
        {
            // picket VERB --help: the verb's usage on stdout, success.
            await stdout.WriteLineAsync(verb.Usage).ConfigureAwait(false);
            return Success;
        }

        ArgumentList options;
        try
        {
            options = ArgumentList.Parse(args.AsSpan(1));
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"picket {verb.Name}: {e.Message}").ConfigureAwait(false);
            return UsageError;
        }

        try
        {
            return await verb.RunAsync(options, new VerbConsole(stdin, stdout, stderr)).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"picket {verb.Name}: {e.Message}\n{verb.Usage}").ConfigureAwait(false);
            return UsageError;
        }
        catch (InputException e)
        {
            await stderr.WriteLineAsync($"picket {verb.Name}: {e.Message}").ConfigureAwait(false);
            return InputError;
        }
        catch (InputFormatException e)
        {
            // The gateway's own error for bad input bytes: the same exit code as the CLI's.
            await stderr.WriteLineAsync($"picket {verb.Name}: {e.Message}").ConfigureAwait(false);
            return InputError;
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"picket {verb.Name}: {e.Message}").ConfigureAwait(false);
            return InputError;
        }
        catch (UnauthorizedAccessException e)
        {
            await stderr.WriteLineAsync($"picket {verb.Name}: {e.Message}").ConfigureAwait(false);
            return InputError;
        }
    }

    private static async Task WriteUsageAsync(TextWriter writer)
    {
        await writer.WriteLineAsync("usage: picket <verb> [options]").ConfigureAwait(false);
        await writer.WriteLineAsync().ConfigureAwait(false);
        foreach (var verb in Verbs)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {verb.Name,-10} {verb.Summary}")).ConfigureAwait(false);
        }
    }
}
