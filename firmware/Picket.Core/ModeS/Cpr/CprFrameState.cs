namespace Picket.ModeS.Cpr;

/// <summary>The last even or odd CPR frame of one aircraft.</summary>
internal struct CprFrameState
{
    public bool IsSet;
    public bool Surface;
    public int Latitude;
    public int Longitude;
    public long Ticks;
}
