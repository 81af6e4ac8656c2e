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

    /// <summary>Acknowledges an open alert with an optional note (at most 500 characters), recorded with the supervisor's name.</summary>
    public async Task<Alert> Acknowledge(string key, string? note)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200 || note?.Length > 500)
        {
            throw new HubException("An alert key (at most 200 characters) and a note of at most 500 characters are expected.");
        }

        try
        {
            return await grains.GetGrain<IMonitorBoard>(0).Acknowledge(key, Context.User!.Identity!.Name!, note);
        }
        catch (NotConfiguredException e)
        {
            throw new HubException(e.Message);
        }
    }
}
