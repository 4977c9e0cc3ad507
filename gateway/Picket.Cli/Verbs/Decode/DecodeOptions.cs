namespace Picket.Cli.Verbs.Decode;

/// <summary>What <c>picket decode</c> was asked beyond the format and input.</summary>
/// <param name="AllReplies">
/// <c>--all-replies</c>: also write address/parity replies (DF0/4/5/16/20/21/24) from addresses
/// not heard in a DF11/17/18, marked <c>"address_unverified": true</c>, for lists of unrelated
/// messages (the way pyModeS decodes). Beast and AVR only.
/// </param>
public sealed record DecodeOptions(bool AllReplies);
