using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Picket.Cli;

/// <summary>
/// <c>picket VERB --help</c> and <c>-h</c>: the verb's usage line first (scripts and people read it
/// as before), then System.CommandLine's description of every option, on standard output.
/// </summary>
internal sealed class VerbHelpAction : SynchronousCommandLineAction
{
    private readonly IVerb[] _verbs;
    private readonly HelpAction _standard;

    /// <summary>Creates the action for the verbs of one root command.</summary>
    public VerbHelpAction(IVerb[] verbs, HelpAction standard)
    {
        _verbs = verbs;
        _standard = standard;
    }

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var name = parseResult.CommandResult.Command.Name;
        var verb = Array.Find(_verbs, v => v.Name == name);
        if (verb is not null)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(verb.Usage);
            output.WriteLine();
        }

        _standard.Invoke(parseResult);
        return CommandLine.Success;
    }
}
