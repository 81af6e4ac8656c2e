namespace CallCenter.Monitoring;

/// <summary>
/// Where seats and queues report changes: a local stateless worker that coalesces them (latest per seat and queue)
/// and hands a batch to the board at most every 50 ms.
/// </summary>
[Alias("CallCenter.Monitoring.IMonitorNotifier")]
public interface IMonitorNotifier : IGrainWithIntegerKey
{
    [OneWay, Alias("SeatChanged")] Task SeatChanged(SeatTile seat);

    [OneWay, Alias("QueueChanged")] Task QueueChanged(QueueTile queue);
}
