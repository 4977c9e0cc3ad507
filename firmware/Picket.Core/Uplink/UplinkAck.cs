namespace Picket.Uplink;

/// <summary>A decoded <c>picket.v1.Ack</c>.</summary>
public struct UplinkAck
{
    /// <summary>Every batch up to and including this sequence is durably stored (0: none).</summary>
    public long AckedSequence;

    /// <summary>The batch that triggered the ack had been stored before.</summary>
    public bool Duplicate;

    /// <summary>True when the server reports a hole in the sequence.</summary>
    public bool HasGap;

    /// <summary>First missing sequence number.</summary>
    public long GapFirstMissing;

    /// <summary>Last missing sequence number (inclusive).</summary>
    public long GapLastMissing;
}
