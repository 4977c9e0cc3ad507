namespace Picket.Asterix;

/// <summary>The five data item formats of EUROCONTROL ASTERIX Part 1 (section 4.3.2), which say how long an item is without knowing what it means.</summary>
public enum ItemFormat
{
    /// <summary>A fixed number of octets.</summary>
    Fixed = 0,

    /// <summary>A primary part then extensions while the last octet's bit 1 (FX) is set.</summary>
    Extended,

    /// <summary>A one-octet repetition factor REP, then REP elements of fixed length.</summary>
    Repetitive,

    /// <summary>A primary subfield (bit per subfield, FX-chained), then the subfields present in order.</summary>
    Compound,

    /// <summary>A one-octet length LEN that counts itself (used by SP and RE).</summary>
    Explicit,
}
