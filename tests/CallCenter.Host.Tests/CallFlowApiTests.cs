using System.Collections.Concurrent;
using CallCenter.Routing;

namespace CallCenter.Host.Tests;

public sealed class CallFlowApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task A_call_travels_from_the_softswitch_to_an_agent_and_back_with_commands_on_the_cti_hub()
    {
        var admin = await Host.As("admin");
        var agent = await Host.As("agent1");
        var supervisor = await Host.As("supervisor");
        var softswitch = Host.Softswitch();
        var queue = "inv-" + Guid.NewGuid().ToString("N")[..6];
        var seat = "S-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineQueue(admin, queue);
        await Api.DefineSeat(admin, seat, queue, remote: true);

        var commands = new ConcurrentQueue<CtiCommand>();
        await using var adapter = await Host.CtiAdapter(commands);

        await softswitch.PostAsJsonAsync($"/api/v1/cti/phones/{seat}", new { registered = true }).Ok();
        var loggedIn = await agent.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1" }).Ok();
        Assert.Equal("NotReady", loggedIn.Str("state"));
        await agent.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "Ready" }).Ok();

        var callId = "c-" + Guid.NewGuid().ToString("N")[..8];
        var accepted = await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId, caller = "13812345678", queue, priority = 1 }).Expect(HttpStatusCode.Accepted);
        Assert.Equal("Queued", accepted.Str("state"));

        var offer = await Api.WaitFor(() => agent.GetAsync($"/api/v1/seats/{seat}").Ok(), s => s.Str("state") == "Reserved", "the offer");
        Assert.Equal(callId, offer.Str("callId"));
        await Api.WaitFor(() => Task.FromResult(default(System.Text.Json.JsonElement)), _ => commands.Any(c => c.Kind == "offer" && c.CallId == callId && c.SeatId == seat), "the offer command on /hubs/cti");

        await softswitch.PostAsJsonAsync($"/api/v1/cti/calls/{callId}/answered", new { seatId = seat }).Ok();
        Assert.Equal("OnCall", (await agent.GetAsync($"/api/v1/seats/{seat}").Ok()).Str("state"));
        await softswitch.PostAsync($"/api/v1/cti/calls/{callId}/ended", null).Ok();
        Assert.Equal("WrapUp", (await agent.GetAsync($"/api/v1/seats/{seat}").Ok()).Str("state"));
        await agent.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "Ready" }).Ok();

        var call = await supervisor.GetAsync($"/api/v1/calls/{callId}").Ok();
        Assert.Equal("Ended", call.Str("state"));
        Assert.Equal(["Queued", "Offered", "Connected", "WrapUp", "Ended"], call.GetProperty("timeline").EnumerateArray().Select(t => t.Str("state")));
        var stats = await supervisor.GetAsync($"/api/v1/queues/{queue}/stats").Ok();
        Assert.Equal((1, 1, 0), (stats.GetProperty("offered").GetInt32(), stats.GetProperty("answered").GetInt32(), stats.GetProperty("waiting").GetInt32()));
        Assert.Equal(100.0, stats.GetProperty("serviceLevelPercent").GetDouble());

        // the agent sees the calls they took
        Assert.Equal((callId, "agent1"), ((await agent.GetAsync($"/api/v1/calls/{callId}").Ok()).Str("callId"), call.Str("agent")));
        await agent.PostAsync($"/api/v1/seats/{seat}/logout", null).Ok();
    }

    [Fact]
    public async Task Every_endpoint_requires_the_right_role()
    {
        var anonymous = Host.Anonymous();
        var agent = await Host.As("agent2");
        var grader = await Host.As("grader");
        var admin = await Host.As("admin");
        var queue = "q-" + Guid.NewGuid().ToString("N")[..6];
        var seat = "S-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineQueue(admin, queue);
        await Api.DefineSeat(admin, seat, queue);

        await anonymous.GetAsync($"/api/v1/queues/{queue}/stats").Expect(HttpStatusCode.Unauthorized);
        await anonymous.PostAsJsonAsync("/api/v1/cti/calls", new { callId = "x", caller = "1", queue }).Expect(HttpStatusCode.Unauthorized);
        await agent.PutAsJsonAsync($"/api/v1/queues/{queue}", new { name = "x" }).Expect(HttpStatusCode.Forbidden);
        await agent.GetAsync($"/api/v1/queues/{queue}/stats").Expect(HttpStatusCode.Forbidden);
        await grader.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "grader" }).Expect(HttpStatusCode.Forbidden);
        await agent.PostAsJsonAsync("/api/v1/cti/calls", new { callId = "x", caller = "1", queue }).Expect(HttpStatusCode.Unauthorized);

        var wrongKey = Host.Anonymous();
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");
        await wrongKey.PostAsJsonAsync("/api/v1/cti/calls", new { callId = "x", caller = "1", queue }).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_agent_acts_only_on_their_own_seat()
    {
        var admin = await Host.As("admin");
        var agent1 = await Host.As("agent1");
        var agent3 = await Host.As("agent3");
        var supervisor = await Host.As("supervisor");
        var queue = "q-" + Guid.NewGuid().ToString("N")[..6];
        var seat = "S-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineQueue(admin, queue);
        await Api.DefineSeat(admin, seat, queue);

        await agent3.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1" }).Expect(HttpStatusCode.Forbidden);
        await agent1.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1" }).Ok();
        await agent3.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "Ready" }).Expect(HttpStatusCode.Forbidden);
        await agent3.GetAsync($"/api/v1/seats/{seat}").Expect(HttpStatusCode.Forbidden);
        await agent3.PostAsync($"/api/v1/seats/{seat}/logout", null).Expect(HttpStatusCode.Forbidden);
        await supervisor.PostAsync($"/api/v1/seats/{seat}/logout", null).Ok();
    }

    [Fact]
    public async Task Illegal_transitions_answer_409_and_unknown_ids_404()
    {
        var admin = await Host.As("admin");
        var supervisor = await Host.As("supervisor");
        var queue = "q-" + Guid.NewGuid().ToString("N")[..6];
        var seat = "S-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineQueue(admin, queue);
        await Api.DefineSeat(admin, seat, queue);

        var refused = await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "Ready" }).Expect(HttpStatusCode.Conflict);
        Assert.Contains("LoggedOut", refused.Str("detail"));
        await supervisor.GetAsync("/api/v1/seats/nobody").Expect(HttpStatusCode.NotFound);
        await supervisor.GetAsync("/api/v1/calls/no-such-call").Expect(HttpStatusCode.NotFound);
        await supervisor.GetAsync("/api/v1/queues/no-such-queue/stats").Expect(HttpStatusCode.NotFound);
        await Host.Softswitch().PostAsync("/api/v1/cti/calls/no-such-call/ended", null).Expect(HttpStatusCode.NotFound);
        var nowhere = "c-" + Guid.NewGuid().ToString("N")[..8];
        var unknownQueue = await Host.Softswitch().PostAsJsonAsync("/api/v1/cti/calls", new { callId = nowhere, caller = "123", queue = "nowhere" }).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("queue", unknownQueue.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await supervisor.GetAsync($"/api/v1/calls/{nowhere}").Expect(HttpStatusCode.NotFound); // no call was created for it
    }

    [Fact]
    public async Task The_api_is_documented_and_the_host_reports_health()
    {
        var openApi = await Host.Anonymous().GetAsync("/openapi/v1.json").Ok();
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/cti/calls", paths);
        Assert.Contains("/api/v1/seats/{seatId}/state", paths);
        Assert.Equal(HttpStatusCode.OK, (await Host.Anonymous().GetAsync("/docs")).StatusCode);
        Assert.Equal("Healthy", await Host.Anonymous().GetStringAsync("/healthz"));
        await Host.Softswitch().PostAsJsonAsync("/api/v1/cti/phones/no-such-seat", new { registered = true }).Expect(HttpStatusCode.NotFound);
        Assert.Contains("callcenter_cti_events", await Host.Anonymous().GetStringAsync("/metrics"));
    }
}
