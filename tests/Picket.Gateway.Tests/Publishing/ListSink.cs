using Picket.Contract.V1;

namespace Picket.Gateway.Publishing;

/// <summary>Keeps closed batches in memory and parses them with Google.Protobuf (an independent decoder).</summary>
internal sealed class ListSink : IBatchSink
{
    public ulong NextSequence { get; private set; } = 41;

    public List<(ulong Sequence, byte[] Bytes, long Created)> Batches { get; } = [];

    public IEnumerable<UplinkBatch> Parsed => Batches.Select(b => UplinkMessage.Parser.ParseFrom(b.Bytes).Batch);

    public void Append(ulong sequence, byte[] message, long createdUnixMicroseconds)
    {
        Assert.Equal(NextSequence, sequence);
        Batches.Add((sequence, message, createdUnixMicroseconds));
        NextSequence++;
    }
}
