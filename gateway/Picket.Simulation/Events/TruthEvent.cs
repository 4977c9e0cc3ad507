using Picket.Simulation.Truth;

namespace Picket.Simulation.Events;

/// <summary>A target's true state, sampled at the simulation's truth interval (for evaluation).</summary>
public sealed record TruthEvent(long TimeMicroseconds, int TargetIndex, TruthState State) : SimulationEvent(TimeMicroseconds);
