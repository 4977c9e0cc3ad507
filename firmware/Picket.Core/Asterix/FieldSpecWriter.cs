namespace Picket.Asterix;

/// <summary>
/// Builds a record's FSPEC while its items are written: items are written after room for the
/// longest FSPEC, then <see cref="Finish"/> writes the FSPEC with only as many octets as the
/// highest FRN needs and moves the items down behind it.
/// </summary>
internal struct FieldSpecWriter
{
    private readonly byte[] _buffer;
    private readonly int _offset;
    private readonly int _maxOctets;
    private long _bits;

    public FieldSpecWriter(byte[] buffer, int offset, int end, int maxOctets)
    {
        _buffer = buffer;
        _offset = offset;
        _maxOctets = maxOctets;
        _bits = 0;
        ItemsStart = offset + maxOctets <= end ? offset + maxOctets : -1;
    }

    /// <summary>Where items start being written; -1 when not even the FSPEC fits.</summary>
    public int ItemsStart { get; }

    /// <summary>Marks FRN <paramref name="frn"/> (1-based) present.</summary>
    public void Set(int frn) => _bits |= 1L << (frn - 1);

    /// <summary>Writes the FSPEC, closes the gap and returns the record length; <paramref name="itemsEnd"/> is one past the last item octet.</summary>
    public int Finish(int itemsEnd)
    {
        var octets = 1;
        for (var frn = 1; frn <= _maxOctets * 7; frn++)
        {
            if ((_bits & (1L << (frn - 1))) != 0)
            {
                octets = ((frn - 1) / 7) + 1;
            }
        }

        var gap = _maxOctets - octets;
        for (var i = ItemsStart; i < itemsEnd; i++)
        {
            _buffer[i - gap] = _buffer[i];
        }

        for (var octet = 0; octet < octets; octet++)
        {
            var value = 0;
            for (var bit = 0; bit < 7; bit++)
            {
                var frn = (octet * 7) + bit + 1;
                value |= (_bits & (1L << (frn - 1))) != 0 ? 0x80 >> bit : 0;
            }

            _buffer[_offset + octet] = (byte)(value | (octet < octets - 1 ? 1 : 0));
        }

        return itemsEnd - gap - _offset;
    }
}
