using System.Globalization;

namespace Picket.Cli.Verbs.Decode;

/// <summary>Counters printed on stderr when <c>picket decode</c> ends: what was read and why things were rejected.</summary>
public sealed class DecodeSummary
{
    private readonly SortedDictionary<string, long> _rejections = new(StringComparer.Ordinal);

    /// <summary>Frames (or records, or sentences) found in the input.</summary>
    public long Read { get; set; }

    /// <summary>Frames decoded and written.</summary>
    public long Decoded { get; set; }

    /// <summary>Frames whose errors were corrected (Mode S CRC).</summary>
    public long Corrected { get; set; }

    /// <summary>Of <see cref="Decoded"/>, address/parity replies from addresses not heard (<c>--all-replies</c>).</summary>
    public long AddressUnverified { get; set; }

    /// <summary>Bytes skipped as garbage between frames.</summary>
    public long SkippedBytes { get; set; }

    /// <summary>Frames rejected, total.</summary>
    public long Rejected { get; private set; }

    /// <summary>Counts one rejected frame under <paramref name="reason"/>.</summary>
    public void Reject(string reason) => Reject(reason, 1);

    /// <summary>Counts <paramref name="count"/> rejected frames under <paramref name="reason"/>; a reason counted 0 times is not listed.</summary>
    public void Reject(string reason, long count)
    {
        if (count <= 0)
        {
            return;
        }

        Rejected += count;
        _rejections[reason] = _rejections.GetValueOrDefault(reason) + count;
    }

    /// <summary>The summary as one line plus one line per rejection reason.</summary>
    public override string ToString()
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"read {Read}, decoded {Decoded}, corrected {Corrected}, rejected {Rejected}, skipped bytes {SkippedBytes}");
        if (AddressUnverified > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"\n  decoded {AddressUnverified}: address/parity replies from addresses not heard (--all-replies, address unverified)");
        }

        foreach (var (reason, count) in _rejections)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"\n  rejected {count}: {reason}");
        }

        return text;
    }
}
