namespace Picket.Cli;

/// <summary>Every verb of the <c>picket</c> command, in the order <c>--help</c> lists them.</summary>
internal static class VerbCatalog
{
    public static IVerb[] All { get; } =
    [
        new Verbs.Decode.DecodeVerb(),
        new Verbs.Demo.DemoVerb(),
        new Verbs.Record.RecordVerb(),
        new Verbs.Replay.ReplayVerb(),
        new Verbs.Run.RunVerb(),
        new Verbs.Selftest.SelftestVerb(),
        new Verbs.Sim.SimVerb(),
        new Verbs.Simulate.SimulateVerb(),
        new Verbs.Status.StatusVerb(),
        new Verbs.Track.TrackVerb(),
    ];
}
