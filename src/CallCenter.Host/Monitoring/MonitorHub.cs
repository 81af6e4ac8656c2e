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
/// <c>?department=</c> and <c>?queue=</c> on the connection narrow both to a <see cref="MonitorScope"/>.
/// </summary>
[Authorize(Policy = Policies.Supervision)]
public sealed class MonitorHub(IGrainFactory grains, MonitorScopes scopes) : Hub<IMonitorClient>
{
    public static string Everyone => MonitorScope.Everything.Group;

    private MonitorScope Scope => (MonitorScope)Context.Items[nameof(MonitorScope)]!;

    public override async Task OnConnectedAsync()
    {
        var scope = MonitorScope.From(Context.GetHttpContext()!.Request.Query)
            ?? throw new HubException("department and queue must be at most 100 characters.");
        Context.Items[nameof(MonitorScope)] = scope;
        scopes.Add(scope);
        await Groups.AddToGroupAsync(Context.ConnectionId, scope.Group);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.ContainsKey(nameof(MonitorScope)))
        {
            scopes.Remove(Scope);
        }

        return Task.CompletedTask;
    }

    public async Task<MonitorSnapshot> Snapshot() => Scope.Filter(await grains.GetGrain<IMonitorBoard>(0).Snapshot());

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
