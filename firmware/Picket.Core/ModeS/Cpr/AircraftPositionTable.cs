using System;

namespace Picket.ModeS.Cpr;

/// <summary>
/// Per-aircraft CPR state of the receiver pipeline: the last even and odd frame of each address,
/// its last position and whether that position is confirmed. Turns ADS-B position messages into
/// plausible positions (global pair decoding with a pair age limit and the NL check, local decoding
/// against a recent confirmed position, surface decoding against the receiver), checks receiver
/// range and speed, and never starts a position from a single unconfirmed pair.
/// Fixed capacity with open addressing like <see cref="KnownAircraftTable"/>; owned by the caller.
/// </summary>
public sealed partial class AircraftPositionTable
{
    private const int ProbeLength = 16;

    private readonly PositionLimits _limits;
    private readonly int _mask;
    private readonly uint[] _addresses;
    private readonly long[] _lastSeenTicks;
    private readonly CprFrameState[] _even;
    private readonly CprFrameState[] _odd;
    private readonly bool[] _hasPosition;
    private readonly bool[] _confirmed;
    private readonly int[] _latitude;
    private readonly int[] _longitude;
    private readonly long[] _positionTicks;
    private readonly int[] _rejections;

    /// <summary>Creates an empty table.</summary>
    /// <param name="capacity">Slots, a power of two from 16 to 65,536.</param>
    /// <param name="limits">Plausibility limits (kept, not copied).</param>
    public AircraftPositionTable(int capacity, PositionLimits limits)
    {
        if (capacity < ProbeLength || capacity > 65536 || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity));
        }

        _limits = limits ?? throw new ArgumentNullException(nameof(limits));
        _mask = capacity - 1;
        _addresses = new uint[capacity];
        _lastSeenTicks = new long[capacity];
        _even = new CprFrameState[capacity];
        _odd = new CprFrameState[capacity];
        _hasPosition = new bool[capacity];
        _confirmed = new bool[capacity];
        _latitude = new int[capacity];
        _longitude = new int[capacity];
        _positionTicks = new long[capacity];
        _rejections = new int[capacity];
    }

    /// <summary>True when the receiver position is set (needed for surface positions and the range check).</summary>
    public bool HasReceiver { get; private set; }

    /// <summary>Receiver latitude, binary angle (2^32 = 360 degrees).</summary>
    public int ReceiverLatitude { get; private set; }

    /// <summary>Receiver longitude, binary angle.</summary>
    public int ReceiverLongitude { get; private set; }

    /// <summary>Sets the receiver position (binary angles).</summary>
    public void SetReceiver(int latitude, int longitude)
    {
        HasReceiver = true;
        ReceiverLatitude = latitude;
        ReceiverLongitude = longitude;
    }

    /// <summary>
    /// Feeds one trusted message (parity checked). Returns what became of its position; for
    /// <see cref="PositionStatus.Confirmed"/> and <see cref="PositionStatus.Unconfirmed"/> the
    /// position is in <paramref name="latitude"/> and <paramref name="longitude"/> (binary angles).
    /// </summary>
    /// <param name="message">A decoded message; only CPR messages with an address are used.</param>
    /// <param name="nowTicks">Receive time of the message, 12 MHz ticks.</param>
    /// <param name="latitude">Decoded latitude, binary angle.</param>
    /// <param name="longitude">Decoded longitude, binary angle.</param>
    public PositionStatus Update(ref ModeSMessage message, long nowTicks, out int latitude, out int longitude)
    {
        latitude = 0;
        longitude = 0;
        if (!message.HasCpr || !message.HasAddress)
        {
            return PositionStatus.NoPosition;
        }

        var slot = FindOrAdd(message.Address, nowTicks);
        var state = new CprFrameState
        {
            IsSet = true,
            Surface = message.CprSurface,
            Latitude = message.CprLatitude,
            Longitude = message.CprLongitude,
            Ticks = nowTicks,
        };
        if (message.CprFormat == 0)
        {
            _even[slot] = state;
        }
        else
        {
            _odd[slot] = state;
        }

        var status = Decode(slot, ref message, nowTicks, out var fromPair, out latitude, out longitude);
        if (status != PositionStatus.Confirmed)
        {
            return status;
        }

        return Judge(slot, fromPair, nowTicks, latitude, longitude);
    }
}
