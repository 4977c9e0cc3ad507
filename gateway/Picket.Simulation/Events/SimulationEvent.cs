namespace Picket.Simulation.Events;

/// <summary>Something that happens at one instant of a simulation; events come in time order.</summary>
/// <param name="TimeMicroseconds">Microseconds after the scenario start.</param>
public abstract record SimulationEvent(long TimeMicroseconds);
