namespace Picket.Gateway.Time;

/// <summary>Asks the operating system whether its clock is synchronised.</summary>
public interface INtpStatusProbe
{
    /// <summary>True when the system clock is synchronised to a time server; false when not or when unknown.</summary>
    bool IsSynchronized();
}
