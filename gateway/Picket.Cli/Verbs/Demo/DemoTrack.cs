namespace Picket.Cli.Verbs.Demo;

/// <summary>One row of the demo's live table: a track as the server's feed last showed it.</summary>
internal sealed record DemoTrack(
    ulong TrackId,
    string Identity,
    bool Cooperative,
    string Status,
    double LatitudeDegrees,
    double LongitudeDegrees,
    double? AltitudeFeet,
    double SpeedKnots,
    long TimeUnixMicroseconds,
    bool Alerted);
