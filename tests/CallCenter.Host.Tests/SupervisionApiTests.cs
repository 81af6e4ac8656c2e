using System.Collections.Concurrent;
using CallCenter.Routing;

namespace CallCenter.Host.Tests;

public sealed class SupervisionApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task A_supervisor_forces_a_seat_not_ready_and_the_audit_trail_says_who_whom_and_when()
    {
        var (seat, supervisor, agent) = await ReadySeat();
        var forced = await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/force", new { state = "NotReady" }).Ok();
        Assert.Equal(("NotReady", "forced"), (forced.Str("state"), forced.Str("reason")));
        await agent.PostAsJsonAsync($"/api/v1/seats/{seat}/force", new { state = "LoggedOut" }).Expect(HttpStatusCode.Forbidden);
        await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/force", new { state = "Ready" }).Expect(HttpStatusCode.BadRequest);
        await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/force", new { state = "LoggedOut", reason = "end of shift" }).Ok();
        await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/force", new { state = "NotReady" }).Expect(HttpStatusCode.Conflict);

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        var trail = await supervisor.GetAsync($"/api/v1/audit/{today}").Ok();
        var mine = trail.EnumerateArray().Where(e => e.Str("subject") == seat && e.Str("action").StartsWith("force-")).ToList();
        Assert.Equal(["force-NotReady", "force-LoggedOut"], mine.Select(e => e.Str("action")));
        Assert.All(mine, e => Assert.Equal("supervisor", e.Str("actor")));
        Assert.Contains("agent=agent1", mine[0].Str("detail"));
        await agent.GetAsync($"/api/v1/audit/{today}").Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Listen_then_barge_go_to_the_softswitch_and_the_agent_sees_being_monitored()
    {
        var commands = new ConcurrentQueue<CtiCommand>();
        await using var adapter = await Host.CtiAdapter(commands);
        var (seat, supervisor, agent) = await ReadySeat();

        await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/monitor", new { mode = "Listen" }).Ok();
        var seen = await agent.GetAsync($"/api/v1/seats/{seat}").Ok();
        Assert.Equal(("Listen", "supervisor"), (seen.Str("monitoring"), seen.Str("monitoredBy")));
        await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/monitor", new { mode = "Barge" }).Ok();
        await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/monitor", new { mode = "None" }).Ok();
        await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/monitor", new { mode = "Spy" }).Expect(HttpStatusCode.BadRequest);

        await Api.WaitFor(() => Task.FromResult(default(System.Text.Json.JsonElement)), _ => commands.Count(c => c.SeatId == seat) >= 3, "three monitoring commands");
        Assert.Equal(["listen", "barge", "stop-monitoring"], commands.Where(c => c.SeatId == seat).Select(c => c.Kind));
        Assert.All(commands.Where(c => c.SeatId == seat), c => Assert.Equal("supervisor", c.Supervisor));
        Assert.Equal("None", (await agent.GetAsync($"/api/v1/seats/{seat}").Ok()).Str("monitoring"));
    }

    private async Task<(string Seat, HttpClient Supervisor, HttpClient Agent)> ReadySeat()
    {
        var admin = await Host.As("admin");
        var queue = "sq-" + Guid.NewGuid().ToString("N")[..6];
        var seat = "ss-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineQueue(admin, queue);
        await Api.DefineSeat(admin, seat, queue);
        var agent = await Host.As("agent1");
        await admin.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1", takeOver = true }).Ok();
        await agent.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "Ready" }).Ok();
        return (seat, await Host.As("supervisor"), agent);
    }
}
