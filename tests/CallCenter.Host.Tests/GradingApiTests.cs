namespace CallCenter.Host.Tests;

public sealed class GradingApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task A_grader_scores_a_call_with_a_critical_fail_and_the_agent_disputes_it_before_a_second_grader_revises_it()
    {
        var callId = await RecordedCalls.TakenCall(Host, "agent1");
        var grader = await Host.As("grader");
        var form = await Api.WaitFor(() => grader.GetAsync("/api/v1/grading/forms/12366").Expect(HttpStatusCode.OK), f => f.Str("version") == "1", "the default scorecard");
        var started = await (await Host.As("supervisor")).PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, grader = "grader" }).Ok();
        var id = started.Str("evaluationId");
        Assert.Equal(("Draft", "1"), (started.Str("status"), started.GetProperty("form").Str("version")));

        var questions = form.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("questions").EnumerateArray()).Select(q => (Id: q.Str("id"), Max: q.GetProperty("maxPoints").GetInt32())).ToList();
        var answers = questions.Select(q => new { questionId = q.Id, points = q.Id == "correct" ? 0 : q.Max, comment = q.Id == "correct" ? "个税专项附加扣除标准答错" : null }).ToList();
        await grader.PutAsJsonAsync($"/api/v1/grading/evaluations/{id}/answers", new { answers = new[] { new { questionId = "greeting", points = 9 } } }).Expect(HttpStatusCode.BadRequest);
        var scored = await grader.PutAsJsonAsync($"/api/v1/grading/evaluations/{id}/answers", new { answers }).Ok();
        Assert.Equal(("0", "True"), (scored.GetProperty("score").Str("total"), scored.GetProperty("score").Str("criticalFailed")));
        await (await Host.As("grader2")).PostAsync($"/api/v1/grading/evaluations/{id}/submit", null).Expect(HttpStatusCode.Forbidden);
        var submitted = await grader.PostAsync($"/api/v1/grading/evaluations/{id}/submit", null).Ok();
        Assert.Equal("Submitted", submitted.Str("status"));

        await (await Host.As("agent2")).GetAsync($"/api/v1/grading/evaluations/{id}").Expect(HttpStatusCode.Forbidden);
        var agent = await Host.As("agent1");
        Assert.Equal("Submitted", (await agent.GetAsync($"/api/v1/grading/evaluations/{id}").Ok()).Str("status"));
        await agent.PostAsJsonAsync($"/api/v1/grading/evaluations/{id}/dispute", new { reason = "" }).Expect(HttpStatusCode.BadRequest);
        await agent.PostAsJsonAsync($"/api/v1/grading/evaluations/{id}/dispute", new { reason = "政策口径以 2026 年公告为准" }).Ok();

        await grader.PostAsJsonAsync($"/api/v1/grading/evaluations/{id}/review", new { decision = "uphold", note = "x" }).Expect(HttpStatusCode.Forbidden);
        var perfect = questions.Select(q => new { questionId = q.Id, points = q.Max }).ToList();
        var revised = await (await Host.As("grader2")).PostAsJsonAsync($"/api/v1/grading/evaluations/{id}/review", new { decision = "revise", answers = perfect, note = "按新公告答复正确" }).Ok();
        Assert.Equal(("Revised", "100", "0"), (revised.Str("status"), revised.GetProperty("score").Str("total"), revised.GetProperty("originalScore").Str("total")));

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        var trail = await (await Host.As("supervisor")).GetAsync($"/api/v1/audit/{today}").Ok();
        Assert.Equal(["evaluation-start", "evaluation-submit", "evaluation-dispute", "evaluation-revise"],
            trail.EnumerateArray().Where(e => e.Str("subject") == $"evaluation:{id}").Select(e => e.Str("action")));
    }

    [Fact]
    public async Task Nobody_grades_their_own_call_and_unknown_calls_or_forms_are_404()
    {
        var callId = await RecordedCalls.TakenCall(Host, "grader");
        var grader = await Host.As("grader");
        var supervisor = await Host.As("supervisor");
        await Api.WaitFor(() => grader.GetAsync("/api/v1/grading/forms/12366").Expect(HttpStatusCode.OK), _ => true, "the default scorecard");
        var own = await supervisor.PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, grader = "grader" }).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("own calls", own.Str("detail"));
        await supervisor.PostAsJsonAsync("/api/v1/grading/evaluations", new { callId = "no-such-call", grader = "grader" }).Expect(HttpStatusCode.NotFound);
        await supervisor.PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, grader = "grader2", formId = "no-such-form" }).Expect(HttpStatusCode.NotFound);
        await (await Host.As("agent1")).PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, agent = "agent2" }).Expect(HttpStatusCode.Forbidden);
        var admin = await Host.As("admin");
        await admin.PutAsJsonAsync("/api/v1/grading/forms/mini", new { name = "mini", sections = new[] { new { id = "s", name = "S", weight = 0, questions = new[] { new { id = "q", text = "q", kind = "Scale", maxPoints = 5 } } } } })
            .Expect(HttpStatusCode.BadRequest);
        var mini = await admin.PutAsJsonAsync("/api/v1/grading/forms/mini", new { name = "mini", sections = new[] { new { id = "s", name = "S", weight = 1, questions = new[] { new { id = "q", text = "q", kind = "Scale", maxPoints = 5 } } } } }).Ok();
        Assert.Equal("1", mini.Str("version"));
    }

    [Fact]
    public async Task An_agent_sees_their_submitted_evaluations_and_the_monthly_report_counts_scores_and_critical_fails()
    {
        var grader = await Host.As("grader");
        var form = await Api.WaitFor(() => grader.GetAsync("/api/v1/grading/forms/12366").Expect(HttpStatusCode.OK), _ => true, "the default scorecard");
        var questions = form.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("questions").EnumerateArray()).ToList();
        var agent = await Host.As("agent3");
        var supervisor = await Host.As("supervisor");
        var ids = new List<string>();
        foreach (var correct in new[] { true, false })
        {
            var id = (await supervisor.PostAsJsonAsync("/api/v1/grading/evaluations", new { callId = await RecordedCalls.TakenCall(Host, "agent3"), grader = "grader" }).Ok()).Str("evaluationId");
            var answers = questions.Select(q => new { questionId = q.Str("id"), points = q.Str("id") == "correct" && !correct ? 0 : q.GetProperty("maxPoints").GetInt32() }).ToList();
            await grader.PutAsJsonAsync($"/api/v1/grading/evaluations/{id}/answers", new { answers }).Ok();
            await agent.GetAsync($"/api/v1/grading/evaluations/{id}").Expect(HttpStatusCode.Forbidden);
            await grader.PostAsync($"/api/v1/grading/evaluations/{id}/submit", null).Ok();
            ids.Add(id);
        }

        var mine = await agent.GetAsync("/api/v1/grading/mine").Ok();
        Assert.Equal(ids.AsEnumerable().Reverse(), mine.EnumerateArray().Select(e => e.Str("evaluationId")));
        await agent.PostAsync($"/api/v1/grading/evaluations/{ids[0]}/acknowledge", null).Ok();

        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");
        var row = (await supervisor.GetAsync($"/api/v1/grading/reports/agents?month={month}").Ok()).EnumerateArray().Single(r => r.Str("agent") == "agent3");
        Assert.Equal(("2", "50", "0", "1"), (row.Str("evaluations"), row.Str("average"), row.Str("lowest"), row.Str("criticalFails")));
        var csv = await supervisor.GetStringAsync($"/api/v1/grading/reports/agents.csv?month={month}");
        Assert.Contains("agent,evaluations,average,lowest,critical_fails", csv);
        Assert.Contains("agent3,2,50,0,1", csv);
        var team = (await supervisor.GetAsync($"/api/v1/grading/reports/teams?month={month}").Ok()).EnumerateArray().Single(t => t.Str("team") == "纳税服务科");
        Assert.True(team.GetProperty("evaluations").GetInt32() >= 2 && team.GetProperty("criticalFails").GetInt32() >= 1);
        var byQuestion = (await supervisor.GetAsync($"/api/v1/grading/reports/questions?month={month}").Ok()).EnumerateArray().ToList();
        Assert.Contains(byQuestion, q => q.Str("questionId") == "correct");
        await supervisor.GetAsync("/api/v1/grading/reports/agents?month=2026-13").Expect(HttpStatusCode.BadRequest);
        await agent.GetAsync($"/api/v1/grading/reports/agents?month={month}").Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_supervisor_scoring_a_call_in_progress_sends_the_running_total_to_the_wallboard_live()
    {
        var callId = await RecordedCalls.TakenCall(Host, "agent2", end: false);
        var supervisor = await Host.As("supervisor");
        var form = await Api.WaitFor(() => supervisor.GetAsync("/api/v1/grading/forms/12366").Expect(HttpStatusCode.OK), _ => true, "the default scorecard");
        await using var wallboard = await Wallboard.Connect(Host, "supervisor");
        var id = (await supervisor.PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, agent = "agent2" }).Ok()).Str("evaluationId");
        await supervisor.PutAsJsonAsync($"/api/v1/grading/evaluations/{id}/answers", new { answers = new[] { new { questionId = "patience", points = 5, comment = "语气生硬" } } }).Ok();
        var live = await wallboard.WaitFor(b => b.Quality?.Any(q => q.Agent == "agent2" && q.Live) == true);
        Assert.Equal(50m, live.Quality!.Single(q => q.Agent == "agent2").Latest);

        var answers = form.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("questions").EnumerateArray())
            .Select(q => new { questionId = q.Str("id"), points = q.GetProperty("maxPoints").GetInt32() }).ToList();
        await supervisor.PutAsJsonAsync($"/api/v1/grading/evaluations/{id}/answers", new { answers }).Ok();
        await supervisor.PostAsync($"/api/v1/grading/evaluations/{id}/submit", null).Ok();
        await wallboard.WaitFor(b => b.Quality?.Any(q => q.Agent == "agent2" && !q.Live && q.Latest == 100m) == true);
    }
}
