namespace CallCenter.Monitoring;

/// <summary>One per host (the relay): receives every batch and sends it to that host's SignalR connections.</summary>
[Alias("CallCenter.Monitoring.IMonitorObserver")]
public interface IMonitorObserver : IGrainObserver
{
    [OneWay, Alias("OnBatch")] Task OnBatch(MonitorBatch batch);
}
