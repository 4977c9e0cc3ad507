using Picket.ModeS;

namespace Picket.Simulation.Recording;

/// <summary>
/// The airborne aircraft operational status message (DF17, TC 31 subtype 0, DO-260B 2.2.3.2.7.2,
/// version 2) that announces a transmitter's NACp. The core has no encoder for it (the gateway
/// only receives it), so the simulator writes its few fields here.
/// </summary>
internal static class OperationalStatusFrame
{
    private const int LengthBytes = 14;

    /// <summary>Encodes the message for <paramref name="address"/> announcing <paramref name="nacP"/> into 14 bytes of <paramref name="frame"/>.</summary>
    /// <returns>14, or 0 when a value is out of range.</returns>
    public static int Encode(uint address, int capability, int nacP, byte[] frame)
    {
        if (nacP is < 0 or > 11 || address > 0xFFFFFF || frame.Length < LengthBytes)
        {
            return 0;
        }

        Array.Clear(frame, 0, LengthBytes);
        Bits.SetBits(frame, 0, 1, 5, 17); // 1-5: DF 17
        Bits.SetBits(frame, 0, 6, 8, (uint)capability); // 6-8: CA
        Bits.SetBits(frame, 0, 9, 32, address); // 9-32: AA
        Bits.SetBits(frame, 0, 33, 37, 31); // 33-37: TC 31
        Bits.SetBits(frame, 0, 38, 40, 0); // 38-40: subtype 0, airborne
        Bits.SetBits(frame, 0, 73, 75, 2); // 73-75: version 2 (DO-260B)
        Bits.SetBits(frame, 0, 77, 80, (uint)nacP); // 77-80: NACp
        Bits.SetBits(frame, 0, 81, 82, 2); // 81-82: GVA 2 (under 45 m)
        Bits.SetBits(frame, 0, 83, 84, 3); // 83-84: SIL 3
        Bits.SetBits(frame, 0, 85, 85, 1); // 85: NICbaro, cross-checked
        Bits.SetBits(frame, 0, 89, 112, Crc24.Compute(frame, 0, LengthBytes - 3)); // 89-112: PI (Annex 10 Vol IV 3.1.2.3.3.2)
        return LengthBytes;
    }
}
