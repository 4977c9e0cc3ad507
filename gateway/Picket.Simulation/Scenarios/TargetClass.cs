namespace Picket.Simulation.Scenarios;

/// <summary>What kind of target flies: sets its manoeuvre envelope and the tracker's process noise.</summary>
public enum TargetClass
{
    /// <summary>Transport aircraft: gentle turns, 200-260 m/s.</summary>
    Airliner,

    /// <summary>Fast jet: hard turns, 250-600 m/s.</summary>
    Fighter,

    /// <summary>Small unmanned aircraft: slow (10-40 m/s), low, agile.</summary>
    Drone,

    /// <summary>Helicopter: slow, low.</summary>
    Helicopter,
}
