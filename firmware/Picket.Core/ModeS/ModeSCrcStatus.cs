namespace Picket.ModeS;

/// <summary>How a frame's parity was checked (ICAO Annex 10 Vol IV 3.1.2.3.3).</summary>
public enum ModeSCrcStatus
{
    /// <summary>Not checked yet.</summary>
    Unknown = 0,

    /// <summary>Address-announced frame (DF11/17/18) with a zero syndrome (DF11: interrogator code only).</summary>
    Valid = 1,

    /// <summary>Address-announced frame whose syndrome matched a 1 or 2-bit error that was corrected.</summary>
    Corrected = 2,

    /// <summary>Address/parity frame (DF0/4/5/16/20/21/24) whose recovered address is in the known-aircraft table.</summary>
    AddressConfirmed = 3,

    /// <summary>Address/parity frame whose recovered address was not heard in a DF11/17/18 recently: possibly noise.</summary>
    AddressUnconfirmed = 4,

    /// <summary>Address-announced frame with an uncorrectable syndrome.</summary>
    Invalid = 5,

    /// <summary>A downlink format without parity rules here (DF19 military, DF22 and unassigned formats).</summary>
    NotChecked = 6,
}
