using Picket.Cli.Verbs.Decode;

namespace Picket.Gateway.Cli.Verbs.Decode;

public class DecodeSummaryTests
{
    [Fact]
    public void Reject_CountOfThree_CountsThreeUnderTheReason()
    {
        var summary = new DecodeSummary();

        summary.Reject("truncated frame", 3);
        summary.Reject("truncated frame");

        Assert.Equal(4, summary.Rejected);
        Assert.Contains("\n  rejected 4: truncated frame", summary.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reject_CountOfZero_ReasonNotListed()
    {
        var summary = new DecodeSummary();

        summary.Reject("malformed frame", 0);

        Assert.Equal(0, summary.Rejected);
        Assert.DoesNotContain("malformed frame", summary.ToString(), StringComparison.Ordinal);
    }
}
