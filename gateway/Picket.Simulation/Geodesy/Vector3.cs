namespace Picket.Simulation.Geodesy;

/// <summary>A 3-vector in metres (ECEF or east/north/up, as the context says).</summary>
public readonly record struct Vector3(double X, double Y, double Z)
{
    /// <summary>Euclidean length.</summary>
    public double Length => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    /// <summary>Component-wise difference.</summary>
    public static Vector3 operator -(Vector3 a, Vector3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    /// <summary>Component-wise sum.</summary>
    public static Vector3 operator +(Vector3 a, Vector3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>Component-wise difference (named alternative for CA2225).</summary>
    public static Vector3 Subtract(Vector3 a, Vector3 b) => a - b;

    /// <summary>Component-wise sum (named alternative for CA2225).</summary>
    public static Vector3 Add(Vector3 a, Vector3 b) => a + b;
}
