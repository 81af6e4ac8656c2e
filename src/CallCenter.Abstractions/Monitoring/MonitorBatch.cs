namespace CallCenter.Monitoring;

/// <summary>
/// Changes since the previous batch, latest state per seat and queue, and alerts raised, cleared or acknowledged. <paramref name="Version"/> rises by one per
/// batch within an <paramref name="Epoch"/>; a client that sees a new epoch or a skipped version fetches a snapshot.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Monitoring.MonitorBatch")]
public sealed record MonitorBatch(
    [property: Id(0)] string Epoch,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<SeatTile> Seats,
    [property: Id(3)] IReadOnlyList<QueueTile> Queues,
    [property: Id(4)] IReadOnlyList<Alert> Alerts,
    [property: Id(5)] IReadOnlyList<CallCenter.Duty.DutyTile>? Duty = null,
    [property: Id(6)] IReadOnlyList<CallCenter.Grading.QualityTile>? Quality = null);
