namespace Picket.Gateway.Inputs;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Fail_Repeatedly_DoublesFromQuarterSecondToTwoSecondsThenResets()
    {
        var backoff = ReconnectBackoff.CreateDefault();
        var waits = Enumerable.Range(0, 6).Select(_ => backoff.Fail().TotalMilliseconds).ToArray();
        Assert.Equal([250.0, 500, 1000, 2000, 2000, 2000], waits);
        backoff.Succeed();
        Assert.Equal(250.0, backoff.Fail().TotalMilliseconds);
    }
}
