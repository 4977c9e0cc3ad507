namespace Picket.Cli;

/// <summary>One option a verb declares: what <c>picket VERB --help</c> shows and the parser accepts.</summary>
/// <param name="Name">The option without its dashes, e.g. <c>site</c> for <c>--site</c>.</param>
/// <param name="HelpName">The value's placeholder in help, e.g. <c>LAT,LON,ALT_M</c>; ignored for flags.</param>
/// <param name="Description">One line for help.</param>
/// <param name="Kind">Value, flag or repeated value.</param>
public sealed record VerbOption(string Name, string HelpName, string Description, VerbOptionKind Kind = VerbOptionKind.Value);
