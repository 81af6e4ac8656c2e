namespace CallCenter.Monitoring;

/// <summary>Every seat and queue, today's duty shifts, and the open alerts, as of <paramref name="Version"/>; apply only batches with a higher version.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Monitoring.MonitorSnapshot")]
public sealed record MonitorSnapshot(
    [property: Id(0)] string Epoch,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<SeatTile> Seats,
    [property: Id(3)] IReadOnlyList<QueueTile> Queues,
    [property: Id(4)] IReadOnlyList<Alert> OpenAlerts,
    [property: Id(5)] IReadOnlyList<CallCenter.Duty.DutyTile>? Duty = null,
    [property: Id(6)] IReadOnlyList<CallCenter.Grading.QualityTile>? Quality = null);
