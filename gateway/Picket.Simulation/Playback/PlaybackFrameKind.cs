namespace Picket.Simulation.Playback;

/// <summary>Which sensor a recorded frame comes from.</summary>
public enum PlaybackFrameKind
{
    /// <summary>A Mode S message from the 1090 MHz receiver (written as Beast or AVR).</summary>
    ModeS,

    /// <summary>An ASTERIX data block from the radar.</summary>
    Asterix,
}
