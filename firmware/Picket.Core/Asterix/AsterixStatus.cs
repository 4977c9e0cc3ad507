namespace Picket.Asterix;

/// <summary>Outcome of reading an ASTERIX data block or record. Anything but <see cref="Ok"/> means the bytes were not used.</summary>
public enum AsterixStatus
{
    /// <summary>Read completely.</summary>
    Ok = 0,

    /// <summary>Fewer than the 3 header bytes (CAT, LEN) are available.</summary>
    TooShort,

    /// <summary>LEN is below 3 or claims more bytes than are available, or the records do not end exactly at LEN.</summary>
    LengthMismatch,

    /// <summary>The category has no user application profile here (only CAT034 and CAT048 are decoded).</summary>
    UnsupportedCategory,

    /// <summary>The field specification is empty (no item present), which no category allows.</summary>
    EmptyFieldSpec,

    /// <summary>The field specification runs over more octets than the profile defines.</summary>
    FieldSpecTooLong,

    /// <summary>The field specification marks an FRN (or a compound subfield) the profile does not define, so its length is unknown and the rest of the block is lost.</summary>
    UndefinedItem,

    /// <summary>An item runs past the end of the block.</summary>
    ItemOverrun,

    /// <summary>An explicit-length item declares a length below 1 octet.</summary>
    InvalidExplicitLength,
}
