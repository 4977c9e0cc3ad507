using System;

namespace Picket.ModeS;

/// <summary>
/// The ICAO addresses recently heard in frames that carry their address in clear with a checked
/// parity (DF11/17/18). Address/parity replies (DF0/4/5/16/20/21/24) are accepted only for an
/// address found here, so a noise frame whose syndrome happens to look like an address does not
/// create a phantom aircraft. Fixed capacity, open addressing, entries expire; owned by the caller.
/// </summary>
/// <remarks>
/// Each address hashes to a window of <see cref="ProbeLength"/> slots. A lookup scans the whole
/// window (no early stop, so no tombstones are needed); an insert reuses the address's own slot,
/// else an expired one, else evicts the oldest entry of the window. Nothing allocates after
/// construction.
/// </remarks>
public sealed class KnownAircraftTable
{
    /// <summary>Slots scanned per address.</summary>
    public const int ProbeLength = 16;

    private readonly uint[] _addresses;
    private readonly long[] _lastSeenTicks;
    private readonly int _mask;
    private readonly long _expiryTicks;

    /// <summary>Creates an empty table.</summary>
    /// <param name="capacity">Slots, a power of two from 16 to 65,536 (4 × the aircraft expected in range is ample).</param>
    /// <param name="expiryTicks">How long an address stays known after it was last heard, in 12 MHz ticks (60 s = 720,000,000).</param>
    public KnownAircraftTable(int capacity, long expiryTicks)
    {
        if (capacity < ProbeLength || capacity > 65536 || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity));
        }

        if (expiryTicks <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expiryTicks));
        }

        _addresses = new uint[capacity];
        _lastSeenTicks = new long[capacity];
        _mask = capacity - 1;
        _expiryTicks = expiryTicks;
    }

    /// <summary>Records that <paramref name="address"/> (24 bits) was heard at <paramref name="nowTicks"/> (12 MHz ticks).</summary>
    public void Mark(uint address, long nowTicks)
    {
        // Slot value 0 means empty, so addresses are stored plus one bit above the 24 address bits.
        var key = address | 0x1000000;
        var start = Hash(address);
        var victim = -1;
        var victimIsFree = false;
        var oldest = long.MaxValue;
        for (var i = 0; i < ProbeLength; i++)
        {
            var slot = (start + i) & _mask;
            var stored = _addresses[slot];
            if (stored == key)
            {
                _lastSeenTicks[slot] = nowTicks;
                return;
            }

            if (victimIsFree)
            {
                continue;
            }

            if (stored == 0 || Age(slot, nowTicks) > _expiryTicks)
            {
                victim = slot;
                victimIsFree = true;
            }
            else if (_lastSeenTicks[slot] < oldest)
            {
                victim = slot;
                oldest = _lastSeenTicks[slot];
            }
        }

        _addresses[victim] = key;
        _lastSeenTicks[victim] = nowTicks;
    }

    /// <summary>True when <paramref name="address"/> was marked less than the expiry time before <paramref name="nowTicks"/>.</summary>
    public bool Contains(uint address, long nowTicks)
    {
        var key = address | 0x1000000;
        var start = Hash(address);
        for (var i = 0; i < ProbeLength; i++)
        {
            var slot = (start + i) & _mask;
            if (_addresses[slot] == key)
            {
                return Age(slot, nowTicks) <= _expiryTicks;
            }
        }

        return false;
    }

    /// <summary>Forgets every address.</summary>
    public void Clear()
    {
        Array.Clear(_addresses, 0, _addresses.Length);
    }

    private int Hash(uint address)
    {
        return (int)((address * 2654435761u) >> 8) & _mask;
    }

    private long Age(int slot, long nowTicks)
    {
        // Merged feeds deliver frames slightly out of order: an age below zero counts as fresh.
        var age = nowTicks - _lastSeenTicks[slot];
        return age < 0 ? 0 : age;
    }
}
