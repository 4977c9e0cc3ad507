namespace Picket.Gateway.Benchmarks;

/// <summary>One timed run of <c>picket run</c> fed by a recording.</summary>
/// <param name="Label">Printed with every figure.</param>
/// <param name="Picket">picket.dll (JIT, run through <c>dotnet</c>) or a native <c>picket</c> executable.</param>
/// <param name="Recording">The Beast recording to feed.</param>
/// <param name="Site">latitude, longitude, height in metres: the recording's site.</param>
/// <param name="ZonesPath">A GeoJSON zone file, or null.</param>
/// <param name="FeedSeconds">How long the recording is fed.</param>
/// <param name="WarmupSeconds">Time after the first write before the steady-state window opens.</param>
/// <param name="Overrides">Further gateway settings in command-line syntax (<c>--Publishing:BatchMilliseconds 100</c>).</param>
/// <param name="CountWireBytes">Route the uplink through a counting <see cref="ByteRelay"/> (one more loopback hop).</param>
internal sealed record RunOptions(
    string Label,
    string Picket,
    BeastRecording Recording,
    (double Latitude, double Longitude, double HeightMetres) Site,
    string? ZonesPath,
    double FeedSeconds,
    double WarmupSeconds,
    IReadOnlyList<string> Overrides,
    bool CountWireBytes = false);
