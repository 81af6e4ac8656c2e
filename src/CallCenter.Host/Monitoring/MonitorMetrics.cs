using System.Diagnostics.Metrics;
using CallCenter.Host.Hosting;
using CallCenter.Monitoring;

namespace CallCenter.Host;

/// <summary>
/// The wallboard's figures as OpenTelemetry metrics: seats by state, calls waiting and service level per queue (read
/// from the board every five seconds; every host reports the same cluster-wide values), and per host the batches
/// pushed and the push lag (from a seat's change to its batch leaving this host).
/// </summary>
public sealed class MonitorMetrics : PolledGauges
{
    public static readonly Counter<long> Batches = Telemetry.Meter.CreateCounter<long>("callcenter.monitor.batches", description: "Wallboard batches pushed by this host");

    public static readonly Histogram<double> PushLag = Telemetry.Meter.CreateHistogram<double>(
        "callcenter.monitor.push_lag", unit: "ms", description: "From a seat's state change to its batch leaving this host");

    private readonly IGrainFactory grains;
    private MonitorSnapshot? latest;

    public MonitorMetrics(IGrainFactory grains, ILogger<MonitorMetrics> logger)
        : base(logger)
    {
        this.grains = grains;
        Telemetry.Meter.CreateObservableGauge("callcenter.seats", () =>
            (latest?.Seats ?? []).GroupBy(s => s.State).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("state", g.Key.ToString()))),
            description: "Seats by state");
        Telemetry.Meter.CreateObservableGauge("callcenter.queue.waiting", () =>
            (latest?.Queues ?? []).Select(q => new Measurement<int>(q.Stats.Waiting, new KeyValuePair<string, object?>("queue", q.QueueId))),
            description: "Calls waiting per queue");
        Telemetry.Meter.CreateObservableGauge("callcenter.queue.service_level", () =>
            (latest?.Queues ?? []).Where(q => q.Stats.ServiceLevelPercent is not null)
                .Select(q => new Measurement<double>(q.Stats.ServiceLevelPercent!.Value, new KeyValuePair<string, object?>("queue", q.QueueId))),
            unit: "%", description: "Service level today per queue");
    }

    public static void Pushed(MonitorBatch batch, DateTimeOffset now)
    {
        Batches.Add(1);
        foreach (var seat in batch.Seats)
        {
            PushLag.Record(Math.Max(0, (now - seat.Since).TotalMilliseconds));
        }
    }

    protected override async Task Poll() => latest = await grains.GetGrain<IMonitorBoard>(0).Snapshot();
}
