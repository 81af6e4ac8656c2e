using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using CallCenter.WorkOrders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Host;

/// <summary>What an inbox receives: an order it should show changed, with the notice for it, if any.</summary>
public interface IWorkOrderClient
{
    Task Changed(WorkOrderSummary order, WorkNotice? notice);
}

/// <summary>
/// /hubs/work-orders: each person receives the changes of the orders they take part in or their department's;
/// supervisors receive every change. Pages load their lists over HTTP first, then follow this hub.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class WorkOrderHub : Hub<IWorkOrderClient>
{
    public static string Person(string name) => "person:" + name;

    public const string Supervisors = "supervisors";

    /// <summary>A connection joins exactly one group, so no change reaches it twice.</summary>
    public override Task OnConnectedAsync() =>
        Groups.AddToGroupAsync(Context.ConnectionId, Context.User!.MaySupervise() ? Supervisors : Person(Context.User!.Identity!.Name!));
}

/// <summary>This host's observer on the work-order feed (GPSTracker pattern: no backplane; every host relays to its own connections).</summary>
public sealed class WorkOrderRelay(IGrainFactory grains, IClusterMembershipService membership, IHubContext<WorkOrderHub, IWorkOrderClient> hub, ILogger<WorkOrderRelay> logger)
    : HostObserver<IWorkOrderObserver>(grains, membership, logger), IWorkOrderObserver
{
    public Task OnChange(WorkOrderChange change)
    {
        WorkOrderMetrics.Pushed.Add(1);
        return hub.Clients.Groups([WorkOrderHub.Supervisors, .. change.People.Distinct().Select(WorkOrderHub.Person)]).Changed(change.Order, change.Notice);
    }

    protected override Task Subscribe(IWorkOrderObserver self) => Grains.GetGrain<IWorkOrderFeedGrain>(0).Subscribe(self);

    protected override Task Unsubscribe(IWorkOrderObserver self) => Grains.GetGrain<IWorkOrderFeedGrain>(0).Unsubscribe(self);
}
