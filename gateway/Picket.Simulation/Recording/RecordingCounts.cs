namespace Picket.Simulation.Recording;

/// <summary>What <see cref="ScenarioRecorder"/> wrote.</summary>
public sealed record RecordingCounts
{
    /// <summary>ADS-B extended squitters in the Beast stream (DF17).</summary>
    public long Squitters { get; init; }

    /// <summary>Squitters with a bit flipped by the channel (still written: the decoder corrects them).</summary>
    public long FlippedSquitters { get; init; }

    /// <summary>Squitters that could not be encoded (altitude above the 25 ft code's 50,175 ft).</summary>
    public long SkippedSquitters { get; init; }

    /// <summary>Mode S replies to the radar's interrogations in the Beast stream (DF11, DF4, DF5).</summary>
    public long Replies { get; init; }

    /// <summary>CAT048 target reports in the ASTERIX stream.</summary>
    public long Plots { get; init; }

    /// <summary>CAT034 north markers in the ASTERIX stream.</summary>
    public long NorthMarkers { get; init; }

    /// <summary>Truth samples in the truth file.</summary>
    public long TruthSamples { get; init; }

    /// <summary>Bytes of the Beast stream.</summary>
    public long BeastBytes { get; init; }

    /// <summary>Bytes of the ASTERIX stream.</summary>
    public long AsterixBytes { get; init; }
}
