using CallCenter.Host.Identity;
using CallCenter.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Host;

/// <summary>What a wallboard receives: batches of seat and queue changes.</summary>
public interface IMonitorClient
{
    Task Batch(MonitorBatch batch);
}

/// <summary>
/// /hubs/monitor for supervisors. A client subscribes to batches on connect, then calls Snapshot() and applies only
/// the batches with a higher version in the same epoch; on a gap or a new epoch it calls Snapshot() again.
/// </summary>
[Authorize(Policy = Policies.Supervision)]
public sealed class MonitorHub(IGrainFactory grains) : Hub<IMonitorClient>
{
    public const string Everyone = "wallboard";

    public override Task OnConnectedAsync() => Groups.AddToGroupAsync(Context.ConnectionId, Everyone);

    public Task<MonitorSnapshot> Snapshot() => grains.GetGrain<IMonitorBoard>(0).Snapshot();
}
