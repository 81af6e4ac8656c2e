using System.Text;

namespace CallCenter.Host.Tests;

/// <summary>The report endpoints over calls a softswitch really made: figures, CSV, validation, who may read them.</summary>
public sealed class ReportsApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Todays_calls_and_the_agents_time_show_in_the_queue_and_agent_reports_and_their_csv()
    {
        var admin = await Host.As("admin");
        var agent = await Host.As("agent2");
        var supervisor = await Host.As("supervisor");
        var softswitch = Host.Softswitch();
        var queue = "rep-" + Guid.NewGuid().ToString("N")[..6];
        var seat = "R-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineQueue(admin, queue);
        await Api.DefineSeat(admin, seat, queue);
        await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent2", takeOver = true }).Ok();
        await agent.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "Ready" }).Ok();
        await Task.Delay(300); // a Ready span long enough to show at 0.1 s resolution

        var answered = "ra-" + Guid.NewGuid().ToString("N")[..8];
        await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId = answered, caller = "13812345678", queue }).Expect(HttpStatusCode.Accepted);
        await Api.WaitFor(() => agent.GetAsync($"/api/v1/seats/{seat}").Ok(), s => s.Str("state") == "Reserved", "the offer");
        await softswitch.PostAsJsonAsync($"/api/v1/cti/calls/{answered}/answered", new { seatId = seat }).Ok();
        await softswitch.PostAsync($"/api/v1/cti/calls/{answered}/ended", null).Ok();
        await agent.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "NotReady", reason = "break" }).Ok();
        var abandoned = "rb-" + Guid.NewGuid().ToString("N")[..8];
        await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId = abandoned, caller = "13999998888", queue }).Expect(HttpStatusCode.Accepted);
        await softswitch.PostAsync($"/api/v1/cti/calls/{abandoned}/abandoned", null).Ok();

        var report = await supervisor.GetAsync($"/api/v1/reports/queues?interval=15&queue={queue}").Ok();
        var row = Assert.Single(report.GetProperty("rows").EnumerateArray());
        Assert.Equal((queue, 2, 1, 1), (row.Str("queue"), row.GetProperty("offered").GetInt32(), row.GetProperty("answered").GetInt32(), row.GetProperty("abandoned").GetInt32()));
        Assert.Equal(50.0, row.GetProperty("abandonRate").GetDouble());
        Assert.Contains(report.GetProperty("queues").EnumerateArray(), q => q.Str("queueId") == queue);
        Assert.Equal(2, report.GetProperty("summary").GetProperty("offered").GetInt32());

        // The agent's spans reach the store just after the seat's changes.
        var agents = await Api.WaitFor(
            () => supervisor.GetAsync("/api/v1/reports/agents?agent=agent2").Ok(),
            r => r.GetProperty("rows").EnumerateArray().Any(a => a.GetProperty("readySeconds").GetDouble() >= 0.3 && a.GetProperty("calls").GetInt32() >= 1),
            "agent2's ready time and call");
        var day = Assert.Single(agents.GetProperty("rows").EnumerateArray());
        Assert.True(day.GetProperty("loggedInSeconds").GetDouble() >= day.GetProperty("readySeconds").GetDouble());

        var csv = await supervisor.GetByteArrayAsync($"/api/v1/reports/queues/export?interval=day&queue={queue}");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("queue,interval_start,offered,", lines[0]);
        Assert.StartsWith($"{queue},", lines[1]);
        var agentCsv = Encoding.UTF8.GetString(await supervisor.GetByteArrayAsync("/api/v1/reports/agents/export?agent=agent2&by=month"));
        Assert.Contains("occupancy_pct", agentCsv);
        Assert.Contains("\nagent2,", agentCsv);

        await agent.GetAsync("/api/v1/reports/queues").Expect(HttpStatusCode.Forbidden);
        await (await Host.As("grader")).GetAsync("/api/v1/reports/agents").Expect(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("queues?interval=20", "interval")]
    [InlineData("queues?from=2026-13-01", "from")]
    [InlineData("queues?from=2026-11-10&to=2026-11-01", "to")]
    [InlineData("queues?from=2026-01-01&to=2026-03-01&interval=15", "to")]
    [InlineData("queues?from=2025-01-01&to=2026-03-01&interval=day", "to")]
    [InlineData("queues?queue=bad%20id", "queue")]
    [InlineData("agents?by=week", "by")]
    [InlineData("agents?agent=bad%20id", "agent")]
    public async Task A_bad_parameter_is_a_problem_naming_the_field(string query, string field)
    {
        var problem = await (await Host.As("supervisor")).GetAsync($"/api/v1/reports/{query}").Expect(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
