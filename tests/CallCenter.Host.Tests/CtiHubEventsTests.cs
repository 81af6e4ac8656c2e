using System.Collections.Concurrent;
using CallCenter.Routing;
using CallCenter.Seats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallCenter.Host.Tests;

/// <summary>
/// The softswitch reports its call events over its /hubs/cti connection instead of one request each, on a host with no
/// wrap-up time (the seat is Ready again at hang-up).
/// </summary>
public sealed class CtiHubEventsTests : IAsyncLifetime
{
    private RunningHost host = null!;

    public async Task InitializeAsync() => host = await RunningHost.Start(null, "--CallCenter:Seats:WrapUpSeconds=0");

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_call_cycle_reported_over_the_hub_offers_connects_and_frees_the_seat_at_hang_up()
    {
        var (admin, agent) = (await host.As("admin"), await host.As("agent1"));
        var queue = "hub-" + Guid.NewGuid().ToString("N")[..6];
        var seat = "S-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineQueue(admin, queue);
        await Api.DefineSeat(admin, seat, queue);
        await agent.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1" }).Ok();
        await agent.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "Ready" }).Ok();
        var commands = new ConcurrentQueue<CtiCommand>();
        await using var adapter = await host.CtiAdapter(commands);
        var callId = "c-" + Guid.NewGuid().ToString("N")[..8];

        Assert.Equal("Queued", await adapter.InvokeAsync<string>("CallArrived", new { callId, caller = "13812345678", queue }));
        await Api.WaitFor(() => Task.FromResult(default(System.Text.Json.JsonElement)), _ => commands.Any(c => c.Kind == "offer" && c.CallId == callId && c.SeatId == seat), "the offer command");
        Assert.Equal("Connected", await adapter.InvokeAsync<string>("CallAnswered", callId, seat));
        Assert.Equal("OnCall", (await agent.GetAsync($"/api/v1/seats/{seat}").Ok()).Str("state"));
        Assert.Equal("Ended", await adapter.InvokeAsync<string>("CallEnded", callId));

        Assert.Equal("Ready", (await agent.GetAsync($"/api/v1/seats/{seat}").Ok()).Str("state"));
        var call = await admin.GetAsync($"/api/v1/calls/{callId}").Ok();
        Assert.Equal(["Queued", "Offered", "Connected", "WrapUp", "Ended"], call.GetProperty("timeline").EnumerateArray().Select(t => t.Str("state")));
        var stats = await Api.WaitFor(() => admin.GetAsync($"/api/v1/queues/{queue}/stats").Ok(), s => s.GetProperty("answered").GetInt32() == 1, "the answer counted");
        Assert.Equal((1, 0, 1), (stats.GetProperty("offered").GetInt32(), stats.GetProperty("waiting").GetInt32(), stats.GetProperty("seatsAvailable").GetInt32()));
        Assert.Equal("Ended", await adapter.InvokeAsync<string>("CallEnded", callId)); // a repeated end changes nothing

        // The seat passed through wrap-up in no time: its history has the sign-in, Ready, the offer and the talk, and no wrap-up span.
        var activity = host.Services.GetRequiredService<IAgentActivity>();
        IReadOnlyList<SeatSpan> spans = [];
        for (var tries = 0; tries < 100 && !spans.Any(x => x.State == SeatState.OnCall); tries++)
        {
            await Task.Delay(100);
            spans = await activity.Of(seat, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        }

        Assert.Equal([SeatState.NotReady, SeatState.Ready, SeatState.Reserved, SeatState.OnCall], spans.Select(x => x.State));
    }

    [Fact]
    public void One_adapter_connection_may_have_a_thousand_events_in_progress_by_default()
    {
        // At its limit SignalR stops reading the connection, and every later event waits behind the slowest in progress.
        var cti = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HubOptions<CtiHub>>>().Value;

        Assert.Equal(1024, cti.MaximumParallelInvocationsPerClient);
    }

    [Fact]
    public void The_host_silo_asks_each_grain_interface_for_its_type_once()
    {
        var providers = host.Services.GetServices<Orleans.Runtime.IGrainInterfaceTypeProvider>().ToList();

        Assert.Contains(providers, p => p is RememberedInterfaceTypes);
        Assert.DoesNotContain(providers, p => p is Orleans.Runtime.AttributeGrainInterfaceTypeProvider);
        Assert.IsType<RememberedInterfaceTypes.Conventions>(providers[^1]);
    }

    [Fact]
    public async Task Bad_events_over_the_hub_fail_with_the_reason_and_change_nothing()
    {
        var admin = await host.As("admin");
        var queue = "hub-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineQueue(admin, queue);
        var commands = new ConcurrentQueue<CtiCommand>();
        await using var adapter = await host.CtiAdapter(commands);

        var invalid = await Assert.ThrowsAsync<HubException>(() => adapter.InvokeAsync<string>("CallArrived", new { callId = "no spaces", caller = "call me", queue }));
        Assert.Contains("'callId'", invalid.Message);
        Assert.Contains("'caller'", invalid.Message);
        var undefined = await Assert.ThrowsAsync<HubException>(() => adapter.InvokeAsync<string>("CallArrived", new { callId = "c-x1", caller = "13812345678", queue = "no-such-queue" }));
        Assert.Contains("not defined", undefined.Message);
        var unknown = await Assert.ThrowsAsync<HubException>(() => adapter.InvokeAsync<string>("CallEnded", "c-never-arrived"));
        Assert.Contains("c-never-arrived", unknown.Message);

        var callId = "c-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal("Queued", await adapter.InvokeAsync<string>("CallArrived", new { callId, caller = "13812345678", queue }));
        var early = await Assert.ThrowsAsync<HubException>(() => adapter.InvokeAsync<string>("CallAnswered", callId, "S-nobody"));
        Assert.Contains(callId, early.Message);
        Assert.Equal("Queued", (await admin.GetAsync($"/api/v1/calls/{callId}").Ok()).Str("state"));
        Assert.Equal("Abandoned", await adapter.InvokeAsync<string>("CallAbandoned", callId));
        await (await host.As("admin")).GetAsync("/api/v1/calls/c-x1").Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_softswitch_key_opens_the_cti_hub()
    {
        var agentToken = (await host.As("agent1")).DefaultRequestHeaders.Authorization!.Parameter;
        var asAgent = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, "/hubs/cti"), o => o.AccessTokenProvider = () => Task.FromResult(agentToken))
            .Build();
        await Assert.ThrowsAnyAsync<Exception>(() => asAgent.StartAsync());
        await asAgent.DisposeAsync();
    }
}
