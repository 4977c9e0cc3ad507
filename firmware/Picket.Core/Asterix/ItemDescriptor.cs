namespace Picket.Asterix;

/// <summary>
/// How one data item (or one subfield of a compound item) is laid out, enough to find its
/// length and skip it. A user application profile is an array of these indexed by FRN - 1.
/// </summary>
public sealed class ItemDescriptor
{
    private ItemDescriptor(ItemFormat format, int length, int extensionLength, ItemDescriptor[] subfields)
    {
        Format = format;
        Length = length;
        ExtensionLength = extensionLength;
        Subfields = subfields;
    }

    /// <summary>The item's format.</summary>
    public ItemFormat Format { get; }

    /// <summary>Fixed: octets. Extended: octets of the primary part. Repetitive: octets per element. Otherwise 0.</summary>
    public int Length { get; }

    /// <summary>Extended: octets of each extension (the FX bit is bit 1 of each part's last octet). Otherwise 0.</summary>
    public int ExtensionLength { get; }

    /// <summary>Compound: the subfields in primary-subfield order (bit 8 of the first octet is subfield 1); null entries are spare bits.</summary>
    public ItemDescriptor[] Subfields { get; }

    /// <summary>A fixed-length item of <paramref name="octets"/> octets.</summary>
    public static ItemDescriptor Fixed(int octets) => new ItemDescriptor(ItemFormat.Fixed, octets, 0, null);

    /// <summary>An extended item with a primary part and extensions of the given lengths.</summary>
    public static ItemDescriptor Extended(int primaryOctets, int extensionOctets) =>
        new ItemDescriptor(ItemFormat.Extended, primaryOctets, extensionOctets, null);

    /// <summary>A repetitive item whose elements are <paramref name="elementOctets"/> octets long.</summary>
    public static ItemDescriptor Repetitive(int elementOctets) => new ItemDescriptor(ItemFormat.Repetitive, elementOctets, 0, null);

    /// <summary>A compound item with these subfields (null = spare).</summary>
    public static ItemDescriptor Compound(ItemDescriptor[] subfields) => new ItemDescriptor(ItemFormat.Compound, 0, 0, subfields);

    /// <summary>An explicit-length item (SP, RE).</summary>
    public static ItemDescriptor Explicit() => new ItemDescriptor(ItemFormat.Explicit, 0, 0, null);
}
