namespace Picket.Protobuf;

/// <summary>Protocol Buffers wire types (protobuf encoding guide, "Message Structure").</summary>
public enum WireType
{
    /// <summary>int32, int64, uint32, uint64, sint32, sint64, bool, enum.</summary>
    Varint = 0,

    /// <summary>fixed64, sfixed64, double.</summary>
    Fixed64 = 1,

    /// <summary>string, bytes, embedded messages, packed repeated fields.</summary>
    LengthDelimited = 2,

    /// <summary>fixed32, sfixed32, float.</summary>
    Fixed32 = 5,
}
