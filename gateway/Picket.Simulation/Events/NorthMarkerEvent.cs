namespace Picket.Simulation.Events;

/// <summary>The radar antenna passes north (the ASTERIX CAT034 north marker).</summary>
public sealed record NorthMarkerEvent(long TimeMicroseconds, int Scan) : SimulationEvent(TimeMicroseconds);
