using CallCenter.Host.Identity;
using CallCenter.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CallCenter.Host;

/// <summary>What a wallboard receives: batches of seat and queue changes, in the wall's wire form (<see cref="WallWire"/>).</summary>
public interface IMonitorClient
{
    Task Batch(Dictionary<string, object?> batch);
}

/// <summary>
/// /hubs/monitor for supervisors, over JSON or MessagePack (the same maps either way). A client subscribes to batches
/// on connect, then calls Snapshot() and applies only the batches with a higher version in the same epoch, laying
/// each tile's changed keys over the one it has; on a gap, a new epoch or a change to a tile it does not have, it calls
/// Snapshot() again. <c>?department=</c> and <c>?queue=</c> on the connection narrow both to a <see cref="MonitorScope"/>.
/// </summary>
[Authorize(Policy = Policies.Supervision)]
public sealed class MonitorHub(IGrainFactory grains, MonitorScopes scopes, IOptions<JsonHubProtocolOptions> json) : Hub<IMonitorClient>
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

    public Task<Dictionary<string, object?>> Snapshot() => WallWire.Snapshot(grains, Scope, json.Value.PayloadSerializerOptions);

    /// <summary>Acknowledges an open alert with an optional note (at most 500 characters), recorded with the supervisor's name.</summary>
    public async Task<Dictionary<string, object?>> Acknowledge(string key, string? note)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200 || note?.Length > 500)
        {
            throw new HubException("An alert key (at most 200 characters) and a note of at most 500 characters are expected.");
        }

        try
        {
            return WallWire.Tile(await grains.GetGrain<IMonitorBoard>(0).Acknowledge(key, Context.User!.Identity!.Name!, note), json.Value.PayloadSerializerOptions);
        }
        catch (NotConfiguredException e)
        {
            throw new HubException(e.Message);
        }
    }
}
