namespace Picket.ModeS;

/// <summary>
/// The 7-bit movement field of surface positions (DO-260B 2.2.3.2.4.2, table 2-20): a ground
/// speed in non-linear bands. Each code stands for the bottom of its band.
/// </summary>
public static class SurfaceMovement
{
    /// <summary>Decodes <paramref name="movement"/> (0 to 127) to ground speed in 1/8 knot units (0 to 1,400).</summary>
    /// <returns>False for 0 (no information) and 125-127 (reserved).</returns>
    public static bool TryDecode(int movement, out int groundSpeedEighths)
    {
        groundSpeedEighths = 0;
        if (movement == 0 || movement >= 125)
        {
            return false;
        }

        if (movement == 1)
        {
            groundSpeedEighths = 0; // stopped (below 0.125 kt)
        }
        else if (movement <= 8)
        {
            groundSpeedEighths = movement - 1; // 0.125 kt steps from 0.125 kt
        }
        else if (movement <= 12)
        {
            groundSpeedEighths = 8 + ((movement - 9) * 2); // 0.25 kt steps from 1 kt
        }
        else if (movement <= 38)
        {
            groundSpeedEighths = 16 + ((movement - 13) * 4); // 0.5 kt steps from 2 kt
        }
        else if (movement <= 93)
        {
            groundSpeedEighths = 120 + ((movement - 39) * 8); // 1 kt steps from 15 kt
        }
        else if (movement <= 108)
        {
            groundSpeedEighths = 560 + ((movement - 94) * 16); // 2 kt steps from 70 kt
        }
        else if (movement <= 123)
        {
            groundSpeedEighths = 800 + ((movement - 109) * 40); // 5 kt steps from 100 kt
        }
        else
        {
            groundSpeedEighths = 1400; // 175 kt or more
        }

        return true;
    }
}
