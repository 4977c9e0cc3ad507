using System.Globalization;
using System.Text.Json;

namespace Picket.ModeS;

/// <summary>Compares one expected JSON value of <c>messages.jsonl</c> with a projected value.</summary>
internal static class FieldComparison
{
    /// <summary>True when <paramref name="actual"/> matches <paramref name="expected"/> within <paramref name="tolerance"/>.</summary>
    public static bool Agrees(string name, JsonElement expected, object? actual, double tolerance)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Null:
                return actual is null;
            case JsonValueKind.Number:
                if (actual is not double d)
                {
                    return false;
                }

                var difference = Math.Abs(d - expected.GetDouble());

                // Directions compare on the circle: 359.6 and 0 degrees are 0.4 degree apart.
                if (IsDirection(name))
                {
                    difference = Math.Min(difference, 360 - difference);
                }

                return difference <= tolerance;
            case JsonValueKind.String:
                return actual is string s && s == expected.GetString();
            case JsonValueKind.True:
            case JsonValueKind.False:
                return actual is bool b && b == expected.GetBoolean();
            case JsonValueKind.Array:
                if (actual is not List<string> list)
                {
                    return false;
                }

                var wanted = expected.EnumerateArray().Select(e => e.GetString()).OrderBy(x => x, StringComparer.Ordinal).ToList();
                return wanted.SequenceEqual(list.OrderBy(x => x, StringComparer.Ordinal));
            default:
                return false;
        }
    }

    private static bool IsDirection(string name) =>
        name is "track_deg" or "heading_deg" or "true_track_deg" or "magnetic_heading_deg" or "selected_heading_deg" or "wind_direction_deg";

    /// <summary>A printable form of a projected value.</summary>
    public static string Show(object? value) => value switch
    {
        null => "absent",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        List<string> list => "[" + string.Join(",", list) + "]",
        bool b => b ? "true" : "false",
        _ => value.ToString() ?? "?",
    };
}
