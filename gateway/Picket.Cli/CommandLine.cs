using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using Picket.Gateway.Sources;

namespace Picket.Cli;

/// <summary>
/// Dispatches <c>picket &lt;verb&gt; [options]</c> to the verb's handler through System.CommandLine:
/// per-verb help (<c>--help</c>, <c>-h</c>), typo suggestions for verbs and options, exit code 2 on
/// usage errors. Verbs get their own reader and writers so that tests run them in process against
/// real files.
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
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "-?" or "help")
        {
            await WriteUsageAsync(args.Length == 0 ? stderr : stdout).ConfigureAwait(false);
            return args.Length == 0 ? UsageError : Success;
        }

        if (args[0] is "--version" or "version")
        {
            await stdout.WriteLineAsync(VersionInfo.Text).ConfigureAwait(false);
            return Success;
        }

        var console = new VerbConsole(stdin, stdout, stderr);
        var root = new RootCommand("picket: the Picket gateway and its field tools");
        var verbOptions = new Dictionary<Command, (IVerb Verb, Option[] Options)>();
        foreach (var verb in Verbs)
        {
            var (command, options) = CreateCommand(verb, console);
            root.Subcommands.Add(command);
            verbOptions.Add(command, (verb, options));
        }

        // -h/--help is the root's recursive option: one action serves every verb.
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new VerbHelpAction(Verbs, help.Action as HelpAction ?? new HelpAction());
            }
        }

        // '@file' is a path people pass (and '-' is standard input), never a response file.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Action is ParseErrorAction)
        {
            await WriteParseErrorAsync(parseResult, verbOptions, stderr).ConfigureAwait(false);
            return UsageError;
        }

        // Verbs handle Ctrl+C and SIGTERM themselves (record closes its file, run stops the host):
        // no ProcessTerminationTimeout, so System.CommandLine neither cancels them nor exits with 130.
        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }

    private static (Command Command, Option[] Options) CreateCommand(IVerb verb, VerbConsole console)
    {
        var command = new Command(verb.Name, verb.Summary) { TreatUnmatchedTokensAsErrors = !verb.TakesSettings };
        var options = new Option[verb.Options.Count];
        for (var i = 0; i < options.Length; i++)
        {
            var declared = verb.Options[i];
            Option option = declared.Kind switch
            {
                VerbOptionKind.Flag => new Option<bool>("--" + declared.Name) { Description = declared.Description, Arity = ArgumentArity.Zero },
                VerbOptionKind.Repeated => new Option<string[]>("--" + declared.Name) { Description = declared.Description, HelpName = declared.HelpName, AllowMultipleArgumentsPerToken = false },
                _ => new Option<string>("--" + declared.Name) { Description = declared.Description, HelpName = declared.HelpName },
            };
            options[i] = option;
            command.Options.Add(option);
        }

        command.SetAction((parseResult, _) => RunVerbAsync(verb, ToArgumentList(parseResult, verb, options), console));
        return (command, options);
    }

    private static ArgumentList ToArgumentList(ParseResult parseResult, IVerb verb, Option[] options)
    {
        var items = new List<KeyValuePair<string, string?>>();
        for (var i = 0; i < options.Length; i++)
        {
            var result = parseResult.GetResult(options[i]);
            if (result is null || result.Implicit)
            {
                continue;
            }

            var name = verb.Options[i].Name;
            switch (options[i])
            {
                case Option<bool>:
                    items.Add(new(name, null));
                    break;
                case Option<string[]> repeated:
                    foreach (var value in parseResult.GetValue(repeated) ?? [])
                    {
                        items.Add(new(name, value));
                    }

                    break;
                case Option<string> single:
                    items.Add(new(name, parseResult.GetValue(single)));
                    break;
            }
        }

        if (verb.TakesSettings && parseResult.UnmatchedTokens.Count > 0)
        {
            // Free --Section:Key VALUE settings: System.CommandLine leaves them unmatched, in order.
            var settings = ArgumentList.Parse(parseResult.UnmatchedTokens.ToArray());
            items.AddRange(settings.Remaining());
        }

        return ArgumentList.FromItems(items);
    }

    private static async Task<int> RunVerbAsync(IVerb verb, ArgumentList options, VerbConsole console)
    {
        var stderr = console.Error;
        try
        {
            return await verb.RunAsync(options, console).ConfigureAwait(false);
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

    private static async Task WriteParseErrorAsync(ParseResult parseResult, Dictionary<Command, (IVerb Verb, Option[] Options)> verbs, TextWriter stderr)
    {
        if (!verbs.TryGetValue(parseResult.CommandResult.Command, out var matched))
        {
            var word = parseResult.Tokens.Count > 0 ? parseResult.Tokens[0].Value : string.Empty;
            var nearest = TypoSuggestion.Nearest(word, Array.ConvertAll(Verbs, v => v.Name));
            var hint = nearest is null ? string.Empty : $" Did you mean '{nearest}'?";
            await stderr.WriteLineAsync($"picket: unknown verb '{word}'.{hint} Run 'picket --help' for the list.").ConfigureAwait(false);
            return;
        }

        var (verb, _) = matched;
        var unmatched = parseResult.UnmatchedTokens;
        string message;
        if (unmatched.Count > 0 && unmatched[0].StartsWith('-') && unmatched[0].Length > 1)
        {
            var typed = unmatched[0].TrimStart('-');
            var equals = typed.IndexOfAny(['=', ':']);
            if (equals > 0)
            {
                typed = typed[..equals];
            }

            var nearest = TypoSuggestion.Nearest(typed, verb.Options.Select(o => o.Name));
            message = nearest is null ? $"unknown option --{typed}" : $"unknown option --{typed} (did you mean --{nearest}?)";
        }
        else if (unmatched.Count > 0)
        {
            message = $"unexpected argument '{unmatched[0]}' (options start with --)";
        }
        else
        {
            message = parseResult.Errors[0].Message;
        }

        await stderr.WriteLineAsync($"picket {verb.Name}: {message}\n{verb.Usage}").ConfigureAwait(false);
    }

    private static async Task WriteUsageAsync(TextWriter writer)
    {
        await writer.WriteLineAsync("usage: picket <verb> [options]   ('picket <verb> --help' for a verb's options)").ConfigureAwait(false);
        await writer.WriteLineAsync().ConfigureAwait(false);
        foreach (var verb in Verbs)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {verb.Name,-10} {verb.Summary}")).ConfigureAwait(false);
        }
    }
}
