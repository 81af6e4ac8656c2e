using System.Diagnostics.Metrics;
using CallCenter.Host.Hosting;
using CallCenter.WorkOrders;

namespace CallCenter.Host;

/// <summary>
/// Open and overdue work orders per kind (read from the open list every 5 seconds; every host reports the same
/// cluster-wide values), and per host the changes pushed to inboxes.
/// </summary>
public sealed class WorkOrderMetrics : PolledGauges
{
    public static readonly Counter<long> Pushed = Telemetry.Meter.CreateCounter<long>("callcenter.work_orders.pushed", description: "Work-order changes pushed by this host");

    private readonly IWorkOrderSummaries summaries;
    private IReadOnlyList<WorkOrderSummary> open = [];

    public WorkOrderMetrics(IWorkOrderSummaries summaries, CallCenterClock clock, ILogger<WorkOrderMetrics> logger)
        : base(logger)
    {
        this.summaries = summaries;
        Telemetry.Meter.CreateObservableGauge("callcenter.work_orders.open", () => ByKind(open),
            description: "Open work orders per kind");
        Telemetry.Meter.CreateObservableGauge("callcenter.work_orders.overdue", () => ByKind(open.Where(o => o.Due is { } due && clock.Now > due)),
            description: "Open work orders past their stage's deadline, per kind");
    }

    private static IEnumerable<Measurement<int>> ByKind(IEnumerable<WorkOrderSummary> orders) =>
        Enum.GetValues<WorkOrderKind>().Select(kind => new Measurement<int>(orders.Count(o => o.Kind == kind), new KeyValuePair<string, object?>("kind", kind.ToString())));

    protected override async Task Poll() => open = await summaries.Open();
}
