namespace CallCenter.Host.Tests;

/// <summary>Nobody reaches a seat, a call or a recording that is not theirs: rights follow who took the call, not who sits where now.</summary>
public sealed class ConfidentialityTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task A_held_seat_refuses_a_colleague_an_agent_holds_one_seat_and_only_a_supervisor_takes_over_audited()
    {
        var admin = await Host.As("admin");
        var queue = "cq-" + Guid.NewGuid().ToString("N")[..6];
        var (seatA, seatB) = ("ca-" + Guid.NewGuid().ToString("N")[..6], "cb-" + Guid.NewGuid().ToString("N")[..6]);
        await Api.DefineQueue(admin, queue);
        await Api.DefineSeat(admin, seatA, queue);
        await Api.DefineSeat(admin, seatB, queue);
        var agent1 = await Host.As("agent1");
        var agent2 = await Host.As("agent2");
        await admin.PostAsJsonAsync($"/api/v1/seats/{seatA}/login", new { agent = "agent1", takeOver = true }).Ok();

        var taken = await agent2.PostAsJsonAsync($"/api/v1/seats/{seatA}/login", new { agent = "agent2" }).Expect(HttpStatusCode.Conflict);
        Assert.Contains("agent1", taken.Str("detail"));
        await agent2.PostAsJsonAsync($"/api/v1/seats/{seatA}/login", new { agent = "agent2", takeOver = true }).Expect(HttpStatusCode.Forbidden);
        var twice = await agent1.PostAsJsonAsync($"/api/v1/seats/{seatB}/login", new { agent = "agent1" }).Expect(HttpStatusCode.Conflict);
        Assert.Contains(seatA, twice.Str("detail"));
        Assert.Equal("agent1", (await agent1.GetAsync($"/api/v1/seats/{seatA}").Ok()).Str("agent"));

        var supervisor = await Host.As("supervisor");
        await supervisor.PostAsJsonAsync($"/api/v1/seats/{seatA}/login", new { agent = "agent2" }).Expect(HttpStatusCode.Conflict);
        var over = await supervisor.PostAsJsonAsync($"/api/v1/seats/{seatA}/login", new { agent = "agent2", takeOver = true }).Ok();
        Assert.Equal(("agent2", "NotReady"), (over.Str("agent"), over.Str("state")));
        await agent1.GetAsync($"/api/v1/seats/{seatA}").Expect(HttpStatusCode.Forbidden);
        await agent1.PostAsJsonAsync($"/api/v1/seats/{seatB}/login", new { agent = "agent1" }).Ok();

        var trail = await supervisor.GetAsync($"/api/v1/audit/{Today}").Ok();
        var takeover = trail.EnumerateArray().Single(e => e.Str("action") == "seat-takeover" && e.Str("subject") == seatA);
        Assert.Equal(("supervisor", "agent=agent2; previous=agent1"), (takeover.Str("actor"), takeover.Str("detail")));
        Assert.Contains(trail.EnumerateArray(), e => e.Str("action") == "seat-login" && e.Str("subject") == seatB && e.Str("actor") == "agent1");
        await agent1.PostAsync($"/api/v1/seats/{seatB}/logout", null).Ok();
        await supervisor.PostAsync($"/api/v1/seats/{seatA}/logout", null).Ok();
        Assert.Contains((await supervisor.GetAsync($"/api/v1/audit/{Today}").Ok()).EnumerateArray(), e => e.Str("action") == "seat-logout" && e.Str("subject") == seatB);
    }

    [Fact]
    public async Task A_call_belongs_to_the_agent_who_took_it_not_to_whoever_sits_at_the_seat_now()
    {
        var callId = await RecordedCalls.TakenCall(Host, "agent1");
        await RecordedCalls.Upload(Host, callId);
        var seat = "rs-" + callId[3..];
        await (await Host.As("supervisor")).PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent2", takeOver = true }).Ok();

        var intruder = await Host.As("agent2");
        var refused = await intruder.GetAsync($"/api/v1/calls/{callId}").Expect(HttpStatusCode.Forbidden);
        await intruder.GetAsync($"/api/v1/calls/{callId}/recording").Expect(HttpStatusCode.Forbidden);
        await intruder.GetAsync($"/api/v1/calls/{callId}/recording/analysis").Expect(HttpStatusCode.Forbidden);
        var unknown = await intruder.GetAsync("/api/v1/calls/rc-never-was").Expect(HttpStatusCode.Forbidden);
        Assert.Equal(refused.Str("title"), unknown.Str("title"));

        var owner = await Host.As("agent1");
        Assert.Equal(("agent1", "13700001111"), ((await owner.GetAsync($"/api/v1/calls/{callId}").Ok()).Str("agent"), (await owner.GetAsync($"/api/v1/calls/{callId}").Ok()).Str("caller")));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/calls/{callId}/recording")).StatusCode);
        await (await Host.As("grader")).GetAsync($"/api/v1/calls/{callId}").Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_the_agent_who_took_a_call_or_a_supervisor_opens_a_work_order_on_it_and_unknown_calls_answer_alike()
    {
        var callId = await RecordedCalls.TakenCall(Host, "agent1");
        var order = new { kind = "IntegrityReferral", callId };
        var stranger = await Host.As("agent3");
        var refused = await stranger.PostAsJsonAsync("/api/v1/work-orders", new { kind = "HardQuestion", callId, question = "x" }).Expect(HttpStatusCode.Forbidden);
        Assert.DoesNotContain("13700001111", refused.GetRawText());
        var unknown = await stranger.PostAsJsonAsync("/api/v1/work-orders", new { kind = "HardQuestion", callId = "rc-nobody", question = "x" }).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(refused.Str("title"), unknown.Str("title"));
        await (await Host.As("agent1")).PostAsJsonAsync("/api/v1/work-orders", order).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_grader_cannot_assign_themselves_a_call_and_a_supervisors_assignment_names_the_calls_agent()
    {
        var callId = await RecordedCalls.TakenCall(Host, "agent2");
        await RecordedCalls.Upload(Host, callId);
        var grader = await Host.As("grader3");
        await Api.WaitFor(() => grader.GetAsync("/api/v1/grading/forms/12366").Expect(HttpStatusCode.OK), _ => true, "the default scorecard");

        await grader.PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, agent = "agent3" }).Expect(HttpStatusCode.Forbidden);
        await grader.PostAsJsonAsync("/api/v1/grading/evaluations", new { callId }).Expect(HttpStatusCode.Forbidden);
        await grader.PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, grader = "grader3" }).Expect(HttpStatusCode.Forbidden);
        await grader.GetAsync($"/api/v1/calls/{callId}/recording").Expect(HttpStatusCode.Forbidden);
        await grader.GetAsync($"/api/v1/grading/evaluations/{callId}.grader3").Expect(HttpStatusCode.NotFound);

        var supervisor = await Host.As("supervisor");
        await supervisor.PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, grader = "grader3", agent = "agent3" }).Expect(HttpStatusCode.BadRequest);
        var assigned = await supervisor.PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, grader = "grader3" }).Ok();
        Assert.Equal(("agent2", "grader3"), (assigned.Str("agent"), assigned.Str("grader")));
        Assert.Equal(assigned.Str("evaluationId"), (await grader.PostAsJsonAsync("/api/v1/grading/evaluations", new { callId }).Ok()).Str("evaluationId"));
        Assert.Equal(HttpStatusCode.OK, (await grader.GetAsync($"/api/v1/calls/{callId}/recording")).StatusCode);
        var trail = await supervisor.GetAsync($"/api/v1/audit/{Today}").Ok();
        Assert.Contains(trail.EnumerateArray(), e => e.Str("action") == "evaluation-assign" && e.Str("subject") == $"call:{callId}" && e.Str("actor") == "supervisor");
    }

    [Fact]
    public async Task A_grader_reads_an_assigned_call_and_a_reported_party_masked_and_an_anonymous_reporter_leaves_nothing_to_read()
    {
        var callId = await RecordedCalls.TakenCall(Host, "agent2");
        await RecordedCalls.Upload(Host, callId);
        var supervisor = await Host.As("supervisor");
        var whole = (await supervisor.GetAsync($"/api/v1/calls/{callId}").Ok()).Str("caller");
        Assert.DoesNotContain("*", whole);
        Assert.Equal(whole, (await (await Host.As("agent2")).GetAsync($"/api/v1/calls/{callId}").Ok()).Str("caller")); // who took it may call back
        await Api.WaitFor(() => supervisor.GetAsync("/api/v1/grading/forms/12366").Expect(HttpStatusCode.OK), _ => true, "the default scorecard");
        await supervisor.PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, grader = "grader2" }).Ok();
        var graded = (await (await Host.As("grader2")).GetAsync($"/api/v1/calls/{callId}").Ok()).Str("caller");
        Assert.Contains("*", graded);
        Assert.NotEqual(whole, graded);

        await (await Host.As("admin")).PutAsJsonAsync("/api/v1/work-orders/departments/conf-tax", new { name = "稽查科", liaison = "liaison1" }).Ok();
        var report = (await (await Host.As("agent2")).PostAsJsonAsync("/api/v1/work-orders", new
        {
            kind = "TaxReport", department = "conf-tax", callId, question = "匿名举报虚开发票",
            taxpayer = new { name = "王五", phone = "13700001234" },
            taxReport = new { subject = "某商贸公司", subjectTaxpayerId = "91310000MA1FL12345", conduct = "虚开发票", anonymous = true },
        }).Expect(HttpStatusCode.Created)).GetProperty("order");
        var taxpayer = report.GetProperty("taxpayer");
        Assert.Equal((System.Text.Json.JsonValueKind.Null, System.Text.Json.JsonValueKind.Null), (taxpayer.GetProperty("name").ValueKind, taxpayer.GetProperty("phone").ValueKind));
        var orderId = report.Str("orderId");
        var read = await (await Host.As("grader")).GetAsync($"/api/v1/work-orders/{orderId}").Ok();
        Assert.Equal("9131************45", read.GetProperty("taxReport").Str("subjectTaxpayerId"));
        Assert.Equal("91310000MA1FL12345", (await supervisor.GetAsync($"/api/v1/work-orders/{orderId}").Ok()).GetProperty("taxReport").Str("subjectTaxpayerId"));

        var liaison = await Host.As("liaison1");
        await liaison.PostAsJsonAsync($"/api/v1/work-orders/{orderId}/answer", new { answer = "已移交稽查。" }).Ok();
        var closed = await (await Host.As("agent2")).PostAsJsonAsync($"/api/v1/work-orders/{orderId}/reply", new { note = "匿名举报，无需告知" }).Ok();
        Assert.Empty(closed.GetProperty("relatedOrders").EnumerateArray());
        Assert.Contains(closed.GetProperty("timeline").EnumerateArray(), e => e.Str("action") == "no follow-up" && e.GetProperty("args").Str("reason") == "anonymous");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bytes=0-")]
    [InlineData("bytes=500-")]
    [InlineData("bytes=-999999999")]
    [InlineData("bytes= 0-")]
    [InlineData("BYTES=0-")]
    [InlineData("bytes=1-2,0-")]
    [InlineData("bytes=500-100")]
    [InlineData("items=0-10")]
    public async Task Every_response_that_sends_recording_bytes_is_audited_whatever_the_range(string? range)
    {
        var callId = await RecordedCalls.TakenCall(Host, "agent3");
        await RecordedCalls.Upload(Host, callId);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/calls/{callId}/recording");
        if (range is not null)
        {
            request.Headers.TryAddWithoutValidation("Range", range);
        }

        var response = await (await Host.As("agent3")).SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.PartialContent, $"{range}: {response.StatusCode}");
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);
        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/calls/{callId}/recording") { Headers = { Range = new System.Net.Http.Headers.RangeHeaderValue(1000, 2000) } };
        Assert.Equal(HttpStatusCode.PartialContent, (await (await Host.As("agent3")).SendAsync(again)).StatusCode);

        var plays = (await (await Host.As("supervisor")).GetAsync($"/api/v1/audit/{Today}").Ok()).EnumerateArray()
            .Where(e => e.Str("action") == "recording-play" && e.Str("subject") == $"call:{callId}").ToList();
        Assert.Equal("agent3", Assert.Single(plays).Str("actor"));
    }

    private static string Today => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
}
