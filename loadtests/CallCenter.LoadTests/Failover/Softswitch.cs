using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using CallCenter.Routing;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallCenter.LoadTests.Failover;

/// <summary>
/// The softswitch side of the drill: posts calls to any live host, keeps one CTI adapter connected to each host on
/// /hubs/cti, and for every offer received rings briefly, answers, talks a little and hangs up, as a phone would.
/// </summary>
public sealed class Softswitch(AnyHost api, TimeSpan talk) : IAsyncDisposable
{
    public sealed record Offer(string CallId, string SeatId, DateTimeOffset At, DateTimeOffset ReceivedAt, string Host);

    private readonly ConcurrentDictionary<string, HubConnection> adapters = new();
    private readonly ConcurrentDictionary<(string, string, DateTimeOffset), Offer> offers = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> posted = new();
    private readonly ConcurrentBag<Task> conversations = [];
    private int refused;

    public IReadOnlyCollection<Offer> Offers => offers.Values.ToList();

    public IReadOnlyDictionary<string, DateTimeOffset> Posted => posted;

    public int Refused => refused;

    public void Down(ClusterHost host)
    {
        api.Down(host);
        if (adapters.TryRemove(host.Name, out var adapter))
        {
            _ = adapter.DisposeAsync().AsTask();
        }
    }

    public async Task Up(ClusterHost host)
    {
        var adapter = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, "/hubs/cti"), o => o.Headers["X-Api-Key"] = LoadHost.ApiKey)
            .Build();
        adapter.On<CtiCommand>("Command", command => Received(command, host.Name));
        await adapter.StartAsync();
        adapters[host.Name] = adapter;
        api.Up(host);
    }

    /// <summary>Posts one call; a host that fails is skipped for the next (as a load balancer would) for up to 30 s.</summary>
    public async Task Call(string callId, string queue)
    {
        posted[callId] = DateTimeOffset.UtcNow;
        var response = await api.Send(http => http.PostAsJsonAsync("/api/v1/cti/calls", new { callId, caller = "13800000000", queue }));
        if (response?.StatusCode != HttpStatusCode.Accepted)
        {
            Interlocked.Increment(ref refused);
            posted.TryRemove(callId, out _);
        }
    }

    /// <summary>Waits for the conversations already under way.</summary>
    public async Task Settle()
    {
        while (conversations.Any(c => !c.IsCompleted))
        {
            await Task.Delay(100);
        }
    }

    private void Received(CtiCommand command, string host)
    {
        if (command.Kind != CtiCommandKinds.Offer)
        {
            return;
        }

        var offer = new Offer(command.CallId, command.SeatId, command.At, DateTimeOffset.UtcNow, host);
        if (offers.TryAdd((command.CallId, command.SeatId, command.At), offer))
        {
            conversations.Add(Task.Run(() => Converse(offer)));
        }
    }

    private async Task Converse(Offer offer)
    {
        await Task.Delay(200);
        var answered = await api.Send(http => http.PostAsJsonAsync($"/api/v1/cti/calls/{offer.CallId}/answered", new { seatId = offer.SeatId }));
        if (answered?.StatusCode != HttpStatusCode.OK)
        {
            return; // the offer was withdrawn or timed out meanwhile: the queue offers the call again
        }

        await Task.Delay(talk);
        await api.Send(http => http.PostAsync($"/api/v1/cti/calls/{offer.CallId}/ended", null));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var adapter in adapters.Values)
        {
            await adapter.DisposeAsync();
        }

    }
}
