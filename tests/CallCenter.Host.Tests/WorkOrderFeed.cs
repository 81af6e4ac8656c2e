using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallCenter.Host.Tests;

/// <summary>A signed-in SignalR client on /hubs/work-orders that keeps the ids of the orders it hears about.</summary>
public sealed class WorkOrderFeed : IAsyncDisposable
{
    private readonly HubConnection connection;

    private WorkOrderFeed(HubConnection connection) => this.connection = connection;

    /// <summary>The order of each change heard, in the order heard.</summary>
    public IEnumerable<string> Received => Heard.Select(h => h.OrderId);

    /// <summary>Every change heard, as sent (order and notice): two equal entries are one change delivered twice.</summary>
    public ConcurrentQueue<(string OrderId, string? Notice, string Sent)> Heard { get; } = new();

    public IReadOnlyList<(string OrderId, string? Notice, string Sent)> Changes(string orderId) => Heard.Where(h => h.OrderId == orderId).ToList();

    public static async Task<WorkOrderFeed> Connect(RunningHost host, string user)
    {
        var token = (await host.As(user)).DefaultRequestHeaders.Authorization!.Parameter;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, "/hubs/work-orders"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();
        var feed = new WorkOrderFeed(connection);
        connection.On<JsonElement, JsonElement?>("Changed", (order, notice) =>
        {
            feed.Heard.Enqueue((order.Str("orderId"), notice?.Str("kind"), $"{order.GetRawText()} notice: {notice?.GetRawText()}"));
        });
        await connection.StartAsync();
        return feed;
    }

    /// <summary>Waits (up to 20 s) until at least <paramref name="times"/> changes of the order have arrived.</summary>
    public async Task WaitFor(string orderId, int times)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Received.Count(r => r == orderId) < times)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {times} change(s) of {orderId}; heard: {string.Join(", ", Received)}");
            }

            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
