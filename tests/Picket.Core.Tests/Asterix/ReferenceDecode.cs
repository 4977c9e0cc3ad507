using System.Globalization;

namespace Picket.Asterix;

/// <summary>
/// The independent decode in <c>asterix/cat_034_048.txt</c> (CroatiaControl asterix's text
/// output), parsed: per record its category, length, bytes and, per item, the raw item bytes
/// and each field's raw value (the token before the parenthesised engineering value).
/// </summary>
internal sealed class ReferenceDecode
{
    public required int Category { get; init; }

    public required int Length { get; init; }

    public required byte[] Bytes { get; init; }

    /// <summary>Item id ("010", "250", ...) to its raw octets as listed in brackets.</summary>
    public Dictionary<string, byte[]> ItemBytes { get; } = new(StringComparer.Ordinal);

    /// <summary>Item id to field label to the first raw value given for that label.</summary>
    public Dictionary<string, Dictionary<string, string>> Fields { get; } = new(StringComparer.Ordinal);

    public bool Has(string item) => ItemBytes.ContainsKey(item);

    public string Raw(string item, string label) => Fields[item][label];

    public int Int(string item, string label) => int.Parse(Raw(item, label), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public bool HasField(string item, string label) => Fields.TryGetValue(item, out var fields) && fields.ContainsKey(label);

    public static List<ReferenceDecode> Load(string path)
    {
        var records = new List<ReferenceDecode>();
        var category = 0;
        var length = 0;
        ReferenceDecode? current = null;
        string? item = null;
        foreach (var rawLine in File.ReadLines(path))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith("Category: ", StringComparison.Ordinal))
            {
                category = int.Parse(line[10..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("Data Record ", StringComparison.Ordinal))
            {
                current = null;
                item = null;
            }
            else if (line.StartsWith("Len: ", StringComparison.Ordinal))
            {
                length = int.Parse(line[5..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("HexData: ", StringComparison.Ordinal) && line.Length - 9 == length * 2)
            {
                current = new ReferenceDecode { Category = category, Length = length, Bytes = Convert.FromHexString(line[9..]) };
                records.Add(current);
            }
            else if (current is not null && line.StartsWith("Item ", StringComparison.Ordinal))
            {
                item = line[5..8];
                current.Fields[item] = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (current is not null && item is not null && line.StartsWith('[') && !current.ItemBytes.ContainsKey(item))
            {
                current.ItemBytes[item] = Convert.FromHexString(line.Trim('[', ']', ' ').Replace(" ", "", StringComparison.Ordinal));
            }
            else if (current is not null && item is not null && line.StartsWith('\t'))
            {
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                var label = line[1..colon];
                var value = line[(colon + 2)..];
                var paren = value.IndexOf(" (", StringComparison.Ordinal);
                var raw = label.StartsWith("Characters", StringComparison.Ordinal) ? value.TrimEnd() : paren >= 0 ? value[..paren] : value.Trim();
                current.Fields[item].TryAdd(label, raw);
            }
        }

        return records;
    }
}
