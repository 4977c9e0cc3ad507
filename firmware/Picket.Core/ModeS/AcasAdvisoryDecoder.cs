namespace Picket.ModeS;

/// <summary>
/// Decodes an ACAS resolution advisory report, carried both in Comm-B register 3,0 (MB field) and
/// in ADS-B TC 28 subtype 2 (ME field) at the same frame bits (Annex 10 Vol IV 4.3.8.4.2.2,
/// DO-260B 2.2.3.2.7.8.2).
/// </summary>
public static class AcasAdvisoryDecoder
{
    /// <summary>Fills the ACAS fields of <paramref name="message"/> from frame bits 41-88.</summary>
    public static void Decode(byte[] frame, int offset, ref ModeSMessage message)
    {
        message.HasAcasResolutionAdvisory = true;
        message.AcasActiveAdvisories = (int)Bits.GetBits(frame, offset, 41, 54); // 41-54: ARA
        message.AcasComplements = (int)Bits.GetBits(frame, offset, 55, 58); // 55-58: RAC
        message.AcasTerminated = Bits.GetBit(frame, offset, 59); // 59: RAT
        message.AcasMultipleThreats = Bits.GetBit(frame, offset, 60); // 60: MTE
        message.AcasThreatType = (int)Bits.GetBits(frame, offset, 61, 62); // 61-62: TTI
        if (message.AcasThreatType == 1)
        {
            message.AcasThreatAddress = Bits.GetBits(frame, offset, 63, 86); // 63-86: threat identity (address)
        }
    }
}
