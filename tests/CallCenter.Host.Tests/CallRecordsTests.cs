using System.Text;

namespace CallCenter.Host.Tests;

/// <summary>Every finished call leaves one record: searched by supervisors in full and by agents (their own, masked), paged, exported.</summary>
public sealed class CallRecordsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Finished_calls_are_searchable_masked_by_role_paged_and_exported_and_a_repeated_end_leaves_one_record()
    {
        var admin = await Host.As("admin");
        var agent = await Host.As("agent1");
        var supervisor = await Host.As("supervisor");
        var softswitch = Host.Softswitch();
        var queue = "cdr-" + Guid.NewGuid().ToString("N")[..6];
        var seat = "R-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineQueue(admin, queue);
        await Api.DefineSeat(admin, seat, queue);
        await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1", takeOver = true }).Ok();
        await agent.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "Ready" }).Ok();

        var answered = "ca-" + Guid.NewGuid().ToString("N")[..8];
        await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId = answered, caller = "13812345678", queue }).Expect(HttpStatusCode.Accepted);
        await Api.WaitFor(() => agent.GetAsync($"/api/v1/seats/{seat}").Ok(), s => s.Str("state") == "Reserved", "the offer");
        await softswitch.PostAsJsonAsync($"/api/v1/cti/calls/{answered}/answered", new { seatId = seat }).Ok();
        await softswitch.PostAsync($"/api/v1/cti/calls/{answered}/ended", null).Ok();
        await agent.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "NotReady", reason = "break" }).Ok();

        var abandoned = "cb-" + Guid.NewGuid().ToString("N")[..8];
        await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId = abandoned, caller = "13999998888", queue }).Expect(HttpStatusCode.Accepted);
        await softswitch.PostAsync($"/api/v1/cti/calls/{abandoned}/abandoned", null).Ok();
        await softswitch.PostAsync($"/api/v1/cti/calls/{abandoned}/abandoned", null).Ok(); // repeated: still one record

        var all = await supervisor.GetAsync($"/api/v1/call-records?queue={queue}").Ok();
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([abandoned, answered], items.Select(i => i.Str("callId")));
        var first = items[1];
        Assert.Equal(("13812345678", "agent1", seat, "Answered", "0"), (first.Str("caller"), first.Str("agent"), first.Str("seatId"), first.Str("outcome"), first.Str("missedOffers")));
        Assert.True(first.GetProperty("wrapUpSeconds").GetDouble() >= 0);
        Assert.Equal(("Abandoned", ""), (items[0].Str("outcome"), items[0].Str("seatId")));

        // The agent sees the call they took, caller masked, and nothing else; the caller filter is for supervisors.
        var own = (await agent.GetAsync($"/api/v1/call-records?queue={queue}").Ok()).GetProperty("items").EnumerateArray().ToList();
        var mine = Assert.Single(own);
        Assert.Equal(answered, mine.Str("callId"));
        Assert.DoesNotContain("12345678", mine.Str("caller"));
        await agent.GetAsync("/api/v1/call-records?caller=13812345678").Expect(HttpStatusCode.Forbidden);
        await (await Host.As("grader")).GetAsync("/api/v1/call-records").Expect(HttpStatusCode.Forbidden);
        var byCaller = await supervisor.GetAsync("/api/v1/call-records?caller=13999998888").Ok();
        Assert.Contains(byCaller.GetProperty("items").EnumerateArray(), i => i.Str("callId") == abandoned);

        // Filters and keyset paging.
        var onlyAbandoned = await supervisor.GetAsync($"/api/v1/call-records?queue={queue}&outcome=abandoned").Ok();
        Assert.Equal([abandoned], onlyAbandoned.GetProperty("items").EnumerateArray().Select(i => i.Str("callId")));
        var page1 = await supervisor.GetAsync($"/api/v1/call-records?queue={queue}&limit=1").Ok();
        var next = page1.Str("next");
        var page2 = await supervisor.GetAsync($"/api/v1/call-records?queue={queue}&limit=1&after={Uri.EscapeDataString(next)}").Ok();
        Assert.Equal([abandoned, answered], new[] { page1, page2 }.Select(p => p.GetProperty("items")[0].Str("callId")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page2.GetProperty("next").ValueKind);

        // CSV: BOM, a header, one line per call; the agent's copy is masked too.
        var csv = await agent.GetByteArrayAsync($"/api/v1/call-records/export?queue={queue}");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("call_id,caller,", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain("13812345678", lines[1]);
        var supervisorCsv = Encoding.UTF8.GetString(await supervisor.GetByteArrayAsync($"/api/v1/call-records/export?queue={queue}"));
        Assert.Contains("13812345678", supervisorCsv);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("outcome=maybe", "outcome")]
    [InlineData("after=nonsense", "after")]
    [InlineData("from=2026-11-28T10:00:00Z&to=2026-11-28T09:00:00Z", "to")]
    [InlineData("minWaitSeconds=-1", "minWaitSeconds")]
    [InlineData("queue=bad%20id", "queue")]
    public async Task A_bad_filter_is_a_problem_naming_the_field(string query, string field)
    {
        var problem = await (await Host.As("supervisor")).GetAsync($"/api/v1/call-records?{query}").Expect(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
