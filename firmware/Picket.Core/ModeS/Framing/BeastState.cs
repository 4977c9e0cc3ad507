namespace Picket.ModeS.Framing;

/// <summary>Where <see cref="BeastFramer"/> is in the byte stream.</summary>
internal enum BeastState
{
    /// <summary>Between frames: waiting for 0x1a.</summary>
    Idle = 0,

    /// <summary>After 0x1a: the next byte is the message type.</summary>
    Type = 1,

    /// <summary>Reading timestamp, signal and frame bytes.</summary>
    Payload = 2,
}
