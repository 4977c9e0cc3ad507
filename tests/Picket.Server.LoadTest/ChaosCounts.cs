using System.Globalization;

namespace Picket.Server.LoadTest;

/// <summary>What the chaos run did and found.</summary>
internal sealed class ChaosCounts
{
    public int Starts { get; set; }

    public int Kills { get; set; }

    public int Verifications { get; set; }

    /// <summary>Batches acked over the run (each gateway id's highest ack; ids change after a deletion).</summary>
    public long DistinctAckedBatches { get; set; }

    /// <summary>Sum over verifications of the acked sequence checked (batches found in the file).</summary>
    public long AckedBatchesVerified { get; set; }

    /// <summary>Acked batches missing from the file after a fault: must be 0.</summary>
    public long Lost { get; set; }

    /// <summary>Hello acks below what had been acked before: must be 0.</summary>
    public long Forgotten { get; set; }

    public int DiskFulls { get; set; }

    public long StorageFailuresSeen { get; set; }

    public int RecoveredAfterFree { get; set; }

    public int Deletions { get; set; }

    public int DeletionsDetected { get; set; }

    /// <summary>Acks that advanced after health reported the deleted database: must be 0.</summary>
    public long AckedAfterDeletionDetected { get; set; }

    public long UnavailableAfterDeletion { get; set; }

    public long Unavailable { get; set; }

    public long OtherErrors { get; set; }

    public double Seconds { get; set; }

    public bool Passed => Lost == 0 && Forgotten == 0 && AckedAfterDeletionDetected == 0 && DeletionsDetected == Deletions;

    public string Summary(bool tmpfs) => string.Create(CultureInfo.InvariantCulture, $"""
        chaos: {(Passed ? "PASS" : "FAIL")} in {Seconds:F0} s: {Starts} server starts, {Kills} kill -9, {DistinctAckedBatches} batches acked; {Verifications} checks of the file with the server dead, each finding every batch acked so far ({AckedBatchesVerified} batch look-ups in all): {Lost} lost, {Forgotten} forgotten by a restarted server
          disk full (tmpfs {(tmpfs ? "128 MiB" : "not mounted: not root or --no-tmpfs")}): {DiskFulls} times, picket_storage_failures_total seen {StorageFailuresSeen}, {RecoveredAfterFree} recovered after the space was freed without a restart
          database deleted: {Deletions} times, {DeletionsDetected} turned /healthz to 503, {AckedAfterDeletionDetected} acks after that, {UnavailableAfterDeletion} calls answered Unavailable
          gateway saw {Unavailable} Unavailable and {OtherErrors} other errors (connections refused or reset by the kills)
        """);
}
